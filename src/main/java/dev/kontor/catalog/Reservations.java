package dev.kontor.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.catalog.internal.ProductRepository;
import dev.kontor.catalog.internal.ReservationRepository;
import dev.kontor.catalog.internal.StockRepository;
import dev.kontor.catalog.internal.StockRepository.Context;
import dev.kontor.catalog.internal.StockRepository.Delta;
import dev.kontor.shared.ActionRefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What orders hold of the stock: a draft's time-limited hold, an order's commitment (backordering the shortfall
 * where the variant allows it, otherwise refused), the move of a holding to another order's line, shipping and
 * releasing. Reserving is a conditional update on the stock row with its ledger movement, so stock is never promised
 * twice. Each method runs in the order's transaction.
 */
@Service
public class Reservations {

    /** The reason a commitment is refused for want of stock (a variant not backordered, its units not there). */
    public static final String OUT_OF_STOCK = "stock.refused.out-of-stock";

    /** How an order line holds stock. */
    public enum Mode {
        /** A draft's hold: whatever is available now, until a deadline; never refused. */
        HOLD,
        /** An order's commitment: everything, backordering the shortfall if allowed, otherwise refused. */
        COMMIT
    }

    private final ProductRepository products;
    private final StockRepository stock;
    private final ReservationRepository reservations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reservations(
            ProductRepository products,
            StockRepository stock,
            ReservationRepository reservations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.products = products;
        this.stock = stock;
        this.reservations = reservations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes the order's holdings match its lines: releases lines no longer there (or units no longer
     * needed), and reserves the rest as the mode says. Lines whose code is not in the catalog hold nothing.
     * Runs in the order's transaction: if a commitment is refused, nothing of it stays.
     */
    @Transactional
    public void reserve(Actor actor, OrderRef order, List<Need> needs, Mode mode, Instant holdUntil) {
        if (mode == Mode.COMMIT) {
            // one order is a batch of one: when it holds nothing yet and its units are there, its stock rows are
            // locked, reserved, booked and held in one statement each instead of five per line (issue 20)
            commitAll(actor, Map.of(order, needs));
            return;
        }
        reserve(
                actor,
                order,
                needs,
                mode,
                holdUntil,
                reservations.lockByOrder(order.id()),
                products.findVariantsBySkus(needs.stream().map(Need::sku).toList()));
    }

    /**
     * {@link #reserve} with {@link Mode#COMMIT} for many orders (a bulk approval), with the same outcome as
     * committing them one after the other. What they hold and the variants their lines name are read in one
     * statement each. Orders holding nothing yet whose variants all have the units the batch needs available are
     * committed together: the stock rows locked in a fixed order, reserved in one guarded update, the ledger rows
     * and holdings written in one statement each. The others (holding something already, or needing a variant the
     * batch would run short of) go through {@link #reserve} one by one, which backorders or refuses. A refused
     * commitment refuses them all: the caller's transaction rolls back.
     */
    @Transactional
    public void commitAll(Actor actor, Map<OrderRef, List<Need>> orders) {
        Map<Long, List<Holding>> held = new HashMap<>();
        reservations
                .lockByOrders(orders.keySet().stream().map(OrderRef::id).toList())
                .forEach(h -> held.computeIfAbsent(h.orderId(), k -> new ArrayList<>())
                        .add(h));
        commitAll(actor, orders, held);
    }

    /**
     * Which of these orders, holding nothing yet, {@link #commitAll} would refuse now: a line of a variant that is not
     * backordered without its units at the variant's best location, the orders before it in the list served first.
     * The stock rows are locked until the caller's transaction ends, so the answer holds when the others are
     * committed in it. Answers their places in the list ({@link Need#orderLineId} is not read: the lines may not be
     * written yet).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Integer> shortOf(List<List<Need>> orders) {
        Map<String, Variant> variants = products.findVariantsBySkus(
                orders.stream().flatMap(List::stream).map(Need::sku).distinct().toList());
        List<Map<Long, Integer>> wants = new ArrayList<>(orders.size());
        for (List<Need> needs : orders) {
            Map<Long, Integer> units = new HashMap<>();
            for (Need n : needs) {
                Variant v = variant(variants, n);
                if (v != null && !v.backorderable() && n.quantity() > 0) {
                    units.merge(v.id(), n.quantity(), Integer::sum);
                }
            }
            wants.add(units);
        }
        Set<Long> counted = new HashSet<>();
        wants.forEach(w -> counted.addAll(w.keySet()));
        Set<Integer> refused = new LinkedHashSet<>();
        if (counted.isEmpty()) {
            return refused;
        }
        Map<Long, StockRepository.Available> available = stock.lockBest(counted);
        Map<Long, Integer> taken = new HashMap<>();
        for (int i = 0; i < wants.size(); i++) {
            boolean enough = wants.get(i).entrySet().stream().allMatch(w -> {
                StockRepository.Available at = available.get(w.getKey());
                return at != null && at.units() - taken.getOrDefault(w.getKey(), 0) >= w.getValue();
            });
            if (enough) {
                wants.get(i).forEach((id, units) -> taken.merge(id, units, Integer::sum));
            } else {
                refused.add(i);
            }
        }
        return refused;
    }

    /**
     * {@link #commitAll} for orders placed in the caller's transaction, which hold nothing yet: what they hold is not
     * read (issue 20: no read after a write).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void commitAllPlaced(Actor actor, Map<OrderRef, List<Need>> orders) {
        commitAll(actor, orders, Map.of());
    }

    private void commitAll(Actor actor, Map<OrderRef, List<Need>> orders, Map<Long, List<Holding>> held) {
        Map<String, Variant> variants = products.findVariantsBySkus(orders.values().stream()
                .flatMap(List::stream)
                .map(Need::sku)
                .distinct()
                .toList());
        Map<OrderRef, List<Need>> fresh = new LinkedHashMap<>();
        Map<Long, Integer> wanted = new HashMap<>();
        orders.forEach((order, needs) -> {
            List<Need> stocked = needs.stream()
                    .filter(n -> n.quantity() > 0 && variant(variants, n) != null)
                    .toList();
            if (held.containsKey(order.id())) {
                reserve(actor, order, needs, Mode.COMMIT, null, held.get(order.id()), variants);
            } else if (!stocked.isEmpty()) {
                fresh.put(order, stocked);
                stocked.forEach(n -> wanted.merge(variant(variants, n).id(), n.quantity(), Integer::sum));
            }
        });
        if (fresh.isEmpty()) {
            return;
        }
        Map<Long, StockRepository.Available> available = stock.lockBest(wanted.keySet());
        List<StockRepository.Reservation> together = new ArrayList<>();
        fresh.forEach((order, needs) -> {
            boolean enough = needs.stream().allMatch(n -> {
                StockRepository.Available at =
                        available.get(variant(variants, n).id());
                return at != null && at.units() >= wanted.get(at.variantId());
            });
            if (!enough) {
                reserve(actor, order, orders.get(order), Mode.COMMIT, null, List.of(), variants);
                return;
            }
            for (Need n : needs) {
                long variantId = variant(variants, n).id();
                together.add(new StockRepository.Reservation(
                        n.orderLineId(),
                        order.id(),
                        order.label(),
                        variantId,
                        available.get(variantId).location(),
                        n.quantity()));
            }
        });
        stock.reserveAll(together, context(actor, null, null, null));
    }

    private static Variant variant(Map<String, Variant> variants, Need need) {
        return variants.get(need.sku().toUpperCase(Locale.ROOT));
    }

    private void reserve(
            Actor actor,
            OrderRef order,
            List<Need> needs,
            Mode mode,
            Instant holdUntil,
            List<Holding> holdings,
            Map<String, Variant> variants) {
        Map<Long, Holding> held = new HashMap<>();
        holdings.forEach(h -> held.put(h.orderLineId(), h));
        Set<Long> wanted = new HashSet<>();
        Set<String> freed = new LinkedHashSet<>();
        for (Need need : needs) {
            Variant variant = variants.get(need.sku().toUpperCase(Locale.ROOT));
            Holding current = held.get(need.orderLineId());
            if (variant == null || (current != null && current.variantId() != variant.id())) {
                if (current != null) {
                    releaseHolding(actor, order, current, MovementKind.RELEASE, "order changed");
                    freed.add(current.variantId() + "@" + current.location());
                }
                if (variant == null) {
                    continue;
                }
                current = null;
            }
            wanted.add(need.orderLineId());
            hold(actor, order, need, variant, current, mode, holdUntil, freed);
        }
        for (Holding h : held.values()) {
            if (!wanted.contains(h.orderLineId())) {
                releaseHolding(actor, order, h, MovementKind.RELEASE, "line removed");
                freed.add(h.variantId() + "@" + h.location());
            }
        }
        fillFreed(actor, freed);
    }

    private void hold(
            Actor actor,
            OrderRef order,
            Need need,
            Variant variant,
            Holding current,
            Mode mode,
            Instant holdUntil,
            Set<String> freed) {
        String location = current != null
                ? current.location()
                : stock.locationsByAvailability(variant.id()).get(0);
        int reserved = current == null ? 0 : current.reserved();
        int backordered = current == null ? 0 : current.backordered();
        int change = need.quantity() - reserved - backordered;
        Context context = context(actor, null, null, order);
        if (change < 0) {
            int fromBackorder = Math.min(backordered, -change);
            int fromReserved = -change - fromBackorder;
            stock.move(
                    variant.id(),
                    location,
                    MovementKind.RELEASE,
                    new Delta(0, -fromReserved, -fromBackorder, 0),
                    context);
            reserved -= fromReserved;
            backordered -= fromBackorder;
            freed.add(variant.id() + "@" + location);
        } else if (change > 0) {
            int got = stock.move(variant.id(), location, MovementKind.RESERVATION, new Delta(0, change, 0, 0), context)
                    ? change
                    : (mode == Mode.HOLD || variant.backorderable()
                            ? reserveUpTo(variant.id(), location, change, context)
                            : 0);
            int missing = change - got;
            reserved += got;
            if (missing > 0 && mode == Mode.COMMIT) {
                if (!variant.backorderable()) {
                    throw new ActionRefusedException(
                            "reserve",
                            variant.status().name(),
                            OUT_OF_STOCK,
                            variant.sku(),
                            stock.available(variant.id(), location) + got,
                            need.quantity());
                }
                stock.move(variant.id(), location, MovementKind.BACKORDER, new Delta(0, 0, missing, 0), context);
                backordered += missing;
            }
        }
        if (mode == Mode.COMMIT && reserved + backordered < need.quantity()) {
            throw new IllegalStateException("Commitment short for line " + need.orderLineId());
        }
        Holding updated = new Holding(
                need.orderLineId(),
                order.id(),
                order.label(),
                variant.id(),
                variant.sku(),
                location,
                reserved,
                backordered,
                mode == Mode.HOLD ? holdUntil : null);
        if (reserved == 0 && backordered == 0) {
            reservations.delete(need.orderLineId());
        } else {
            reservations.save(updated, clock.instant());
        }
    }

    /** Reserves as much as is available, up to {@code wanted}; retries when another order took units meanwhile. */
    private int reserveUpTo(long variantId, String location, int wanted, Context context) {
        for (int attempt = 0; attempt < 10; attempt++) {
            int take = Math.min(wanted, stock.available(variantId, location));
            if (take <= 0) {
                return 0;
            }
            if (stock.move(variantId, location, MovementKind.RESERVATION, new Delta(0, take, 0, 0), context)) {
                return take;
            }
        }
        return 0;
    }

    /**
     * Before a customer pays a draft: holds what its lines need until {@code until} and refuses, naming the
     * item, when a line cannot be had in full and may not be backordered. Nothing of the hold stays if it refuses
     * (the caller's transaction rolls back).
     */
    @Transactional
    public List<Holding> holdForCheckout(Actor actor, OrderRef order, List<Need> needs, Instant until) {
        reserve(actor, order, needs, Mode.HOLD, until);
        List<Holding> held = reservations.byOrder(order.id());
        Map<Long, Holding> byLine = new HashMap<>();
        held.forEach(h -> byLine.put(h.orderLineId(), h));
        Map<String, Variant> variants =
                products.findVariantsBySkus(needs.stream().map(Need::sku).toList());
        for (Need need : needs) {
            Variant variant = variants.get(need.sku().toUpperCase(Locale.ROOT));
            Holding h = byLine.get(need.orderLineId());
            int reserved = h == null ? 0 : h.reserved();
            if (variant != null && !variant.backorderable() && reserved < need.quantity()) {
                throw new ActionRefusedException(
                        "pay", variant.status().name(), OUT_OF_STOCK, variant.sku(), reserved, need.quantity());
            }
        }
        return held;
    }

    /** The order is void or deleted: everything it held goes back, and waiting backorders may take it. */
    @Transactional
    public void release(Actor actor, OrderRef order) {
        Set<String> freed = new LinkedHashSet<>();
        for (Holding h : reservations.lockByOrder(order.id())) {
            releaseHolding(actor, order, h, MovementKind.RELEASE, null);
            freed.add(h.variantId() + "@" + h.location());
        }
        fillFreed(actor, freed);
    }

    /** Units of an order line leave the warehouse; they must be reserved (a backorder ships once stock came in). */
    @Transactional
    public void ship(Actor actor, OrderRef order, long orderLineId, int quantity) {
        var found = reservations.lockByLine(orderLineId);
        if (found.isEmpty()) {
            return; // an item the catalog does not stock
        }
        Holding h = found.get();
        if (h.reserved() < quantity) {
            throw new ActionRefusedException(
                    "ship", "RESERVED", "stock.refused.not-in-stock", h.sku(), h.reserved(), quantity);
        }
        stock.move(
                h.variantId(),
                h.location(),
                MovementKind.SHIPMENT,
                new Delta(-quantity, -quantity, 0, 0),
                context(actor, null, null, order));
        Holding rest = new Holding(
                h.orderLineId(),
                h.orderId(),
                h.orderLabel(),
                h.variantId(),
                h.sku(),
                h.location(),
                h.reserved() - quantity,
                h.backordered(),
                h.expiresAt());
        if (rest.reserved() == 0 && rest.backordered() == 0) {
            reservations.delete(orderLineId);
        } else {
            reservations.save(rest, clock.instant());
        }
    }

    /**
     * Releases holds whose time is up, a batch at a time, and says so in an event per line (the orders module
     * writes it into the order's timeline). Safe with several Kontor instances: each takes rows the others do
     * not hold. Returns how many were released.
     */
    @Transactional
    public int releaseExpired(Actor actor, int batch) {
        Instant now = clock.instant();
        List<Holding> expired = reservations.lockExpired(now, batch);
        for (Holding h : expired) {
            releaseHolding(actor, new OrderRef(h.orderId(), h.orderLabel()), h, MovementKind.RELEASE, "hold expired");
            events.publishEvent(new ReservationExpired(
                    h.orderId(), h.orderLabel(), h.orderLineId(), h.sku(), h.reserved(), h.expiresAt(), now));
        }
        return expired.size();
    }

    private void releaseHolding(Actor actor, OrderRef order, Holding h, MovementKind kind, String reason) {
        if (h.reserved() > 0 || h.backordered() > 0) {
            stock.move(
                    h.variantId(),
                    h.location(),
                    kind,
                    new Delta(0, -h.reserved(), -h.backordered(), 0),
                    context(actor, reason, null, order));
        }
        reservations.delete(h.orderLineId());
    }

    private void fillFreed(Actor actor, Set<String> freed) {
        for (String key : freed) {
            String[] parts = key.split("@", 2);
            fillBackorders(actor, Long.parseLong(parts[0]), parts[1]);
        }
    }

    /** Moves available units to waiting backorders, oldest first (goods in, a release, a count). */
    void fillBackorders(Actor actor, long variantId, String location) {
        for (Holding waiting : reservations.lockWaitingBackorders(variantId, location)) {
            int take = Math.min(waiting.backordered(), stock.available(variantId, location));
            if (take <= 0) {
                return;
            }
            OrderRef order = new OrderRef(waiting.orderId(), waiting.orderLabel());
            if (stock.move(
                    variantId,
                    location,
                    MovementKind.RESERVATION,
                    new Delta(0, take, -take, 0),
                    context(actor, "backorder filled", null, order))) {
                reservations.save(
                        waiting.withUnits(waiting.reserved() + take, waiting.backordered() - take), clock.instant());
            }
        }
    }

    /** What a ledger movement records besides its figures: why, who, when, for which order. */
    Context context(Actor actor, String reason, String reference, OrderRef order) {
        return new Context(
                reason,
                reference,
                order == null ? null : order.id(),
                order == null ? null : order.label(),
                actor,
                clock.instant());
    }
}
