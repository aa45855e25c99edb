package dev.kontor.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.catalog.internal.CatalogQueries;
import dev.kontor.catalog.internal.ProductRepository;
import dev.kontor.shared.CsvCells;
import dev.kontor.shared.Currencies;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.Money;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;

/**
 * The catalog as CSV, one row per variant: {@code product_code, product_name, sku, attributes
 * ("colour=blue; size=M"), status, allow_backorder, supplier, purchase_price, purchase_currency,
 * low_stock_threshold, price_EUR, price_CNY, …}. Prices are decimals in major units. Importing creates or
 * updates each product (rows grouped by product code) in its own transaction; rows of a product that is
 * refused are reported with their line, the others go through.
 */
@Service
public class CatalogCsv {

    /** What an import did. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CatalogImportReport")
    public record Report(int created, int updated, List<RowProblem> problems) {}

    /** A problem on one line of the file. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CatalogImportProblem")
    public record RowProblem(long line, String column, String code, List<Object> args) {}

    private static final List<String> FIXED = List.of(
            "product_code",
            "product_name",
            "sku",
            "attributes",
            "status",
            "allow_backorder",
            "supplier",
            "purchase_price",
            "purchase_currency",
            "low_stock_threshold");

    private final Catalog catalog;
    private final ProductRepository products;
    private final CatalogQueries queries;

    private final Permissions permissions;

    CatalogCsv(Catalog catalog, ProductRepository products, CatalogQueries queries, Permissions permissions) {
        this.catalog = catalog;
        this.permissions = permissions;
        this.products = products;
        this.queries = queries;
    }

    public void export(Writer out) {
        List<VariantRow> rows = queries.find(null, null, false, 100_000);
        Map<Long, Variant> byId = new HashMap<>();
        products.variantsOf(rows.stream().map(VariantRow::productId).distinct().toList())
                .forEach(v -> byId.put(v.id(), v));
        List<Variant> variants = rows.stream().map(r -> byId.get(r.variantId())).toList();
        TreeSet<String> currencies = new TreeSet<>();
        variants.forEach(v -> currencies.addAll(v.prices().keySet()));
        Map<Long, String> suppliers = new LinkedHashMap<>();
        products.suppliers().forEach(s -> suppliers.put(s.id(), s.name()));
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            List<String> header = new ArrayList<>(FIXED);
            currencies.forEach(c -> header.add("price_" + c));
            csv.writeRecord(header);
            for (int i = 0; i < rows.size(); i++) {
                VariantRow r = rows.get(i);
                Variant v = variants.get(i);
                List<String> record = new ArrayList<>(List.of(
                        r.productCode(),
                        r.productName(),
                        v.sku(),
                        attributes(v.attributes()),
                        v.status().name(),
                        Boolean.toString(v.allowBackorder()),
                        v.supplierId() == null ? "" : suppliers.get(v.supplierId()),
                        v.purchasePrice() == null
                                ? ""
                                : Money.of(v.purchasePrice(), v.purchaseCurrency())
                                        .toDecimal()
                                        .toPlainString(),
                        v.purchaseCurrency() == null ? "" : v.purchaseCurrency(),
                        Integer.toString(v.lowStockThreshold())));
                for (String c : currencies) {
                    Long price = v.prices().get(c);
                    record.add(
                            price == null ? "" : Money.of(price, c).toDecimal().toPlainString());
                }
                csv.writeRecord(CsvCells.safe(record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates or updates products by code, each product on its own; what fails is reported by line and column. */
    public Report importCsv(Actor actor, Reader in) {
        permissions.requireAllowed(actor, Permission.CATALOG_EDIT, Situation.NONE);
        Map<String, List<NamedCsvRecord>> byProduct = new LinkedHashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .ofNamedCsvRecord(in)) {
            for (NamedCsvRecord row : reader) {
                String code = row.findField("product_code").map(String::strip).orElse("");
                if (code.isEmpty()) {
                    problems.add(new RowProblem(
                            row.getStartingLineNumber(), "product_code", "validation.required", List.of()));
                    continue;
                }
                byProduct.computeIfAbsent(code, k -> new ArrayList<>()).add(row);
            }
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("file", "validation.csv", String.valueOf(e.getMessage()));
        }
        int created = 0;
        int updated = 0;
        for (Map.Entry<String, List<NamedCsvRecord>> product : byProduct.entrySet()) {
            List<NamedCsvRecord> rows = product.getValue();
            try {
                ProductInput input = input(product.getKey(), rows);
                var existing = products.findProductIdByCode(product.getKey());
                if (existing.isPresent()) {
                    catalog.update(actor, existing.get(), null, merged(existing.get(), input));
                    updated++;
                } else {
                    catalog.create(actor, input);
                    created++;
                }
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.problems()) {
                    problems.add(new RowProblem(lineOf(p.field(), rows), columnOf(p.field()), p.code(), p.args()));
                }
            } catch (KontorException e) {
                problems.add(new RowProblem(rows.get(0).getStartingLineNumber(), "", e.messageKey(), e.args()));
            }
        }
        return new Report(created, updated, problems);
    }

    /** An update keeps the product's variants the file does not mention. */
    private ProductInput merged(long productId, ProductInput fromFile) {
        Product current = catalog.get(productId);
        List<ProductInput.VariantInput> variants = new ArrayList<>(fromFile.variants());
        for (Variant v : current.variants()) {
            boolean mentioned = fromFile.variants().stream()
                    .anyMatch(f -> v.sku()
                            .equalsIgnoreCase(f.sku() == null ? "" : f.sku().strip()));
            if (!mentioned) {
                variants.add(new ProductInput.VariantInput(
                        v.sku(),
                        v.attributes(),
                        v.status(),
                        v.allowBackorder(),
                        catalog.supplier(v.supplierId()).map(Supplier::name).orElse(null),
                        v.purchasePrice(),
                        v.purchaseCurrency(),
                        v.lowStockThreshold(),
                        v.prices()));
            }
        }
        return new ProductInput(fromFile.code(), fromFile.name(), variants);
    }

    private static ProductInput input(String code, List<NamedCsvRecord> rows) {
        String name = rows.get(0).findField("product_name").orElse("");
        List<ProductInput.VariantInput> variants = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            NamedCsvRecord row = rows.get(i);
            String at = "variants[" + i + "].";
            String currency = field(row, "purchase_currency")
                    .map(c -> c.toUpperCase(Locale.ROOT))
                    .orElse(null);
            Long purchase = decimal(row, "purchase_price", currency, at + "purchasePrice", problems);
            Map<String, Long> prices = new LinkedHashMap<>();
            for (String column : row.getHeader()) {
                if (column.startsWith("price_")) {
                    String c = column.substring(6).toUpperCase(Locale.ROOT);
                    Long price = decimal(row, column, c, at + "prices." + c, problems);
                    if (price != null) {
                        prices.put(c, price);
                    }
                }
            }
            VariantStatus status = null;
            String statusText = field(row, "status").orElse(null);
            if (statusText != null) {
                try {
                    status = VariantStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.of(at + "status", "validation.invalid"));
                }
            }
            Integer threshold = null;
            String thresholdText = field(row, "low_stock_threshold").orElse(null);
            if (thresholdText != null) {
                try {
                    threshold = Integer.parseInt(thresholdText);
                } catch (NumberFormatException e) {
                    problems.add(FieldProblem.of(at + "lowStockThreshold", "validation.whole-number"));
                }
            }
            variants.add(new ProductInput.VariantInput(
                    field(row, "sku").orElse(null),
                    parseAttributes(field(row, "attributes").orElse("")),
                    status,
                    field(row, "allow_backorder")
                            .map(b -> b.equalsIgnoreCase("true") || b.equals("1"))
                            .orElse(false),
                    field(row, "supplier").orElse(null),
                    purchase,
                    currency,
                    threshold,
                    prices));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ProductInput(code, name, variants);
    }

    private static Optional<String> field(NamedCsvRecord row, String name) {
        return row.findField(name).map(CsvCells::read).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Long decimal(
            NamedCsvRecord row, String column, String currency, String field, List<FieldProblem> problems) {
        String text = field(row, column).orElse(null);
        if (text == null) {
            return null;
        }
        try {
            return Money.parse(
                            text.replace(',', '.'), currency != null && Currencies.isKnown(currency) ? currency : "EUR")
                    .minor();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(FieldProblem.of(field, "validation.amount"));
            return null;
        }
    }

    static Map<String, String> parseAttributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            attributes.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
        }
        return attributes;
    }

    static String attributes(Map<String, String> attributes) {
        return String.join(
                "; ",
                attributes.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
    }

    private static long lineOf(String field, List<NamedCsvRecord> rows) {
        Matcher m = Pattern.compile("variants\\[(\\d+)]").matcher(field);
        int index = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return rows.get(Math.min(index, rows.size() - 1)).getStartingLineNumber();
    }

    private static String columnOf(String field) {
        String last = field.replaceAll("^variants\\[\\d+]\\.", "");
        return switch (last) {
            case "code" -> "product_code";
            case "name" -> "product_name";
            case "purchasePrice" -> "purchase_price";
            case "purchaseCurrency" -> "purchase_currency";
            case "lowStockThreshold" -> "low_stock_threshold";
            default -> last.startsWith("prices.") ? "price_" + last.substring(7) : Text.clean(last) == null ? "" : last;
        };
    }
}
