package dev.kontor.fulfillment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Inventory;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.OrderNote;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.orders.ShippableOrder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warehouse's queue: orders ready to ship now, oldest first. Ready means approved and not on hold, something
 * left to ship, the money paid (or not needed yet: payment terms, cash on delivery), and every unit reserved
 * (none waiting for stock). Void orders are never approved, so never here. Each row carries its shipping notes.
 */
@Service
public class WarehouseQueue {

    /** How many candidates one look at the queue considers. */
    static final int LIMIT = 2000;

    /** One order in the queue with the notes for whoever packs it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "WarehouseQueueEntry")
    public record Entry(ShippableOrder order, List<OrderNote> shippingNotes) {}

    /**
     * The queue as filtered, and counts over the whole queue.
     *
     * @param byCarrier ready orders per planned carrier code ({@code ""}: none planned)
     * @param waitingForStock approved, payable orders not in the queue because some unit is backordered
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "WarehouseQueue")
    public record View(
            List<Entry> entries,
            Map<String, Long> byCarrier,
            Map<String, Long> byChannel,
            int waitingForStock,
            int total) {}

    private final Orders orders;
    private final OrderNotes orderNotes;
    private final Inventory inventory;

    WarehouseQueue(Orders orders, OrderNotes orderNotes, Inventory inventory) {
        this.orders = orders;
        this.orderNotes = orderNotes;
        this.inventory = inventory;
    }

    /** The queue, optionally only one planned carrier ({@code "-"}: none planned) or one channel. */
    @Transactional(readOnly = true)
    public View view(Actor actor, String carrier, String channel) {
        List<ShippableOrder> candidates = orders.shippable(actor, LIMIT);
        Set<Long> waiting = inventory.waitingForStock(
                candidates.stream().map(ShippableOrder::id).toList());
        List<ShippableOrder> ready =
                candidates.stream().filter(o -> !waiting.contains(o.id())).toList();
        Map<String, Long> byCarrier = ready.stream()
                .collect(Collectors.groupingBy(
                        o -> o.plannedCarrier() == null ? "" : o.plannedCarrier(),
                        TreeMap::new,
                        Collectors.counting()));
        Map<String, Long> byChannel = ready.stream()
                .collect(Collectors.groupingBy(ShippableOrder::channel, TreeMap::new, Collectors.counting()));
        List<ShippableOrder> shown = ready.stream()
                .filter(o -> carrier == null
                        || carrier.isBlank()
                        || ("-".equals(carrier) ? o.plannedCarrier() == null : carrier.equals(o.plannedCarrier())))
                .filter(o -> channel == null || channel.isBlank() || channel.equals(o.channel()))
                .toList();
        Map<Long, List<OrderNote>> notes =
                orderNotes.of(shown.stream().map(ShippableOrder::id).toList(), NoteKind.BUYER, NoteKind.SHIPPING);
        return new View(
                shown.stream()
                        .map(o -> new Entry(o, notes.getOrDefault(o.id(), List.of())))
                        .toList(),
                byCarrier,
                byChannel,
                waiting.size(),
                ready.size());
    }
}
