package dev.kontor.imports.read;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.shared.Address;
import dev.kontor.shared.Countries;

/**
 * Shopify's "Export orders" CSV (the 75- and 79-column layouts): one row per item; the order's own fields on its first
 * row, the rows after it repeating only Name and Email. Times carry their offset.
 */
public final class ShopifyReader implements FormatReader {

    private static final Map<String, MarketStatus> PAYMENT = Map.of(
            "pending", MarketStatus.UNPAID,
            "authorized", MarketStatus.UNPAID,
            "paid", MarketStatus.PAID,
            "partially_paid", MarketStatus.UNPAID,
            "partially_refunded", MarketStatus.PAID,
            "refunded", MarketStatus.CLOSED,
            "voided", MarketStatus.CLOSED);

    @Override
    public ImportFormat format() {
        return ImportFormat.SHOPIFY;
    }

    @Override
    public int recognises(List<String> header) {
        return (int)
                List.of("Name", "Financial Status", "Lineitem name", "Lineitem quantity", "Shipping Address1").stream()
                        .filter(header::contains)
                        .count();
    }

    @Override
    public List<String> required() {
        return List.of("Name", "Lineitem name", "Lineitem quantity", "Lineitem price");
    }

    @Override
    public void read(Sheet sheet, Sink sink) {
        String current = null;
        String currency = "USD";
        for (Sheet.Row row : sheet) {
            String id = Values.text(row.get("Name"));
            if (row.isBlank() || id == null) {
                continue;
            }
            Cells c = new Cells(row, sink, id);
            boolean first = !id.equals(current) && c.text("Financial Status", "Currency", "Created at") != null;
            if (first) {
                current = id;
                currency =
                        c.text("Currency") == null ? "USD" : c.text("Currency").toUpperCase(Locale.ROOT);
                sink.order(order(c, id, row.line(), currency));
            }
            sink.line(new StagedLine(
                    id,
                    row.line(),
                    c.text("Lineitem sku"),
                    c.text("Lineitem name"),
                    Map.of(),
                    c.amount("Lineitem price", currency),
                    c.whole("Lineitem quantity"),
                    c.amount("Lineitem discount", currency)));
        }
    }

    private static StagedOrder order(Cells c, String id, long line, String currency) {
        ZoneId utc = ZoneId.of("UTC");
        String payment = c.text("Financial Status");
        MarketStatus status =
                payment == null ? null : PAYMENT.getOrDefault(payment.toLowerCase(Locale.ROOT), MarketStatus.UNKNOWN);
        if (status == MarketStatus.UNKNOWN) {
            c.problem("Financial Status", "import.problem.status", payment);
        }
        if (c.text("Cancelled at") != null) {
            status = MarketStatus.CLOSED;
        } else if (status == MarketStatus.PAID && "fulfilled".equalsIgnoreCase(c.text("Fulfillment Status"))) {
            status = MarketStatus.SHIPPED;
        }
        String name = c.text("Shipping Name", "Billing Name");
        String phone = c.text("Shipping Phone", "Phone", "Billing Phone");
        Address to = c.text("Shipping Address1", "Shipping Street") == null
                ? null
                : new Address(
                        name,
                        c.text("Shipping Company"),
                        c.text("Shipping Address1", "Shipping Street"),
                        c.text("Shipping Address2"),
                        c.text("Shipping Zip"),
                        c.text("Shipping City"),
                        c.text("Shipping Province"),
                        Countries.codeOf(c.text("Shipping Country")).orElse(c.text("Shipping Country")),
                        phone);
        return new StagedOrder(
                id,
                line,
                c.time("Created at", utc),
                c.time("Paid at", utc),
                name,
                null,
                null,
                c.text("Email"),
                phone,
                to,
                currency,
                c.amount("Subtotal", currency),
                c.amount("Shipping", currency),
                c.amount("Discount Amount", currency),
                c.amount("Taxes", currency),
                c.amount("Total", currency),
                status == MarketStatus.UNPAID ? null : c.amount("Total", currency),
                c.amount("Refunded Amount", currency),
                status,
                null,
                null,
                c.text("Notes"),
                null,
                c.text("Payment Method"));
    }
}
