package dev.kontor.catalog;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.catalog.internal.InventoryCheck;
import dev.kontor.catalog.internal.LocationRepository;
import dev.kontor.catalog.internal.ProductRepository;
import dev.kontor.catalog.internal.ReservationRepository;
import dev.kontor.catalog.internal.StockRepository;
import dev.kontor.catalog.internal.StockRepository.Delta;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock in the warehouse: goods in, counts corrected, defects, goods a customer sent back, and what the figures are
 * (on hand, reserved, available, demand, defective) per variant and location, with the ledger behind them. Every
 * change is a ledger movement written with the figures it changes. What orders hold is {@link Reservations}.
 */
@Service
public class Inventory {

    private static final int MAX_QUANTITY = 1_000_000;

    private final ProductRepository products;
    private final StockRepository stock;
    private final ReservationRepository reservations;
    private final Reservations holding;
    private final LocationRepository locations;
    private final InventoryCheck check;
    private final Permissions permissions;
    private final Clock clock;

    Inventory(
            ProductRepository products,
            StockRepository stock,
            ReservationRepository reservations,
            Reservations holding,
            LocationRepository locations,
            InventoryCheck check,
            Permissions permissions,
            Clock clock) {
        this.products = products;
        this.stock = stock;
        this.reservations = reservations;
        this.holding = holding;
        this.locations = locations;
        this.check = check;
        this.permissions = permissions;
        this.clock = clock;
    }

    // --- goods in and out ----------------------------------------------------------------------------

    /** Goods arrived: on hand goes up, and waiting backorders are filled, oldest first. */
    @Transactional
    public StockFigures receive(Actor actor, String sku, String location, Integer quantity, String reference) {
        permissions.requireAllowed(actor, Permission.STOCK_RECEIVE, Situation.NONE);
        Variant variant = variantFor(sku);
        String at = locationFor(location);
        requirePositive(quantity, "quantity");
        if (variant.status() == VariantStatus.DISCONTINUED) {
            throw new ActionRefusedException(
                    "receive", variant.status().name(), "stock.refused.discontinued", variant.sku());
        }
        stock.move(
                variant.id(),
                at,
                MovementKind.RECEIPT,
                new Delta(quantity, 0, 0, 0),
                holding.context(actor, null, Text.clean(reference), null));
        holding.fillBackorders(actor, variant.id(), at);
        return stock.total(variant.id());
    }

    /** A count corrected by {@code change} units (negative to take away), with the reason. */
    @Transactional
    public StockFigures adjust(Actor actor, String sku, String location, Integer change, String reason) {
        permissions.requireAllowed(actor, Permission.STOCK_ADJUST, Situation.NONE);
        Variant variant = variantFor(sku);
        String at = locationFor(location);
        Problems problems = new Problems();
        if (change == null || change == 0) {
            problems.add("quantity", "validation.not-zero");
        } else if (Math.abs(change) > MAX_QUANTITY) {
            problems.add("quantity", "validation.max", MAX_QUANTITY);
        }
        if (Text.clean(reason) == null) {
            problems.add("reason", "validation.reason.required");
        }
        problems.throwIfAny();
        if (!stock.move(
                variant.id(),
                at,
                MovementKind.ADJUSTMENT,
                new Delta(change, 0, 0, 0),
                holding.context(actor, reason.strip(), null, null))) {
            StockFigures here = figuresAt(variant.id(), at);
            throw InvalidInputException.of(
                    "quantity", "stock.refused.below-reserved", here.onHand(), here.reserved(), here.onHand() + change);
        }
        if (change > 0) {
            holding.fillBackorders(actor, variant.id(), at);
        }
        return stock.total(variant.id());
    }

    /** Units found broken: they leave what can be sold and are counted as defective. */
    @Transactional
    public StockFigures markDefective(Actor actor, String sku, String location, Integer quantity, String reason) {
        permissions.requireAllowed(actor, Permission.STOCK_ADJUST, Situation.NONE);
        Variant variant = variantFor(sku);
        String at = locationFor(location);
        requirePositive(quantity, "quantity");
        if (!stock.move(
                variant.id(),
                at,
                MovementKind.DEFECTIVE,
                new Delta(-quantity, 0, 0, quantity),
                holding.context(actor, Text.clean(reason), null, null))) {
            StockFigures here = figuresAt(variant.id(), at);
            throw InvalidInputException.of(
                    "quantity",
                    "stock.refused.below-reserved",
                    here.onHand(),
                    here.reserved(),
                    here.onHand() - quantity);
        }
        return stock.total(variant.id());
    }

    /**
     * Goods a customer sent back, as a refund records them: sellable ones go on hand again (and may fill waiting
     * backorders), broken ones are counted as defective. An item the catalog does not stock has no stock to change.
     * The caller (the refund) has checked its own permission.
     */
    @Transactional
    public void returnFromCustomer(
            Actor actor, OrderRef order, String sku, int quantity, boolean defective, String reason) {
        Optional<Variant> variant = products.findVariantBySku(sku);
        if (variant.isEmpty()) {
            return;
        }
        String at = locationFor(null);
        stock.move(
                variant.get().id(),
                at,
                MovementKind.RETURN,
                defective ? new Delta(0, 0, 0, quantity) : new Delta(quantity, 0, 0, 0),
                holding.context(actor, Text.clean(reason), null, order));
        if (!defective) {
            holding.fillBackorders(actor, variant.get().id(), at);
        }
    }

    // --- reading ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public StockFigures total(long variantId) {
        return stock.total(variantId);
    }

    @Transactional(readOnly = true)
    public List<StockFigures> byLocation(long variantId) {
        return stock.levels(variantId);
    }

    @Transactional(readOnly = true)
    public List<Movement> movements(long variantId, int limit) {
        return stock.movements(variantId, Math.min(Math.max(limit, 1), 1000));
    }

    /** The order lines holding this variant. */
    @Transactional(readOnly = true)
    public List<Holding> holdings(long variantId) {
        return reservations.byVariant(variantId);
    }

    @Transactional(readOnly = true)
    public Set<Long> waitingForStock(Collection<Long> orderIds) {
        return reservations.waitingForStock(orderIds);
    }

    @Transactional(readOnly = true)
    public List<Holding> holdingsOf(long orderId) {
        return reservations.byOrder(orderId);
    }

    /** Every figure recomputed from the ledger and the reservations; empty when all agree. */
    @Transactional(readOnly = true)
    public List<Drift> check() {
        return check.run();
    }

    @Transactional(readOnly = true)
    public List<Location> locations() {
        return locations.all();
    }

    private StockFigures figuresAt(long variantId, String location) {
        return stock.levels(variantId).stream()
                .filter(f -> f.location().equals(location))
                .findFirst()
                .orElse(new StockFigures(location, 0, 0, 0, 0));
    }

    private Variant variantFor(String sku) {
        if (Text.clean(sku) == null) {
            throw InvalidInputException.of("sku", "validation.required");
        }
        return products.findVariantBySku(sku.strip())
                .orElseThrow(() -> InvalidInputException.of("sku", "validation.sku.unknown", sku.strip()));
    }

    private String locationFor(String code) {
        if (Text.clean(code) == null) {
            return locations.defaultLocation().code();
        }
        return locations
                .find(code.strip().toUpperCase(Locale.ROOT))
                .map(Location::code)
                .orElseThrow(() -> InvalidInputException.of("location", "validation.location.unknown", code.strip()));
    }

    private static void requirePositive(Integer quantity, String field) {
        if (quantity == null) {
            throw InvalidInputException.of(field, "validation.required");
        }
        if (quantity <= 0) {
            throw InvalidInputException.of(field, "validation.positive");
        }
        if (quantity > MAX_QUANTITY) {
            throw InvalidInputException.of(field, "validation.max", MAX_QUANTITY);
        }
    }
}
