package dev.kontor.orders;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.orders.internal.NoteRepository;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on an order for the people who need them: internal (colleagues), finance (shown on the money views) and
 * shipping (on the warehouse queue and the packing slip). Each note is in the order's timeline.
 */
@Service
public class OrderNotes {

    private final NoteRepository notes;
    private final OrderChanges changes;
    private final Orders orders;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrderNotes(
            NoteRepository notes, OrderChanges changes, Orders orders, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.notes = notes;
        this.changes = changes;
        this.orders = orders;
        this.clock = clock;
    }

    /** Leaves a note for colleagues, finance or the warehouse. */
    @Transactional
    public OrderNote add(Actor actor, long id, NoteKind kind, String body) {
        String text = Text.clean(body);
        Problems problems = new Problems();
        if (kind == null) {
            problems.add("kind", "validation.required");
        } else if (kind == NoteKind.BUYER && !actor.isSystem()) {
            problems.add("kind", "validation.note.buyer");
        }
        if (text == null) {
            problems.add("body", "validation.required");
        } else if (text.length() > 4000) {
            problems.add("body", "validation.too-long", 4000);
        }
        problems.throwIfAny();
        Order order = changes.lockAllowed(actor, id, null, Permission.ORDER_NOTE);
        OrderNote note = notes.insert(id, kind, text, actor.userId(), actor.displayName(), clock.instant());
        changes.save(actor, order.copy(), order, "order.note-added", null, Map.of("kind", kind.name(), "note", text));
        events.publishEvent(new OrderNoteAdded(id, order.number(), kind, text, actor.userId(), actor.displayName()));
        return note;
    }

    /** The order's notes, as this user may see the order. */
    @Transactional(readOnly = true)
    public List<OrderNote> of(Actor actor, long id) {
        orders.view(actor, id);
        return notes.findByOrder(id);
    }

    /**
     * The notes of these kinds on several orders (the warehouse queue's shipping notes and buyer's messages), by
     * order id.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<OrderNote>> of(Collection<Long> ids, NoteKind... kinds) {
        return notes.findByOrders(ids, List.of(kinds)).stream()
                .collect(Collectors.groupingBy(OrderNote::orderId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Copies one kind of note from an order to an order made from it (a split keeps the shipping notes). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void copy(long fromOrderId, long toOrderId, NoteKind kind) {
        notes.findByOrder(fromOrderId).stream()
                .filter(note -> note.kind() == kind)
                .forEach(note -> notes.insert(toOrderId, kind, note.body(), null, note.authorName(), clock.instant()));
    }
}
