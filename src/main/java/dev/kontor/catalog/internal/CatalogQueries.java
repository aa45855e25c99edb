package dev.kontor.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.catalog.StockFigures;
import dev.kontor.catalog.VariantRow;
import dev.kontor.catalog.VariantStatus;
import dev.kontor.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The inventory list and the purchasing list: variants with their stock summed over locations. */
@Repository
public class CatalogQueries {

    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private static final String SELECT = """
            SELECT v.id, v.product_id, p.code, p.name, v.sku, v.attributes, v.status, v.allow_backorder,
                   v.low_stock_threshold, s.name AS supplier,
                   coalesce(sum(l.on_hand), 0) AS on_hand, coalesce(sum(l.reserved), 0) AS reserved,
                   coalesce(sum(l.backordered), 0) AS backordered, coalesce(sum(l.defective), 0) AS defective
            FROM variants v JOIN products p ON p.id = v.product_id
            LEFT JOIN suppliers s ON s.id = v.supplier_id
            LEFT JOIN stock_levels l ON l.variant_id = v.id
            """;
    private static final String GROUP = " GROUP BY v.id, p.id, s.id ";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Variants matching a code (in full or its number part: 1098 finds WLY0QU1098) or a product name, of a
     * status, or low on stock.
     */
    public List<VariantRow> find(String query, VariantStatus status, boolean lowOnly, int limit) {
        String q = Text.clean(query);
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q != null) {
            where.append(
                    " AND (upper(v.sku) = upper(:q) OR v.sku_number = :q OR upper(v.sku) LIKE upper(:prefix) ESCAPE '\\'"
                            + " OR lower(p.name) LIKE :contains ESCAPE '\\' OR upper(p.code) = upper(:q))");
            params.put("q", q);
            params.put("prefix", like(q) + "%");
            params.put("contains", "%" + like(q.toLowerCase(Locale.ROOT)) + "%");
        }
        if (status != null) {
            where.append(" AND v.status = :status");
            params.put("status", status.name());
        }
        String having = lowOnly
                ? " HAVING v.status <> 'DISCONTINUED'"
                        + " AND coalesce(sum(l.on_hand - l.reserved), 0) <= v.low_stock_threshold"
                : "";
        return jdbc.sql(SELECT + where + GROUP + having + " ORDER BY p.name, v.position, v.id LIMIT :limit")
                .params(params)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** Variants purchasing must look at: backorders waiting, or available stock at or below the threshold. */
    public List<VariantRow> toPurchase() {
        return jdbc.sql(SELECT + " WHERE v.status <> 'DISCONTINUED'" + GROUP + """
                         HAVING coalesce(sum(l.backordered), 0) > 0
                            OR coalesce(sum(l.on_hand - l.reserved), 0) < v.low_stock_threshold
                        ORDER BY s.name NULLS LAST, p.name, v.position""")
                .query(this::row)
                .list();
    }

    private static String like(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private VariantRow row(ResultSet rs, int n) throws SQLException {
        return new VariantRow(
                rs.getLong("id"),
                rs.getLong("product_id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("sku"),
                json.readValue(rs.getString("attributes"), ATTRIBUTES),
                VariantStatus.valueOf(rs.getString("status")),
                rs.getBoolean("allow_backorder"),
                rs.getInt("low_stock_threshold"),
                rs.getString("supplier"),
                new StockFigures(
                        null,
                        rs.getInt("on_hand"),
                        rs.getInt("reserved"),
                        rs.getInt("backordered"),
                        rs.getInt("defective")));
    }
}
