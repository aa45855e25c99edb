package dev.kontor.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.catalog.internal.CatalogQueries;
import dev.kontor.catalog.internal.LocationRepository;
import dev.kontor.catalog.internal.ProductRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Countries;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Products, variants, suppliers and locations: the catalog's public face. */
@Service
public class Catalog {

    private final ProductRepository products;
    private final CatalogQueries queries;
    private final LocationRepository locations;
    private final Permissions permissions;
    private final Clock clock;

    Catalog(
            ProductRepository products,
            CatalogQueries queries,
            LocationRepository locations,
            Permissions permissions,
            Clock clock) {
        this.products = products;
        this.queries = queries;
        this.locations = locations;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Transactional
    public Product create(Actor actor, ProductInput input) {
        permissions.requireAllowed(actor, Permission.CATALOG_EDIT, Situation.NONE);
        check(input, null);
        Instant now = clock.instant();
        long id = products.insertProduct(input.code().strip(), input.name().strip(), now);
        for (int i = 0; i < input.variants().size(); i++) {
            products.insertVariant(id, variantOf(input.variants().get(i), now), i, now);
        }
        return get(id);
    }

    /**
     * Replaces a product's name and variants (matched by code). A variant with stock history is never
     * removed: discontinue it instead.
     */
    @Transactional
    public Product update(Actor actor, long id, Integer expectedVersion, ProductInput input) {
        permissions.requireAllowed(actor, Permission.CATALOG_EDIT, Situation.NONE);
        Product current = get(id);
        check(input, id);
        Instant now = clock.instant();
        if (!products.updateProduct(
                id,
                expectedVersion == null ? current.version() : expectedVersion,
                input.code().strip(),
                input.name().strip(),
                now)) {
            throw new StaleVersionException("product", id, get(id).version(), "?");
        }
        Map<String, Variant> existing = new HashMap<>();
        current.variants().forEach(v -> existing.put(v.sku().toUpperCase(Locale.ROOT), v));
        for (int i = 0; i < input.variants().size(); i++) {
            Variant v = variantOf(input.variants().get(i), now);
            Variant old = existing.remove(v.sku().toUpperCase(Locale.ROOT));
            if (old == null) {
                products.insertVariant(id, v, i, now);
            } else {
                products.updateVariant(old.id(), v, i, now);
            }
        }
        for (Variant gone : existing.values()) {
            if (products.variantHasStockHistory(gone.id())) {
                throw new ActionRefusedException(
                        "remove-variant", gone.status().name(), "stock.refused.variant-has-history", gone.sku());
            }
            products.deleteVariant(gone.id());
        }
        return get(id);
    }

    private void check(ProductInput input, Long productId) {
        Problems problems = CatalogRules.check(input);
        // Codes other products use are reported with the rest, so a form shows every problem at once.
        if (input.code() != null && !input.code().isBlank()) {
            products.findProductIdByCode(input.code().strip())
                    .filter(other -> !other.equals(productId))
                    .ifPresent(other -> problems.add(
                            "code", "validation.code.taken", input.code().strip()));
        }
        List<String> skus = CatalogRules.skusOf(input);
        Map<String, Variant> taken = products.findVariantsBySkus(
                skus.stream().filter(sku -> !sku.isEmpty()).toList());
        for (int i = 0; i < skus.size(); i++) {
            Variant other = taken.get(skus.get(i).toUpperCase(Locale.ROOT));
            if (other != null && (productId == null || other.productId() != productId)) {
                problems.add("variants[" + i + "].sku", "validation.sku.taken", skus.get(i));
            }
        }
        problems.throwIfAny();
    }

    private Variant variantOf(ProductInput.VariantInput v, Instant now) {
        Long supplierId = Text.clean(v.supplier()) == null
                ? null
                : products.supplierId(v.supplier().strip(), now);
        return new Variant(
                0,
                0,
                v.sku().strip(),
                v.attributes(),
                v.status() == null ? VariantStatus.NORMAL : v.status(),
                Boolean.TRUE.equals(v.allowBackorder()),
                supplierId,
                v.purchasePrice(),
                v.purchasePrice() == null ? null : v.purchaseCurrency(),
                v.lowStockThreshold() == null ? 0 : v.lowStockThreshold(),
                v.prices());
    }

    // --- reading ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Product get(long id) {
        return products.findProduct(id).orElseThrow(() -> new NotFoundException("product", id));
    }

    /** A variant by its full code, or by its number part when that is unique (1098 → WLY0QU1098). */
    @Transactional(readOnly = true)
    public Optional<Variant> variant(String code) {
        if (Text.clean(code) == null) {
            return Optional.empty();
        }
        Optional<Variant> exact = products.findVariantBySku(code.strip());
        if (exact.isPresent()) {
            return exact;
        }
        List<VariantRow> byNumber = queries.find(code.strip(), null, false, 2).stream()
                .filter(r -> code.strip().equals(Variant.numberPart(r.sku())))
                .toList();
        return byNumber.size() == 1 ? products.findVariant(byNumber.get(0).variantId()) : Optional.empty();
    }

    /** The catalog's variants among these codes (upper-cased keys), with names and prices, in one query. */
    @Transactional(readOnly = true)
    public Map<String, CatalogItem> items(Collection<String> codes) {
        return products.itemsBySkus(codes.stream()
                .filter(c -> Text.clean(c) != null)
                .map(String::strip)
                .toList());
    }

    @Transactional(readOnly = true)
    public Variant variant(long id) {
        return products.findVariant(id).orElseThrow(() -> new NotFoundException("variant", id));
    }

    /** The inventory list: by code (or its number part) or name, by status, or only what runs low. */
    @Transactional(readOnly = true)
    public List<VariantRow> find(String query, VariantStatus status, boolean lowOnly, int limit) {
        if (query != null && query.length() > 200) {
            throw InvalidInputException.of("q", "validation.too-long", 200);
        }
        return queries.find(query, status, lowOnly, Math.min(Math.max(limit, 1), 500));
    }

    @Transactional(readOnly = true)
    public List<Supplier> suppliers() {
        return products.suppliers();
    }

    @Transactional(readOnly = true)
    public Optional<Supplier> supplier(Long id) {
        return id == null ? Optional.empty() : products.supplier(id);
    }

    /** Saves a supplier's contact details. */
    @Transactional
    public Supplier updateSupplier(Actor actor, Supplier supplier) {
        permissions.requireAllowed(actor, Permission.CATALOG_EDIT, Situation.NONE);
        Problems problems = new Problems();
        if (Text.clean(supplier.name()) == null) {
            problems.add("name", "validation.required");
        }
        if (Text.clean(supplier.email()) != null
                && !Text.isEmail(supplier.email().strip())) {
            problems.add("email", "validation.email", supplier.email());
        }
        if (Text.clean(supplier.phone()) != null
                && !Text.isPhone(supplier.phone().strip())) {
            problems.add("phone", "validation.phone");
        }
        problems.throwIfAny();
        products.supplier(supplier.id()).orElseThrow(() -> new NotFoundException("supplier", supplier.id()));
        products.updateSupplier(new Supplier(
                supplier.id(),
                supplier.name().strip(),
                Text.clean(supplier.contactName()),
                Text.clean(supplier.email()),
                Text.clean(supplier.phone()),
                Text.clean(supplier.address())));
        return products.supplier(supplier.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Location> locations() {
        return locations.all();
    }

    /** Adds a warehouse or stock location. */
    @Transactional
    public Location addLocation(Actor actor, String code, String name, String country) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        Problems problems = new Problems();
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z0-9][A-Z0-9_-]{0,19}")) {
            problems.add("code", "validation.code");
        }
        if (Text.clean(name) == null) {
            problems.add("name", "validation.required");
        }
        String land = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        if (!Countries.isKnown(land)) {
            problems.add("country", "validation.country", String.valueOf(country));
        }
        problems.throwIfAny();
        Location location = new Location(c, name.strip(), land, false);
        if (!locations.insert(location)) {
            throw InvalidInputException.of("code", "validation.code.taken", c);
        }
        return location;
    }
}
