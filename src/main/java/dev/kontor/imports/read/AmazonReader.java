package dev.kontor.imports.read;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.shared.Address;

/**
 * Amazon's order reports (Seller Central, tab-separated flat files): the all-orders report and the unshipped-orders
 * report, one row per item, an order's rows sharing its {@code amazon-order-id}. {@code item-price} is the price of
 * the row's whole quantity; times are ISO 8601 with their offset.
 */
public final class AmazonReader implements FormatReader {

    private static final Map<String, MarketStatus> STATUSES = Map.of(
            "pending", MarketStatus.UNPAID,
            "unshipped", MarketStatus.PAID,
            "partiallyshipped", MarketStatus.PAID,
            "shipping", MarketStatus.PAID,
            "shipped", MarketStatus.SHIPPED,
            "cancelled", MarketStatus.CLOSED,
            "canceled", MarketStatus.CLOSED);

    @Override
    public ImportFormat format() {
        return ImportFormat.AMAZON;
    }

    @Override
    public int recognises(List<String> header) {
        if (!header.contains("amazon-order-id")) {
            return 0;
        }
        return (int)
                List.of("amazon-order-id", "purchase-date", "sku", "quantity", "item-price", "order-status").stream()
                        .filter(header::contains)
                        .count();
    }

    @Override
    public List<String> required() {
        return List.of("amazon-order-id", "purchase-date", "sku", "item-price");
    }

    @Override
    public void read(Sheet sheet, Sink sink) {
        String quantityColumn = sheet.has("quantity-purchased") ? "quantity-purchased" : "quantity";
        String current = null;
        for (Sheet.Row row : sheet) {
            String id = Values.text(row.get("amazon-order-id"));
            if (row.isBlank() || id == null) {
                continue;
            }
            Cells c = new Cells(row, sink, id);
            String currency =
                    c.text("currency") == null ? "USD" : c.text("currency").toUpperCase(Locale.ROOT);
            if (!id.equals(current)) {
                current = id;
                sink.order(order(c, id, row.line(), currency));
            }
            Integer quantity = c.whole(quantityColumn);
            Long price = c.amount("item-price", currency);
            Long unitPrice = price;
            if (price != null && quantity != null && quantity > 1) {
                if (price % quantity != 0) {
                    c.problem("item-price", "import.problem.unit-price", Values.text(row.get("item-price")), quantity);
                }
                unitPrice = price / quantity;
            }
            sink.line(new StagedLine(
                    id,
                    row.line(),
                    c.text("sku"),
                    c.text("product-name"),
                    Map.of(),
                    unitPrice,
                    quantity,
                    c.amount("item-promotion-discount", currency)));
        }
    }

    private static StagedOrder order(Cells c, String id, long line, String currency) {
        String statusText = c.text("order-status");
        MarketStatus status = statusText == null
                ? MarketStatus.PAID // the unshipped-orders report has no status: its orders are paid
                : STATUSES.getOrDefault(statusText.toLowerCase(Locale.ROOT).replace(" ", ""), MarketStatus.UNKNOWN);
        if (status == MarketStatus.UNKNOWN) {
            c.problem("order-status", "import.problem.status", statusText);
        }
        String name = c.text("recipient-name", "buyer-name");
        String phone = c.text("ship-phone-number", "buyer-phone-number");
        String street = c.text("ship-address-1");
        Address to = street == null && c.text("ship-city") == null
                ? null
                : new Address(
                        name,
                        null,
                        street,
                        joined(c.text("ship-address-2"), c.text("ship-address-3")),
                        c.text("ship-postal-code"),
                        c.text("ship-city"),
                        c.text("ship-state"),
                        c.text("ship-country"),
                        phone);
        return new StagedOrder(
                id,
                line,
                c.time("purchase-date", ZoneId.of("UTC")),
                c.time("payments-date", ZoneId.of("UTC")),
                name,
                c.text("buyer-name"),
                null,
                c.text("buyer-email"),
                phone,
                to,
                currency,
                null,
                c.amount("shipping-price", currency),
                c.amount("ship-promotion-discount", currency),
                null,
                null,
                null,
                null,
                status,
                null,
                null,
                null,
                null,
                "AMAZON_PAY");
    }

    private static String joined(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + ", " + b;
    }
}
