package dev.kontor.imports.read;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.kontor.shared.Address;
import dev.kontor.shared.Countries;

/**
 * eBay's Seller Hub orders report and the older Selling Manager "Sales History" download (a tab before the header,
 * blank rows, footer lines "4, record(s) downloaded" and "Seller ID: …"). One row per item; an order's rows share
 * its Sales Record Number. Amounts carry their currency's sign ({@code $19.50}).
 */
public final class EbayReader implements FormatReader {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final Map<String, String> CURRENCY_SIGNS =
            Map.of("$", "USD", "£", "GBP", "€", "EUR", "AU $", "AUD", "C $", "CAD", "EUR", "EUR", "GBP", "GBP");

    @Override
    public ImportFormat format() {
        return ImportFormat.EBAY;
    }

    @Override
    public int recognises(List<String> header) {
        if (!header.contains("Sales Record Number")) {
            return 0;
        }
        return (int)
                List.of("Sales Record Number", "Item Title", "Custom Label", "Quantity", "Total Price", "User Id")
                        .stream()
                        .filter(header::contains)
                        .count();
    }

    @Override
    public List<String> required() {
        return List.of("Sales Record Number", "Item Title", "Quantity");
    }

    @Override
    public void read(Sheet sheet, Sink sink) {
        String current = null;
        String currency = "USD";
        for (Sheet.Row row : sheet) {
            String id = Values.text(row.get("Sales Record Number"));
            if (row.isBlank() || id == null || !id.matches("\\d+") || Values.text(row.get("Item Title")) == null) {
                continue; // blank rows, and the footer: "4, record(s) downloaded", "Seller ID: …"
            }
            Cells c = new Cells(row, sink, id);
            if (!id.equals(current)) {
                current = id;
                currency = currencyOf(c.text("Total Price", "Sale Price", "Sold For"));
                sink.order(order(c, id, row.line(), currency));
            }
            sink.line(new StagedLine(
                    id,
                    row.line(),
                    c.text("Custom Label"),
                    c.text("Item Title"),
                    Map.of(),
                    c.amount(sheet.has("Sold For") ? "Sold For" : "Sale Price", currency),
                    c.whole("Quantity"),
                    null));
        }
    }

    private static String currencyOf(String amount) {
        if (amount == null) {
            return "USD";
        }
        String sign = amount.replaceAll("[\\d.,\\s]", "").strip();
        return CURRENCY_SIGNS.getOrDefault(sign, "USD");
    }

    private static StagedOrder order(Cells c, String id, long line, String currency) {
        String name = c.text("Ship To Name", "Buyer Fullname", "Buyer Name");
        String phone = c.text("Ship To Phone", "Buyer Phone Number");
        String country = c.text("Ship To Country", "Buyer Country");
        Address to = c.text("Ship To Address 1", "Buyer Address 1") == null
                ? null
                : new Address(
                        name,
                        null,
                        c.text("Ship To Address 1", "Buyer Address 1"),
                        c.text("Ship To Address 2", "Buyer Address 2"),
                        c.text("Ship To Zip", "Buyer Zip"),
                        c.text("Ship To City", "Buyer City"),
                        c.text("Ship To State", "Buyer State"),
                        Countries.codeOf(country).orElse(country),
                        phone);
        boolean paid = c.text("Paid on Date", "Paid On Date") != null;
        boolean shipped = c.text("Shipped on Date", "Shipped On Date") != null;
        return new StagedOrder(
                c.text("Order Number") != null ? c.text("Order Number") : id,
                line,
                c.time("Sale Date", PACIFIC),
                paid ? c.time(c.text("Paid on Date") != null ? "Paid on Date" : "Paid On Date", PACIFIC) : null,
                name,
                c.text("User Id", "Buyer Username"),
                null,
                c.text("Buyer Email"),
                phone,
                to,
                currency,
                null,
                c.amount(
                        c.text("Shipping and Handling") != null ? "Shipping and Handling" : "Shipping And Handling",
                        currency),
                null,
                c.amount("US Tax", currency),
                c.amount("Total Price", currency),
                paid ? c.amount("Total Price", currency) : null,
                null,
                shipped ? MarketStatus.SHIPPED : paid ? MarketStatus.PAID : MarketStatus.UNPAID,
                null,
                c.text("Tracking Number"),
                null,
                c.text("Notes to yourself"),
                c.text("Payment Method"));
    }
}
