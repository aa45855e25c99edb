package dev.kontor.imports.read;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.kontor.shared.Address;
import dev.kontor.shared.Countries;

/**
 * Any export read through a saved {@link ImportMapping}: one row per item, the order's fields on each row (the first
 * row of an order is taken), an order's rows one after another. "Paid" is a yes/no column (yes, true, 1, paid, 已付款,
 * ja) or an amount.
 */
public final class GenericReader implements FormatReader {

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "paid", "x", "ja", "是", "已付款");

    private final ImportMapping mapping;
    private final ZoneId zone;

    public GenericReader(ImportMapping mapping, ZoneId zone) {
        this.mapping = mapping;
        this.zone = zone;
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.GENERIC;
    }

    @Override
    public String channel() {
        return mapping.channel();
    }

    @Override
    public Columns columns() {
        return mapping;
    }

    @Override
    public ImportMapping mapping() {
        return mapping;
    }

    /** A file with every mapped column is this mapping's: ahead of any marketplace reader. */
    @Override
    public int recognises(List<String> header) {
        return header.containsAll(mapping.columns().values())
                ? 100 + mapping.columns().size()
                : 0;
    }

    @Override
    public List<String> required() {
        return List.copyOf(mapping.columns().values());
    }

    @Override
    public void read(Sheet sheet, Sink sink) {
        Map<String, String> custom = mapping.customColumns(sheet.header());
        String current = null;
        for (Sheet.Row row : sheet) {
            String id = Values.text(get(row, "externalId"));
            if (row.isBlank() || id == null) {
                continue;
            }
            Cells c = new Cells(row, sink, id);
            String currency = currencyOf(c);
            if (!id.equals(current)) {
                current = id;
                sink.order(order(c, id, row.line(), currency, custom));
            }
            sink.line(new StagedLine(
                    id,
                    row.line(),
                    text(c, "sku"),
                    text(c, "name"),
                    TaobaoReader.attributes(text(c, "attributes")),
                    amount(c, "unitPrice", currency),
                    whole(c, "quantity"),
                    amount(c, "lineDiscount", currency)));
        }
    }

    private StagedOrder order(Cells c, String id, long line, String currency, Map<String, String> custom) {
        String name = text(c, "buyer");
        String phone = text(c, "phone");
        String country = text(c, "country");
        String countryCode =
                country == null ? null : Countries.codeOf(country).orElse(country.toUpperCase(Locale.ROOT));
        Address to = text(c, "street") == null && text(c, "city") == null
                ? null
                : new Address(
                        text(c, "recipient") != null ? text(c, "recipient") : name,
                        text(c, "company"),
                        text(c, "street"),
                        text(c, "street2"),
                        text(c, "postalCode"),
                        text(c, "city"),
                        text(c, "region"),
                        countryCode,
                        mapping.columns().containsKey("recipientPhone") ? text(c, "recipientPhone") : phone);
        String paidText = text(c, "paid");
        Long paid = null;
        MarketStatus status = MarketStatus.UNPAID;
        if (paidText != null) {
            if (YES.contains(paidText.toLowerCase(Locale.ROOT))) {
                status = MarketStatus.PAID;
            } else if (!Set.of("no", "n", "false", "0", "unpaid", "nein", "否", "未付款")
                    .contains(paidText.toLowerCase(Locale.ROOT))) {
                paid = amount(c, "paid", currency);
                status = paid != null && paid > 0 ? MarketStatus.PAID : MarketStatus.UNPAID;
            }
        }
        Long total = amount(c, "total", currency);
        return new StagedOrder(
                id,
                line,
                time(c, "placedAt"),
                null,
                name,
                null,
                null,
                text(c, "email"),
                phone,
                to,
                currency,
                null,
                amount(c, "shipping", currency),
                amount(c, "discount", currency),
                amount(c, "tax", currency),
                total,
                status == MarketStatus.PAID ? (paid != null ? paid : total) : null,
                null,
                status,
                null,
                null,
                null,
                null,
                null,
                customFields(c, custom));
    }

    /** The shop's own fields as the row writes them, empty cells left out; {@code null} when none is mapped. */
    private static Map<String, String> customFields(Cells c, Map<String, String> custom) {
        if (custom.isEmpty()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        custom.forEach((key, column) -> {
            String value = c.text(column);
            if (value != null) {
                values.put(key, value);
            }
        });
        return values;
    }

    private String currencyOf(Cells c) {
        String written = text(c, "currency");
        return written != null && written.length() == 3 ? written.toUpperCase(Locale.ROOT) : mapping.currency();
    }

    private String get(Sheet.Row row, String field) {
        String column = mapping.columns().get(field);
        return column == null ? null : row.get(column);
    }

    private String text(Cells c, String field) {
        String column = mapping.columns().get(field);
        return column == null ? null : c.text(column);
    }

    private Long amount(Cells c, String field, String currency) {
        String column = mapping.columns().get(field);
        return column == null ? null : c.amount(column, currency);
    }

    private Integer whole(Cells c, String field) {
        String column = mapping.columns().get(field);
        return column == null ? null : c.whole(column);
    }

    private Instant time(Cells c, String field) {
        String column = mapping.columns().get(field);
        return column == null ? null : c.time(column, zone);
    }
}
