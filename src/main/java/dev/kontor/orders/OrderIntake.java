package dev.kontor.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.Verdict;
import dev.kontor.customers.Blacklist;
import dev.kontor.customers.BlacklistEntry;
import dev.kontor.orders.internal.NumberSeries;
import dev.kontor.orders.internal.OrderRepository;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Change;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placing an order: by hand (a draft or straight into review), through the API, later from a marketplace file. One
 * transaction checks the input as a whole, finds or creates the customer, numbers the order in its channel's gapless
 * series, writes it (flagged and held at once when a blacklist mark catches it), holds or reserves its stock,
 * records it in the timeline and announces it ({@link OrderPlaced}). A marketplace order placed before (same
 * channel and external id) is answered as it is instead of being placed twice.
 */
@Service
public class OrderIntake {

    private final OrderRepository orders;
    private final NumberSeries numbers;
    private final OrderInputs inputs;
    private final OrderChanges changes;
    private final OrderStock stock;
    private final Permissions permissions;
    private final Blacklist blacklist;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderIntake(
            OrderRepository orders,
            NumberSeries numbers,
            OrderInputs inputs,
            OrderChanges changes,
            OrderStock stock,
            Permissions permissions,
            Blacklist blacklist,
            ApplicationEventPublisher events,
            Clock clock) {
        this.orders = orders;
        this.numbers = numbers;
        this.inputs = inputs;
        this.changes = changes;
        this.stock = stock;
        this.permissions = permissions;
        this.blacklist = blacklist;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Places an order as a draft or straight into review. An order whose discount needs approval is kept as a draft
     * and its submission asked for.
     */
    @Transactional
    public PlacedOrder place(Actor actor, OrderInput written, boolean asDraft) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        OrderInput input = inputs.checked(written, null);
        String externalId = Text.clean(input.externalId());
        if (externalId != null) {
            orders.lockExternalId(input.channel(), externalId);
            Optional<Long> existing = orders.findIdByExternalId(input.channel(), externalId);
            if (existing.isPresent()) {
                return new PlacedOrder(orders.findById(existing.get()).orElseThrow(), false, null);
            }
        }
        OrderContent content = inputs.contentOf(actor, input);
        Verdict submit = asDraft
                ? Verdict.ALLOWED
                : permissions.require(actor, Permission.ORDER_SUBMIT, asWritten(actor, content));
        boolean draft = asDraft || submit instanceof Verdict.NeedsApproval;
        if (!draft) {
            OrderInputs.requireReadyForReview(content);
        }
        Instant now = clock.instant();
        String number = numbers.next(draft ? "DRAFT" : input.channel());
        Order order = Order.place(
                number,
                input.channel(),
                externalId,
                content,
                draft ? LifecycleStatus.DRAFT : LifecycleStatus.NEW,
                input.placedAt() == null ? now : input.placedAt(),
                now,
                actor.displayName());
        Optional<BlacklistEntry> caught =
                blacklist.match(content.customerId(), content.email(), content.phone(), content.shippingAddress());
        caught.filter(hit -> order.lifecycle() == LifecycleStatus.NEW)
                .ifPresent(hit -> order.apply(OrderAction.HOLD, holdReason(hit), () -> number));
        Order stored = orders.insert(
                order,
                caught.map(hit -> new OrderRepository.Flag(hit.customerId(), hit.reason()))
                        .orElse(null));
        stock.sync(actor, stored);
        changes.record(
                actor,
                stored,
                draft ? "order.draft-created" : "order.created",
                List.of(),
                null,
                Map.of(
                        "number",
                        number,
                        "channel",
                        input.channel(),
                        "total",
                        stored.total().toString()));
        caught.ifPresent(hit -> recordCaught(actor, stored, hit));
        events.publishEvent(new OrderPlaced(stored.id(), number, input.channel(), stored.lifecycle()));
        if (submit instanceof Verdict.NeedsApproval needed) {
            return new PlacedOrder(
                    stored,
                    true,
                    changes.ask(actor, stored, "order.submit", Map.of("action", "submit"), null, needed.why(), null));
        }
        return new PlacedOrder(stored, true, null);
    }

    /** The order about to be written, in the access policy's terms: its writer is responsible unless it says. */
    private static Situation asWritten(Actor actor, OrderContent content) {
        return new Situation(
                content.responsibleId() != null ? content.responsibleId() : actor.userId(),
                content.observerIds(),
                LifecycleStatus.DRAFT.name(),
                false,
                false,
                Order.discountBasisPoints(content));
    }

    private static String holdReason(BlacklistEntry hit) {
        return "blacklist: " + hit.reason();
    }

    /** The timeline says why the order arrived flagged, and held when it came for review. */
    private void recordCaught(Actor actor, Order order, BlacklistEntry hit) {
        changes.record(
                actor,
                order,
                "order.flagged",
                List.of(Change.of("blacklisted", false, true)),
                hit.reason(),
                Map.of("matched", hit.kind()));
        if (order.lifecycle() == LifecycleStatus.ON_HOLD) {
            changes.record(
                    Actor.system("blacklist"),
                    order,
                    "order." + OrderAction.HOLD.key(),
                    List.of(Change.of("lifecycle", LifecycleStatus.NEW, LifecycleStatus.ON_HOLD)),
                    holdReason(hit),
                    Map.of());
        }
    }
}
