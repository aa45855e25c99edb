package dev.kontor.aftersales;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.access.AccessSettings;
import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.access.Approvals;
import dev.kontor.access.Role;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.CatalogItem;
import dev.kontor.catalog.VariantStatus;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderContent;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.OrderRevisions;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Money;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer service's changes to an order's lines and prices before it ships: exchange a variant (another colour or
 * size), add a free gift, give a rebate, change a price. Each needs a reason, customer service's permission and the
 * order at the version the user saw; each is one transaction with its timeline entry and the stock in step. A
 * discount beyond the limit (a rebate, a lower price) is asked of a supervisor, as any discount is, and given when
 * they approve.
 */
@Service
public class AfterSales {

    private static final long MAX_AMOUNT = 100_000_000_00L;

    /** The approval actions this module carries out ({@link AfterSalesApprovals}). */
    static final String REBATE = "aftersales.rebate";

    static final String PRICE = "aftersales.price";

    private final OrderRevisions revisions;
    private final Catalog catalog;
    private final AccessSettings access;
    private final Approvals approvals;

    AfterSales(OrderRevisions revisions, Catalog catalog, AccessSettings access, Approvals approvals) {
        this.revisions = revisions;
        this.catalog = catalog;
        this.access = access;
        this.approvals = approvals;
    }

    /**
     * Exchanges a line's variant: the new variant must be in the catalog and not discontinued; the price stays; the
     * reservation moves to the new variant.
     */
    @Transactional
    public Order exchange(Actor actor, long id, Integer expectedVersion, long lineId, String sku, String reason) {
        String why = Reasons.require(reason);
        Order order = revisions.lockForService(actor, id, expectedVersion);
        OrderLine line = line(order, lineId);
        if (Text.clean(sku) == null) {
            throw InvalidInputException.of("sku", "validation.required");
        }
        CatalogItem item = item(sku);
        if (item == null) {
            throw InvalidInputException.of("sku", "validation.exchange.unknown", sku.strip());
        }
        if (item.status() == VariantStatus.DISCONTINUED) {
            throw InvalidInputException.of("sku", "validation.exchange.discontinued", item.sku());
        }
        if (item.sku().equalsIgnoreCase(line.sku())) {
            throw InvalidInputException.of("sku", "validation.exchange.same", item.sku());
        }
        List<OrderLine> lines = order.lines().stream()
                .map(l -> l.id() != lineId ? l : l.withVariant(item.sku(), item.productName(), item.attributes()))
                .toList();
        return revisions.revise(
                actor,
                order,
                order.content().withLines(lines),
                "order.exchange",
                why,
                Map.of(
                        "from", line.sku() + " " + line.attributeText(),
                        "to",
                                item.sku() + " "
                                        + String.join(" / ", item.attributes().values())));
    }

    /** Adds a free gift line (a gift has no price: one with a price is refused). */
    @Transactional
    public Order addGift(
            Actor actor,
            long id,
            Integer expectedVersion,
            String sku,
            String name,
            Integer quantity,
            Long price,
            String reason) {
        String why = Reasons.require(reason);
        checkGift(sku, quantity, price);
        Order order = revisions.lockForService(actor, id, expectedVersion);
        CatalogItem item = item(sku);
        String label = Text.clean(name) != null ? name.strip() : item != null ? item.productName() : null;
        if (label == null) {
            throw InvalidInputException.of("name", "validation.required");
        }
        String code = item != null ? item.sku() : sku.strip();
        List<OrderLine> lines = new ArrayList<>(order.lines());
        int position = lines.stream().mapToInt(OrderLine::position).max().orElse(0) + 1;
        lines.add(OrderLine.free(position, code, label, item != null ? item.attributes() : Map.of(), quantity, 0));
        return revisions.revise(
                actor,
                order,
                order.content().withLines(lines),
                "order.gift",
                why,
                Map.of("sku", code, "quantity", quantity.toString()));
    }

    private static void checkGift(String sku, Integer quantity, Long price) {
        Problems problems = new Problems();
        if (price != null && price != 0) {
            problems.add("price", "validation.gift.priced");
        }
        if (quantity == null || quantity <= 0) {
            problems.add("quantity", "validation.positive");
        } else if (quantity > 1000) {
            problems.add("quantity", "validation.max", 1000);
        }
        if (Text.clean(sku) == null) {
            problems.add("sku", "validation.required");
        }
        problems.throwIfAny();
    }

    /**
     * Gives the customer a rebate (compensation) off the order's total. Beyond the discount limit a supervisor is
     * asked instead (the outcome carries the request), and the rebate is given when they approve.
     */
    @Transactional
    public ActionOutcome rebate(Actor actor, long id, Integer expectedVersion, Long amount, String reason) {
        String why = Reasons.require(reason);
        if (amount == null || amount <= 0) {
            throw InvalidInputException.of("amount", "validation.positive");
        }
        Order order = revisions.lockForService(actor, id, expectedVersion);
        OrderContent after = rebated(order, amount);
        if (Order.discountBasisPoints(after) > access.discountLimitBasisPoints() && !actor.has(Role.SUPERVISOR)) {
            return ask(actor, order, REBATE, Map.of("amount", String.valueOf(amount)), why);
        }
        return ActionOutcome.done(giveRebate(actor, order, amount, why, Map.of()));
    }

    private static OrderContent rebated(Order order, long amount) {
        OrderContent c = order.content();
        long goods = order.totals().total() - c.shipping();
        if (amount > goods) {
            throw InvalidInputException.of(
                    "amount",
                    "validation.rebate.too-large",
                    Money.of(goods, c.currency()).toString());
        }
        return c.withDiscount(c.discount() + amount);
    }

    private Order giveRebate(Actor actor, Order order, long amount, String why, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("amount", Money.of(amount, order.currency()).toString());
        details.putAll(more);
        return revisions.revise(actor, order, rebated(order, amount), "order.rebate", why, details);
    }

    /** A supervisor's approval for a discount beyond the limit, asked on the order with the requester's reason. */
    private ActionOutcome ask(Actor actor, Order order, String action, Map<String, String> payload, String why) {
        return new ActionOutcome(
                order,
                approvals.request(
                        actor,
                        new Approvals.Ask(
                                Orders.SUBJECT,
                                order.id(),
                                order.number(),
                                action,
                                payload,
                                order.version(),
                                why,
                                "approval.why.discount")));
    }

    /**
     * Gives the rebate or the price a supervisor approved, as the requester asked it, to the order as it was then (a
     * changed order is refused as stale).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void carryOutApproved(Actor requester, ApprovalRequest request, Actor approver) {
        Order order = revisions.lockForService(requester, request.subjectId(), request.subjectVersion());
        Map<String, String> approvedBy = Map.of("approvedBy", approver.displayName());
        long amount = Long.parseLong(request.payload().get("amount"));
        if (REBATE.equals(request.action())) {
            giveRebate(requester, order, amount, request.reason(), approvedBy);
        } else {
            String line = request.payload().get("lineId");
            changeTo(requester, order, line == null ? null : Long.valueOf(line), amount, request.reason(), approvedBy);
        }
    }

    /**
     * Changes a line's unit price ({@code lineId} given) or the order's discount ({@code lineId} null) before
     * anything shipped. A total below the money already kept is refused (refund first), so the books never show an
     * overpayment made by a price change.
     */
    @Transactional
    public ActionOutcome changePrice(
            Actor actor, long id, Integer expectedVersion, Long lineId, Long amount, String reason) {
        String why = Reasons.require(reason);
        if (amount == null || amount < 0) {
            throw InvalidInputException.of("amount", "validation.not-negative");
        }
        if (amount > MAX_AMOUNT) {
            throw InvalidInputException.of("amount", "validation.max", MAX_AMOUNT);
        }
        Order order = revisions.lockForService(actor, id, expectedVersion);
        OrderContent c = order.content();
        OrderContent after = priced(c, lineId, amount, new LinkedHashMap<>());
        int discount = Order.discountBasisPoints(after);
        if (discount > access.discountLimitBasisPoints()
                && discount > Order.discountBasisPoints(c)
                && !actor.has(Role.SUPERVISOR)) {
            requireNotBelowPaid(order, after);
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put("amount", String.valueOf(amount));
            if (lineId != null) {
                payload.put("lineId", String.valueOf(lineId));
            }
            return ask(actor, order, PRICE, payload, why);
        }
        return ActionOutcome.done(changeTo(actor, order, lineId, amount, why, Map.of()));
    }

    private Order changeTo(Actor actor, Order order, Long lineId, long amount, String why, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>();
        OrderContent after = priced(order.content(), lineId, amount, details);
        if (after.equals(order.content())) {
            return order;
        }
        requireNotBelowPaid(order, after);
        details.putAll(more);
        return revisions.revise(actor, order, after, "order.price-changed", why, details);
    }

    private static OrderContent priced(OrderContent c, Long lineId, long amount, Map<String, String> details) {
        return lineId == null ? withDiscount(c, amount, details) : withPrice(c, lineId, amount, details);
    }

    /** A total below the money already kept is refused (refund first): the books never show a made-up overpayment. */
    private static void requireNotBelowPaid(Order order, OrderContent after) {
        if (after.totals().total() < order.paid() - order.refunded()) {
            throw new ActionRefusedException(
                    "price",
                    order.lifecycle().name(),
                    "order.refused.price-below-paid",
                    Money.of(order.paid() - order.refunded(), order.currency()).toString());
        }
    }

    private static OrderContent withDiscount(OrderContent c, long amount, Map<String, String> details) {
        if (amount > c.lines().stream().mapToLong(OrderLine::total).sum()) {
            throw InvalidInputException.of("amount", "validation.discount.too-large");
        }
        details.put("discount", Money.of(c.discount(), c.currency()) + " → " + Money.of(amount, c.currency()));
        return c.withDiscount(amount);
    }

    private static OrderContent withPrice(OrderContent c, long lineId, long amount, Map<String, String> details) {
        OrderLine line = c.lines().stream()
                .filter(l -> l.id() == lineId)
                .findFirst()
                .orElseThrow(
                        () -> InvalidInputException.of("lineId", "order.refused.unknown-line", String.valueOf(lineId)));
        if (line.discount() > amount * line.quantity()) {
            throw InvalidInputException.of("amount", "validation.discount.too-large");
        }
        details.put("sku", line.sku());
        details.put("unitPrice", Money.of(line.unitPrice(), c.currency()) + " → " + Money.of(amount, c.currency()));
        return c.withLines(c.lines().stream()
                .map(l -> l.id() != lineId ? l : l.withUnitPrice(amount))
                .toList());
    }

    private static OrderLine line(Order order, long lineId) {
        return order.lines().stream()
                .filter(l -> l.id() == lineId)
                .findFirst()
                .orElseThrow(
                        () -> InvalidInputException.of("lineId", "order.refused.unknown-line", String.valueOf(lineId)));
    }

    private CatalogItem item(String sku) {
        return catalog.items(List.of(sku)).get(sku.strip().toUpperCase(Locale.ROOT));
    }
}
