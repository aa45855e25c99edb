package dev.kontor.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.kontor.catalog.CatalogItem;
import dev.kontor.catalog.Product;
import dev.kontor.catalog.Supplier;
import dev.kontor.catalog.Variant;
import dev.kontor.catalog.VariantStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Products, variants with their prices, and suppliers. */
@Repository
public class ProductRepository {

    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProductRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insertProduct(String code, String name, Instant now) {
        return jdbc.sql(
                        "INSERT INTO products (code, name, created_at, updated_at) VALUES (:code, :name, :now, :now) RETURNING id")
                .param("code", code)
                .param("name", name)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Renames the product if it is still at {@code version}; false when someone changed it meanwhile. */
    public boolean updateProduct(long id, int version, String code, String name, Instant now) {
        return jdbc.sql("""
                        UPDATE products SET code = :code, name = :name, updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version""")
                        .param("code", code)
                        .param("name", name)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    public long insertVariant(long productId, Variant v, int position, Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO variants (product_id, sku, sku_number, attributes, status, allow_backorder, supplier_id,
                            purchase_price, purchase_currency, low_stock_threshold, position, created_at, updated_at)
                        VALUES (:product, :sku, :number, :attributes::json, :status, :backorder, :supplier, :purchasePrice,
                            :purchaseCurrency, :threshold, :position, :now, :now) RETURNING id""")
                .params(variantColumns(v))
                .param("product", productId)
                .param("position", position)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        replacePrices(id, v.prices());
        return id;
    }

    public void updateVariant(long id, Variant v, int position, Instant now) {
        jdbc.sql("""
                        UPDATE variants SET sku = :sku, sku_number = :number, attributes = :attributes::json, status = :status,
                            allow_backorder = :backorder, supplier_id = :supplier, purchase_price = :purchasePrice,
                            purchase_currency = :purchaseCurrency, low_stock_threshold = :threshold, position = :position,
                            updated_at = :now
                        WHERE id = :id""")
                .params(variantColumns(v))
                .param("position", position)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        replacePrices(id, v.prices());
    }

    private Map<String, Object> variantColumns(Variant v) {
        Map<String, Object> p = new HashMap<>();
        p.put("sku", v.sku());
        p.put("number", Variant.numberPart(v.sku()));
        p.put("attributes", json.writeValueAsString(v.attributes()));
        p.put("status", v.status().name());
        p.put("backorder", v.allowBackorder());
        p.put("supplier", v.supplierId());
        p.put("purchasePrice", v.purchasePrice());
        p.put("purchaseCurrency", v.purchaseCurrency());
        p.put("threshold", v.lowStockThreshold());
        return p;
    }

    private void replacePrices(long variantId, Map<String, Long> prices) {
        jdbc.sql("DELETE FROM variant_prices WHERE variant_id = :id")
                .param("id", variantId)
                .update();
        prices.forEach((currency, amount) -> jdbc.sql(
                        "INSERT INTO variant_prices (variant_id, currency, amount) VALUES (:id, :currency, :amount)")
                .param("id", variantId)
                .param("currency", currency)
                .param("amount", amount)
                .update());
    }

    public Optional<Product> findProduct(long id) {
        return jdbc.sql("SELECT id, code, name, version FROM products WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Product(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        variantsOf(List.of(rs.getLong(1))),
                        rs.getInt(4)))
                .optional();
    }

    public Optional<Long> findProductIdByCode(String code) {
        return jdbc.sql("SELECT id FROM products WHERE code = :code")
                .param("code", code)
                .query(Long.class)
                .optional();
    }

    public Optional<Variant> findVariantBySku(String sku) {
        return jdbc.sql("SELECT * FROM variants WHERE upper(sku) = upper(:sku)")
                .param("sku", sku)
                .query(this::variant)
                .optional()
                .map(this::withPrices);
    }

    public Optional<Variant> findVariant(long id) {
        return jdbc.sql("SELECT * FROM variants WHERE id = :id")
                .param("id", id)
                .query(this::variant)
                .optional()
                .map(this::withPrices);
    }

    /** Variants by their codes (case-insensitive), keyed by the upper-case code. */
    public Map<String, Variant> findVariantsBySkus(Collection<String> skus) {
        Map<String, Variant> found = new HashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT * FROM variants WHERE upper(sku) IN (:skus)")
                .param(
                        "skus",
                        skus.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList())
                .query(this::variant)
                .list()
                .forEach(v -> found.put(v.sku().toUpperCase(Locale.ROOT), v));
        return found;
    }

    /** Variants by code with their prices and their product's name, for pricing order lines: one query. */
    public Map<String, CatalogItem> itemsBySkus(Collection<String> skus) {
        Map<String, CatalogItem> found = new HashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT v.*, p.name AS product_name,
                               (SELECT json_object_agg(vp.currency, vp.amount) FROM variant_prices vp
                                WHERE vp.variant_id = v.id)::text AS price_list
                        FROM variants v JOIN products p ON p.id = v.product_id WHERE upper(v.sku) IN (:skus)""")
                .param(
                        "skus",
                        skus.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList())
                .query((rs, n) -> {
                    Variant v = variant(rs, n);
                    String list = rs.getString("price_list");
                    Map<String, Long> prices = new TreeMap<>();
                    if (list != null) {
                        json.readTree(list)
                                .properties()
                                .forEach(
                                        e -> prices.put(e.getKey(), e.getValue().asLong()));
                    }
                    return new CatalogItem(v.sku(), rs.getString("product_name"), v.attributes(), v.status(), prices);
                })
                .list()
                .forEach(item -> found.put(item.sku().toUpperCase(Locale.ROOT), item));
        return found;
    }

    public List<Variant> variantsOf(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        List<Variant> variants = jdbc.sql(
                        "SELECT * FROM variants WHERE product_id IN (:ids) ORDER BY product_id, position, id")
                .param("ids", productIds)
                .query(this::variant)
                .list();
        Map<Long, Map<String, Long>> prices =
                pricesOf(variants.stream().map(Variant::id).toList());
        List<Variant> priced = new ArrayList<>();
        for (Variant v : variants) {
            priced.add(withPrices(v, prices.getOrDefault(v.id(), Map.of())));
        }
        return priced;
    }

    private Variant withPrices(Variant v) {
        return withPrices(v, pricesOf(List.of(v.id())).getOrDefault(v.id(), Map.of()));
    }

    private static Variant withPrices(Variant v, Map<String, Long> prices) {
        return new Variant(
                v.id(),
                v.productId(),
                v.sku(),
                v.attributes(),
                v.status(),
                v.allowBackorder(),
                v.supplierId(),
                v.purchasePrice(),
                v.purchaseCurrency(),
                v.lowStockThreshold(),
                prices);
    }

    private Map<Long, Map<String, Long>> pricesOf(List<Long> variantIds) {
        Map<Long, Map<String, Long>> prices = new HashMap<>();
        if (variantIds.isEmpty()) {
            return prices;
        }
        jdbc.sql("SELECT variant_id, currency, amount FROM variant_prices WHERE variant_id IN (:ids)")
                .param("ids", variantIds)
                .query((ResultSet rs) -> {
                    prices.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                });
        return prices;
    }

    public void deleteVariant(long id) {
        jdbc.sql("DELETE FROM variants WHERE id = :id").param("id", id).update();
    }

    public boolean variantHasStockHistory(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM stock_movements WHERE variant_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    // --- suppliers -----------------------------------------------------------------------------------

    public long supplierId(String name, Instant now) {
        return jdbc.sql("""
                        INSERT INTO suppliers (name, created_at) VALUES (:name, :now)
                        ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id""")
                .param("name", name)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public void updateSupplier(Supplier s) {
        jdbc.sql("""
                        UPDATE suppliers SET name = :name, contact_name = :contact, email = :email, phone = :phone,
                            address = :address WHERE id = :id""")
                .param("name", s.name())
                .param("contact", s.contactName())
                .param("email", s.email())
                .param("phone", s.phone())
                .param("address", s.address())
                .param("id", s.id())
                .update();
    }

    public List<Supplier> suppliers() {
        return jdbc.sql("SELECT * FROM suppliers ORDER BY name")
                .query(ProductRepository::supplier)
                .list();
    }

    public Optional<Supplier> supplier(long id) {
        return jdbc.sql("SELECT * FROM suppliers WHERE id = :id")
                .param("id", id)
                .query(ProductRepository::supplier)
                .optional();
    }

    private static Supplier supplier(ResultSet rs, int n) throws SQLException {
        return new Supplier(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("contact_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("address"));
    }

    private Variant variant(ResultSet rs, int n) throws SQLException {
        return new Variant(
                rs.getLong("id"),
                rs.getLong("product_id"),
                rs.getString("sku"),
                json.readValue(rs.getString("attributes"), ATTRIBUTES),
                VariantStatus.valueOf(rs.getString("status")),
                rs.getBoolean("allow_backorder"),
                rs.getObject("supplier_id", Long.class),
                rs.getObject("purchase_price", Long.class),
                rs.getString("purchase_currency"),
                rs.getInt("low_stock_threshold"),
                Map.of());
    }
}
