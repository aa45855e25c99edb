package dev.kontor.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.catalog.internal.CatalogQueries;
import dev.kontor.catalog.internal.ProductRepository;
import dev.kontor.catalog.internal.PurchasingRepository;
import dev.kontor.shared.CsvCells;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Money;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What must be bought from whom (the Taobao back office's 采购产品列表), and notes to purchasing. */
@Service
public class Purchasing {

    private final CatalogQueries queries;
    private final ProductRepository products;
    private final PurchasingRepository notices;
    private final Permissions permissions;
    private final Clock clock;

    Purchasing(
            CatalogQueries queries,
            ProductRepository products,
            PurchasingRepository notices,
            Permissions permissions,
            Clock clock) {
        this.queries = queries;
        this.products = products;
        this.notices = notices;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** Variants with backorders waiting or stock below their threshold, with supplier and quantity to buy. */
    @Transactional(readOnly = true)
    public List<PurchasingLine> list(Actor actor) {
        permissions.requireAllowed(actor, Permission.PURCHASING_VIEW, Situation.NONE);
        Map<Long, Supplier> suppliers =
                products.suppliers().stream().collect(Collectors.toMap(Supplier::id, Function.identity()));
        List<VariantRow> rows = queries.toPurchase();
        Map<String, Variant> bySku =
                products.findVariantsBySkus(rows.stream().map(VariantRow::sku).toList());
        return rows.stream()
                .map(row -> {
                    Variant v = bySku.get(row.sku().toUpperCase(Locale.ROOT));
                    int belowThreshold =
                            Math.max(0, row.lowStockThreshold() - row.stock().available());
                    return new PurchasingLine(
                            row,
                            v.supplierId() == null ? null : suppliers.get(v.supplierId()),
                            v.purchasePrice(),
                            v.purchaseCurrency(),
                            row.stock().backordered() + belowThreshold);
                })
                .toList();
    }

    /** The list as CSV (UTF-8, comma-separated, a header row), for a spreadsheet or a supplier. */
    @Transactional(readOnly = true)
    public void writeCsv(Actor actor, Writer out) {
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(
                    "sku",
                    "product",
                    "variant",
                    "to_buy",
                    "backordered",
                    "available",
                    "supplier",
                    "contact",
                    "email",
                    "phone",
                    "purchase_price",
                    "purchase_currency");
            for (PurchasingLine line : list(actor)) {
                Supplier s = line.supplier();
                csv.writeRecord(CsvCells.safe(List.of(
                        line.variant().sku(),
                        line.variant().productName(),
                        line.variant().attributeText(),
                        Integer.toString(line.toBuy()),
                        Integer.toString(line.variant().stock().backordered()),
                        Integer.toString(line.variant().stock().available()),
                        s == null ? "" : s.name(),
                        s == null || s.contactName() == null ? "" : s.contactName(),
                        s == null || s.email() == null ? "" : s.email(),
                        s == null || s.phone() == null ? "" : s.phone(),
                        line.purchasePrice() == null
                                ? ""
                                : Money.of(line.purchasePrice(), line.purchaseCurrency())
                                        .toDecimal()
                                        .toPlainString(),
                        line.purchaseCurrency() == null ? "" : line.purchaseCurrency())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Anyone tells purchasing to buy a variant; it lands on purchasing's page. */
    @Transactional
    public PurchasingNotice notify(Actor actor, long variantId, Integer quantity, String note) {
        products.findVariant(variantId).orElseThrow(() -> new NotFoundException("variant", variantId));
        if (quantity == null || quantity <= 0) {
            throw InvalidInputException.of("quantity", "validation.positive");
        }
        if (note != null && note.length() > 1000) {
            throw InvalidInputException.of("note", "validation.too-long", 1000);
        }
        long id = notices.insert(variantId, quantity, Text.clean(note), actor.displayName(), clock.instant());
        return notices.recent(500).stream()
                .filter(n -> n.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void done(Actor actor, long noticeId) {
        permissions.requireAllowed(actor, Permission.PURCHASING_VIEW, Situation.NONE);
        if (!notices.markDone(noticeId, actor.displayName(), clock.instant())) {
            throw new NotFoundException("notice", noticeId);
        }
    }

    @Transactional(readOnly = true)
    public List<PurchasingNotice> notices(Actor actor) {
        permissions.requireAllowed(actor, Permission.PURCHASING_VIEW, Situation.NONE);
        return notices.recent(200);
    }
}
