package dev.kontor.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.fields.CustomField;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.imports.internal.ImportMappingRepository;
import dev.kontor.imports.read.ImportMapping;
import dev.kontor.imports.read.Sheet;
import dev.kontor.orders.Channel;
import dev.kontor.orders.Orders;
import dev.kontor.shared.Currencies;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The column mappings that let another system's export in (Odoo, WooCommerce, a spreadsheet): the columns and first
 * rows of a sample file to build one from, and the shop's saved mappings. A saved mapping is found again by the
 * header of a file uploaded later.
 */
@Service
public class ImportMappings {

    /** How many rows of a sample file the mapping form shows. */
    public static final int PREVIEW_ROWS = 20;

    private final ImportMappingRepository mappings;
    private final Orders orders;
    private final Permissions permissions;
    private final Clock clock;
    private final CustomFields customFields;

    ImportMappings(
            ImportMappingRepository mappings,
            Orders orders,
            Permissions permissions,
            Clock clock,
            CustomFields customFields) {
        this.customFields = customFields;
        this.mappings = mappings;
        this.orders = orders;
        this.permissions = permissions;
        this.clock = clock;
    }

    /**
     * Every field a column can be mapped to: Kontor's ({@link ImportMapping#FIELDS}), then the shop's own order fields
     * on offer, as {@code cf.<key>}.
     */
    public List<String> fields() {
        List<String> all = new ArrayList<>(ImportMapping.FIELDS);
        customFields.active(FieldScope.ORDER).forEach(f -> all.add(ImportMapping.CUSTOM + f.key()));
        return all;
    }

    /** A sample file's columns and first rows, cell by cell. */
    public record Sample(String fileName, List<String> header, List<List<String>> rows) {}

    @Transactional(readOnly = true)
    public List<ImportMapping> all(Actor actor) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        return mappings.findAll();
    }

    /** Reads a sample's header and first rows (nothing is kept). */
    public Sample sample(Actor actor, Upload upload) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        if (upload == null || upload.size() == 0) {
            throw InvalidInputException.of("file", "import.file.empty", upload == null ? "" : upload.name());
        }
        try (Sheet sheet = Sheet.open(upload.content().open())) {
            if (sheet.header().isEmpty()) {
                throw InvalidInputException.of("file", "import.file.no-rows", upload.name());
            }
            List<List<String>> rows = new ArrayList<>();
            for (Sheet.Row row : sheet) {
                if (rows.size() >= PREVIEW_ROWS) {
                    break;
                }
                if (!row.isBlank()) {
                    rows.add(sheet.header().stream()
                            .map(row::get)
                            .map(v -> v == null ? "" : v)
                            .toList());
                }
            }
            return new Sample(upload.name(), sheet.header(), rows);
        } catch (IOException | UncheckedIOException e) {
            throw InvalidInputException.of("file", "import.file.unreadable", upload.name());
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw InvalidInputException.of("file", "import.file.unreadable", upload.name());
        }
    }

    /**
     * Saves a mapping: a name no other mapping has, a channel Kontor knows, a currency, and a column of the sample for
     * each required field (order number, item name, quantity, unit price); a column at most once.
     */
    @Transactional
    public ImportMapping save(
            Actor actor,
            String name,
            String channel,
            String currency,
            List<String> header,
            Map<String, String> columns) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        Problems problems = new Problems();
        String cleanName = Text.clean(name);
        if (cleanName == null) {
            problems.add("name", "validation.required");
        } else if (cleanName.length() > 100) {
            problems.add("name", "validation.too-long", 100);
        } else if (mappings.nameTaken(cleanName)) {
            problems.add("name", "import.mapping.name-taken", cleanName);
        }
        String code = Text.clean(channel) == null ? null : channel.strip().toUpperCase(Locale.ROOT);
        List<String> channels = orders.channels().stream().map(Channel::code).toList();
        if (code == null) {
            problems.add("channel", "validation.required");
        } else if (!channels.contains(code)) {
            problems.add("channel", "validation.channel", channel, String.join(", ", channels));
        }
        String money = Text.clean(currency) == null ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (money == null) {
            problems.add("currency", "validation.required");
        } else if (!Currencies.isKnown(money)) {
            problems.add("currency", "validation.currency", currency);
        }
        List<String> columnsOfFile =
                header == null ? List.of() : header.stream().map(String::strip).toList();
        Map<String, String> mapped = new LinkedHashMap<>();
        for (String field : fields()) {
            String column = columns == null ? null : Text.clean(columns.get(field));
            if (column == null) {
                if (ImportMapping.REQUIRED.contains(field)) {
                    problems.add("columns." + field, "validation.required");
                }
            } else if (!columnsOfFile.contains(column)) {
                problems.add("columns." + field, "import.mapping.no-such-column", column);
            } else if (mapped.containsValue(column)) {
                problems.add("columns." + field, "import.mapping.column-twice", column);
            } else {
                mapped.put(field, column);
            }
        }
        problems.throwIfAny();
        ImportMapping mapping = new ImportMapping(null, cleanName, code, money, columnsOfFile, mapped);
        long id = mappings.insert(mapping, actor.displayName(), clock.instant());
        return mappings.find(id).orElseThrow();
    }

    @Transactional
    public void delete(Actor actor, long id) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        if (!mappings.delete(id)) {
            throw new NotFoundException("import-mapping", id);
        }
    }

    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry(
                    "externalId",
                    List.of(
                            "order id",
                            "order number",
                            "order no",
                            "orderid",
                            "order_id",
                            "invoiceno",
                            "invoice",
                            "order",
                            "订单编号",
                            "订单号",
                            "bestellnummer",
                            "ordrenummer")),
            Map.entry(
                    "placedAt",
                    List.of("order date", "date", "created", "orderdate", "invoicedate", "下单时间", "创建时间", "datum")),
            Map.entry(
                    "buyer",
                    List.of(
                            "customer name",
                            "billing name",
                            "shipping name",
                            "customer",
                            "name",
                            "客户",
                            "收货人",
                            "kunde")),
            Map.entry("company", List.of("company", "company name", "公司", "firma")),
            Map.entry("email", List.of("email", "e-mail", "邮箱")),
            Map.entry("phone", List.of("phone", "telephone", "mobile", "电话", "手机", "telefon")),
            Map.entry("street", List.of("street", "address", "address 1", "address1", "地址", "straße", "adresse")),
            Map.entry("recipient", List.of("ship to", "ship_to", "recipient", "empfänger", "mottaker")),
            Map.entry("recipientPhone", List.of("ship phone", "ship_phone", "shipping phone", "recipient phone")),
            Map.entry("street2", List.of("street2", "address 2", "address2", "address line 2", "adresszusatz")),
            Map.entry("postalCode", List.of("postal code", "postcode", "zip", "postalcode", "邮编", "plz", "postnummer")),
            Map.entry("city", List.of("city", "town", "城市", "stadt", "ort", "sted")),
            Map.entry("region", List.of("state", "province", "region", "省")),
            Map.entry("country", List.of("country", "国家", "land")),
            Map.entry("currency", List.of("currency", "币种", "währung", "valuta")),
            Map.entry("shipping", List.of("shipping", "freight", "运费", "versand", "frakt")),
            Map.entry("discount", List.of("discount", "order discount", "优惠", "rabatt")),
            Map.entry("tax", List.of("tax", "vat", "税", "steuer", "mwst", "mva")),
            Map.entry("total", List.of("order total", "total", "amount total", "总金额", "gesamt", "sum")),
            Map.entry("paid", List.of("paid", "payment status", "已付款", "bezahlt", "betalt")),
            Map.entry(
                    "sku",
                    List.of(
                            "sku",
                            "stockcode",
                            "item code",
                            "product code",
                            "default code",
                            "商家编码",
                            "artikelnummer",
                            "varenummer")),
            Map.entry(
                    "name",
                    List.of(
                            "product name",
                            "description",
                            "item name",
                            "product",
                            "title",
                            "item",
                            "商品名称",
                            "标题",
                            "artikel",
                            "vare")),
            Map.entry("attributes", List.of("attributes", "variant", "options", "商品属性", "merkmale")),
            Map.entry("lineDiscount", List.of("line discount", "item discount", "line_discount")),
            Map.entry("quantity", List.of("quantity", "qty", "数量", "menge", "antall")),
            Map.entry("unitPrice", List.of("unit price", "unitprice", "price", "单价", "价格", "preis", "pris")));

    /**
     * A first guess of the mapping from the columns' names (English, Chinese, German, Norwegian): the form starts from
     * it, the user corrects it. Each column is guessed for one field at most.
     */
    public Map<String, String> guess(List<String> header) {
        Map<String, Set<String>> synonyms = new LinkedHashMap<>();
        SYNONYMS.forEach((field, names) -> synonyms.put(field, new LinkedHashSet<>(names)));
        for (CustomField f : customFields.active(FieldScope.ORDER)) { // by its key or a name in any language
            Set<String> names = new LinkedHashSet<>();
            names.add(f.key().toLowerCase(Locale.ROOT));
            names.add(ImportMapping.CUSTOM + f.key().toLowerCase(Locale.ROOT));
            f.names().byLanguage().values().forEach(n -> names.add(n.strip().toLowerCase(Locale.ROOT)));
            synonyms.put(ImportMapping.CUSTOM + f.key(), names);
        }
        Map<String, String> guessed = new LinkedHashMap<>();
        for (String field : fields()) {
            for (String synonym : synonyms.getOrDefault(field, Set.of())) {
                String found = header.stream()
                        .filter(c -> !guessed.containsValue(c))
                        .filter(c -> c.strip().toLowerCase(Locale.ROOT).equals(synonym))
                        .findFirst()
                        .orElse(null);
                if (found != null) {
                    guessed.put(field, found);
                    break;
                }
            }
        }
        return guessed;
    }

    /** The mapped fields as the form lists them, for a saved mapping: field → column. */
    public Map<String, String> byField(ImportMapping mapping) {
        return fields().stream()
                .filter(mapping.columns()::containsKey)
                .collect(Collectors.toMap(f -> f, mapping.columns()::get, (a, b) -> a, LinkedHashMap::new));
    }
}
