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
            "email",
            "phone",
            "street",
            "postalCode",
            "city",
            "region",
            "country",
            "currency",
            "shipping",
            "total",
            "paid",
            "sku",
            "name",
            "quantity",
            "unitPrice");

    /** The fields a mapping must map. */
    public static final List<String> REQUIRED = List.of("externalId", "name", "quantity", "unitPrice");

    public ImportMapping {
        header = header == null ? List.of() : List.copyOf(header);
        columns = columns == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(columns));
    }

    @Override
    public String column(String field) {
        String mapped = switch (field) {
            case "buyer" -> columns.get("buyer");
            case "address" -> columns.get("street");
            default -> columns.get(field);
        };
        return mapped == null ? "field." + field : mapped;
    }
}
