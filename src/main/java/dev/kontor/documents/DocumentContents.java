package dev.kontor.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.kontor.orders.Order;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.orders.Totals;
import dev.kontor.shared.Address;

/**
 * What a document says, taken from its order as it is now (issue) or from its invoice (credit note). Plain Java:
 * the figures are the order's own ({@link Totals}), so a document never disagrees with the order it was issued for.
 */
final class DocumentContents {

    private DocumentContents() {}

    static DocumentContent ofOrder(
            Order order,
            DocumentKind kind,
            DocumentContent.Party seller,
            LocalDate issuedOn,
            int paymentDays,
            LocalDate orderDue) {
        List<OrderLine> lines = order.lines();
        Totals totals = order.totals();
        boolean incl = order.content().pricesIncludeTax();
        Address billing = order.content().billingAddress();
        Address shipping = order.content().shippingAddress();
        LocalDate due = null;
        if (kind.asksForMoney()) {
            PaymentTerms terms = order.content().paymentTerms();
            due = terms == null || terms.kind() == PaymentTerms.Kind.DUE_ON_RECEIPT || orderDue == null
                    ? issuedOn.plusDays(paymentDays)
                    : orderDue;
        }
        return new DocumentContent(
                order.number(),
                order.placedAt(),
                null,
                seller,
                party(billing != null ? billing : shipping, order.content().customerName()),
                party(shipping, order.content().customerName()),
                order.content().email(),
                order.currency(),
                incl,
                lines.stream().map(DocumentContents::line).toList(),
                totals.subtotal(),
                totals.shipping(),
                totals.discount(),
                taxes(Totals.taxByRate(lines, totals.discount(), incl)),
                totals.tax(),
                totals.total(),
                order.paid() - order.refunded(),
                order.outstanding(),
                due,
                order.content().paymentMethod());
    }

    /**
     * A credit note for units of an invoice's lines ({@code units}: order line id → units). Taking back everything
     * still open takes back exactly what is left of the invoice (shipping and discount included), so full credit
     * always nets to zero; a part is priced at the invoice's prices, its share of the order discount included.
     */
    static DocumentContent credit(
            Document invoice, List<Document> credits, Map<Long, Integer> units, boolean everythingLeft) {
        DocumentContent inv = invoice.content();
        List<OrderLine> taken = new ArrayList<>();
        List<DocumentContent.Line> lines = new ArrayList<>();
        int position = 0;
        for (DocumentContent.Line line : inv.lines()) {
            int q = units.getOrDefault(line.lineId(), 0);
            if (q <= 0) {
                continue;
            }
            long discount = Math.round((double) line.discount() * q / line.quantity());
            OrderLine part = new OrderLine(
                    line.lineId(),
                    position++,
                    line.sku(),
                    line.name(),
                    Map.of(),
                    line.unitPrice(),
                    q,
                    discount,
                    line.taxRate(),
                    0,
                    0);
            taken.add(part);
            lines.add(new DocumentContent.Line(
                    line.lineId(),
                    line.sku(),
                    line.name(),
                    line.attributes(),
                    q,
                    line.unitPrice(),
                    discount,
                    part.total(),
                    line.taxRate()));
        }
        if (everythingLeft) {
            return remainder(invoice, credits, lines);
        }
        long subtotal = taken.stream().mapToLong(OrderLine::total).sum();
        long orderDiscount = inv.subtotal() == 0 ? 0 : Math.round((double) inv.discount() * subtotal / inv.subtotal());
        Totals totals = Totals.of(taken, 0, orderDiscount, inv.pricesIncludeTax());
        return credited(
                invoice,
                lines,
                totals.subtotal(),
                0,
                totals.discount(),
                taxes(Totals.taxByRate(taken, orderDiscount, inv.pricesIncludeTax())),
                totals.tax(),
                totals.total());
    }

    /** The invoice less every credit note issued for it: what a last, full credit note takes back. */
    private static DocumentContent remainder(
            Document invoice, List<Document> credits, List<DocumentContent.Line> lines) {
        DocumentContent inv = invoice.content();
        long subtotal = inv.subtotal();
        long shipping = inv.shipping();
        long discount = inv.discount();
        long tax = inv.tax();
        long total = inv.total();
        Map<Integer, Long> byRate = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        inv.taxes().forEach(t -> byRate.merge(t.rate(), t.tax(), Long::sum));
        for (Document c : credits) {
            if (c.isVoid() || !Long.valueOf(invoice.id()).equals(c.correctsId())) {
                continue;
            }
            DocumentContent cc = c.content();
            subtotal -= cc.subtotal();
            shipping -= cc.shipping();
            discount -= cc.discount();
            tax -= cc.tax();
            total -= cc.total();
            cc.taxes().forEach(t -> byRate.merge(t.rate(), -t.tax(), Long::sum));
        }
        return credited(invoice, lines, subtotal, shipping, discount, taxes(byRate), tax, total);
    }

    /** A credit note's content: the invoice's parties and references, the figures it takes back. */
    private static DocumentContent credited(
            Document invoice,
            List<DocumentContent.Line> lines,
            long subtotal,
            long shipping,
            long discount,
            List<DocumentContent.TaxRow> taxes,
            long tax,
            long total) {
        DocumentContent inv = invoice.content();
        return new DocumentContent(
                inv.orderNumber(),
                inv.orderPlacedAt(),
                invoice.number(),
                inv.seller(),
                inv.buyer(),
                inv.shipTo(),
                inv.customerEmail(),
                inv.currency(),
                inv.pricesIncludeTax(),
                lines,
                subtotal,
                shipping,
                discount,
                taxes,
                tax,
                total,
                0,
                0,
                null,
                inv.paymentMethod());
    }

    static DocumentContent.Party party(Address address, String fallbackName) {
        if (address == null) {
            return new DocumentContent.Party(fallbackName, null, List.of(), null, null);
        }
        List<String> lines = Stream.of(
                        address.street(),
                        address.street2(),
                        Stream.of(address.postalCode(), address.city())
                                .filter(s -> s != null && !s.isBlank())
                                .reduce((a, b) -> a + " " + b)
                                .orElse(null),
                        address.region())
                .filter(s -> s != null && !s.isBlank())
                .toList();
        return new DocumentContent.Party(
                address.name() != null ? address.name() : fallbackName,
                address.company(),
                lines,
                address.country(),
                null);
    }

    private static DocumentContent.Line line(OrderLine l) {
        return new DocumentContent.Line(
                l.id(),
                l.sku(),
                l.name(),
                l.attributeText(),
                l.quantity(),
                l.unitPrice(),
                l.discount(),
                l.total(),
                l.taxRate());
    }

    private static List<DocumentContent.TaxRow> taxes(Map<Integer, Long> byRate) {
        return byRate.entrySet().stream()
                .map(e -> new DocumentContent.TaxRow(e.getKey(), e.getValue()))
                .toList();
    }
}
