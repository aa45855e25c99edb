package dev.kontor.aftersales;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.access.AccessSettings;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.CatalogItem;
import dev.kontor.catalog.VariantStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderContent;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.OrderRevisions;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Money;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer service's changes to an order's lines and prices before it ships: exchange a variant (another colour or
 * size), add a free gift, give a rebate, change a price. Each needs a reason, customer service's permission and the
 * order at the version the user saw; each is one transaction with its timeline entry and the stock in step. A
 * discount beyond the limit needs a supervisor, as any discount does.
 */
@Service
public class AfterSales {

    private static final long MAX_AMOUNT = 100_000_000_00L;

    private final OrderRevisions revisions;
    private final Catalog catalog;
    private final AccessSettings access;

    AfterSales(OrderRevisions revisions, Catalog catalog, AccessSettings access) {
        this.revisions = revisions;
        this.catalog = catalog;
        this.access = access;
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

    /** Gives the customer a rebate (compensation) off the order's total. */
    @Transactional
    public Order rebate(Actor actor, long id, Integer expectedVersion, Long amount, String reason) {
        String why = Reasons.require(reason);
        if (amount == null || amount <= 0) {
            throw InvalidInputException.of("amount", "validation.positive");
        }
        Order order = revisions.lockForService(actor, id, expectedVersion);
        OrderContent c = order.content();
        long goods = order.totals().total() - c.shipping();
        if (amount > goods) {
            throw InvalidInputException.of(
                    "amount",
                    "validation.rebate.too-large",
                    Money.of(goods, c.currency()).toString());
        }
        OrderContent after = c.withDiscount(c.discount() + amount);
        if (Order.discountBasisPoints(after) > access.discountLimitBasisPoints() && !actor.has(Role.SUPERVISOR)) {
            throw new ActionRefusedException("rebate", order.lifecycle().name(), "order.refused.rebate-over-limit");
        }
        return revisions.revise(
                actor,
                order,
                after,
                "order.rebate",
                why,
                Map.of("amount", Money.of(amount, c.currency()).toString()));
    }

    /**
     * Changes a line's unit price ({@code lineId} given) or the order's discount ({@code lineId} null) before
     * anything shipped. A total below the money already kept is refused (refund first), so the books never show an
     * overpayment made by a price change.
     */
    @Transactional
    public Order changePrice(Actor actor, long id, Integer expectedVersion, Long lineId, Long amount, String reason) {
        String why = Reasons.require(reason);
        if (amount == null || amount < 0) {
            throw InvalidInputException.of("amount", "validation.not-negative");
        }
        if (amount > MAX_AMOUNT) {
            throw InvalidInputException.of("amount", "validation.max", MAX_AMOUNT);
        }
        Order order = revisions.lockForService(actor, id, expectedVersion);
        OrderContent c = order.content();
        Map<String, String> details = new LinkedHashMap<>();
        OrderContent after = lineId == null ? withDiscount(c, amount, details) : withPrice(c, lineId, amount, details);
        if (after.equals(c)) {
            return order;
        }
        int discount = Order.discountBasisPoints(after);
        if (discount > access.discountLimitBasisPoints()
                && discount > Order.discountBasisPoints(c)
                && !actor.has(Role.SUPERVISOR)) {
            throw new ActionRefusedException("price", order.lifecycle().name(), "order.refused.price-over-limit");
        }
        if (after.totals().total() < order.paid() - order.refunded()) {
            throw new ActionRefusedException(
                    "price",
                    order.lifecycle().name(),
                    "order.refused.price-below-paid",
                    Money.of(order.paid() - order.refunded(), c.currency()).toString());
        }
        return revisions.revise(actor, order, after, "order.price-changed", why, details);
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
