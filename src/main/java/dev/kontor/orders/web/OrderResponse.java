package dev.kontor.orders.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderContent;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.orders.Receipt;
import dev.kontor.orders.Totals;
import dev.kontor.shared.web.AddressPayload;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.modulith.NamedInterface;

/**
 * An order as the API shows it, wherever an API answers with an order (this module's and the after-sales verbs').
 * Amounts are integers in the currency's minor unit.
 */
@Schema(name = "Order")
@NamedInterface("http")
public record OrderResponse(
        long id,
        String number,
        String channel,
        String externalId,
        Status status,
        Customer customer,
        String email,
        String phone,
        AddressPayload billingAddress,
        AddressPayload shippingAddress,
        String currency,
        boolean pricesIncludeTax,
        List<Line> lines,
        Sums totals,
        long paid,
        long refunded,
        long outstanding,
        String paymentMethod,
        PaymentTerms paymentTerms,
        LocalDate dueDate,
        Set<String> tags,
        Long responsibleId,
        Set<Long> observerIds,
        String holdReason,
        List<String> allowedActions,
        Instant placedAt,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        int version,
        Receipt received,

        @Schema(
                example = "{\"deliveryDate\": \"2026-12-24\", \"budget\": {\"minor\": 125000, \"currency\": \"EUR\"}}",
                description = "The shop's own fields by key (GET /api/custom-fields says what each is)")
        Map<String, Object> customFields) {

    /** The three status axes. */
    @Schema(name = "OrderStatus")
    record Status(LifecycleStatus lifecycle, PaymentStatus payment, FulfilmentStatus fulfilment) {}

    @Schema(name = "CustomerRef")
    record Customer(long id, String name) {}

    @Schema(name = "OrderTotals")
    record Sums(long subtotal, long shipping, long discount, long tax, long total) {
        static Sums of(Totals t) {
            return new Sums(t.subtotal(), t.shipping(), t.discount(), t.tax(), t.total());
        }
    }

    @Schema(name = "OrderLine")
    record Line(
            long id,
            int position,
            String sku,
            String name,
            Map<String, String> attributes,
            long unitPrice,
            int quantity,
            long discount,
            int taxRate,
            long total,
            int shippedQuantity) {}

    /** The order, with the actions this user may take (or ask for) now. */
    public static OrderResponse of(Order o, Orders orders, Actor actor) {
        OrderContent c = o.content();
        List<Line> lines = c.lines().stream().map(OrderResponse::line).toList();
        List<String> actions = OrderActions.offered(orders, actor, o).stream()
                .map(OrderAction::key)
                .toList();
        return new OrderResponse(
                o.id(),
                o.number(),
                o.channel(),
                o.externalId(),
                new Status(o.lifecycle(), o.paymentStatus(), o.fulfilmentStatus()),
                new Customer(c.customerId(), c.customerName()),
                c.email(),
                c.phone(),
                AddressPayload.of(c.billingAddress()),
                AddressPayload.of(c.shippingAddress()),
                c.currency(),
                c.pricesIncludeTax(),
                lines,
                Sums.of(o.totals()),
                o.paid(),
                o.refunded(),
                o.outstanding(),
                c.paymentMethod(),
                c.paymentTerms(),
                orders.dueDate(o),
                c.tags(),
                c.responsibleId(),
                c.observerIds(),
                o.holdReason(),
                actions,
                o.placedAt(),
                o.createdAt(),
                o.updatedAt(),
                o.updatedBy(),
                o.version(),
                o.received(),
                c.customFields());
    }

    private static Line line(OrderLine l) {
        return new Line(
                l.id(),
                l.position(),
                l.sku(),
                l.name(),
                l.attributes(),
                l.unitPrice(),
                l.quantity(),
                l.discount(),
                l.taxRate(),
                l.total(),
                l.shippedQuantity());
    }
}
