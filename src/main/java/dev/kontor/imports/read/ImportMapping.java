package dev.kontor.imports.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How another system's export (Odoo, WooCommerce, a spreadsheet kept by hand) maps to Kontor's order and line fields,
 * built once in the browser from a sample file and saved for the shop: a file whose header has every mapped column
 * is read through it. One row per item; an order's rows share its order number.
 *
 * @param header the sample file's columns, as they were when the mapping was made
 * @param columns Kontor's field → the file's column, for the fields in {@link #FIELDS}
 * @param currency the currency of amounts when no column says
 */
public record ImportMapping(
        Long id, String name, String channel, String currency, List<String> header, Map<String, String> columns)
        implements Columns {

    /** The fields a column can be mapped to, in the order the mapping form shows them. */
    public static final List<String> FIELDS = List.of(
            "externalId",
            "placedAt",
            "buyer",
            "company",
            "email",
            "phone",
            "recipient",
            "recipientPhone",
            "street",
            "street2",
            "postalCode",
            "city",
            "region",
            "country",
            "currency",
            "shipping",
            "discount",
            "tax",
            "total",
            "paid",
            "sku",
            "name",
            "attributes",
            "quantity",
            "unitPrice",
            "lineDiscount");

    /** The fields a mapping must map. */
    public static final List<String> REQUIRED = List.of("externalId", "name", "quantity", "unitPrice");

    /**
     * Kontor's own orders export (docs/formats/orders-csv.md), read back without a saved mapping: an export from one
     * Kontor imports into another as the same orders, keyed by their number there.
     */
    public static final ImportMapping KONTOR_EXPORT = new ImportMapping(
            null,
            "Kontor",
            "MANUAL",
            null,
            List.of(),
            Map.ofEntries(
                    Map.entry("externalId", "number"),
                    Map.entry("placedAt", "placed_at"),
                    Map.entry("buyer", "customer"),
                    Map.entry("company", "company"),
                    Map.entry("email", "email"),
                    Map.entry("phone", "phone"),
                    Map.entry("recipient", "ship_to"),
                    Map.entry("recipientPhone", "ship_phone"),
                    Map.entry("street", "street"),
                    Map.entry("street2", "street2"),
                    Map.entry("postalCode", "postal_code"),
                    Map.entry("city", "city"),
                    Map.entry("region", "region"),
                    Map.entry("country", "country"),
                    Map.entry("currency", "currency"),
                    Map.entry("shipping", "shipping"),
                    Map.entry("discount", "discount"),
                    Map.entry("tax", "tax"),
                    Map.entry("total", "total"),
                    Map.entry("paid", "paid"),
                    Map.entry("sku", "sku"),
                    Map.entry("name", "item"),
                    Map.entry("attributes", "attributes"),
                    Map.entry("quantity", "quantity"),
                    Map.entry("unitPrice", "unit_price"),
                    Map.entry("lineDiscount", "line_discount")));

    public ImportMapping {
        header = header == null ? List.of() : List.copyOf(header);
        columns = columns == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(columns));
    }

    /** A mapped column of one of the shop's own order fields is named {@code cf.<key>} among the columns. */
    public static final String CUSTOM = "cf.";

    /**
     * The shop's own order fields this mapping reads from a file with this header: field key → column. A saved
     * mapping reads those it maps; Kontor's own export every {@code cf.<key>} column it has.
     */
    public Map<String, String> customColumns(List<String> fileHeader) {
        Map<String, String> custom = new LinkedHashMap<>();
        columns.forEach((field, column) -> {
            if (field.startsWith(CUSTOM)) {
                custom.put(field.substring(CUSTOM.length()), column);
            }
        });
        if (id == null && "Kontor".equals(name)) {
            fileHeader.stream()
                    .filter(c -> c.startsWith(CUSTOM) && c.length() > CUSTOM.length())
                    .forEach(c -> custom.put(c.substring(CUSTOM.length()), c));
        }
        return custom;
    }

    @Override
    public String column(String field) {
        String mapped = switch (field) {
            case "buyer" -> columns.get("buyer");
            case "address" -> columns.get("street");
            default ->
                columns.get(field) == null && field.startsWith(CUSTOM) && id == null && "Kontor".equals(name)
                        ? field // Kontor's own export names the column as the field
                        : columns.get(field);
        };
        return mapped == null ? "field." + field : mapped;
    }
}
