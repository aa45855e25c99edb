package dev.kontor.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kontor.catalog.Catalog;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.fulfillment.Carrier;
import dev.kontor.fulfillment.Carriers;
import dev.kontor.imports.internal.ImportMappingRepository;
import dev.kontor.imports.internal.ImportProblemRepository;
import dev.kontor.imports.internal.ImportRepository;
import dev.kontor.imports.read.Columns;
import dev.kontor.imports.read.StagedLine;
import dev.kontor.orders.Channel;
import dev.kontor.orders.Orders;
import dev.kontor.shared.Problems;
import dev.kontor.shared.ShopSettings;
import org.springframework.stereotype.Service;

/**
 * Checks a staged batch a chunk of orders at a time (bounded memory for any size of file): each order with its
 * lines through {@link ImportChecks}, items without an order reported, orders Kontor already has marked. Runs in
 * its caller's transaction.
 */
@Service
public class ImportBatchChecks {

    private static final int CHUNK = 500;

    /** What Taobao's 物流公司 column calls the carriers Kontor knows by code. */
    private static final Map<String, String> CARRIER_NAMES = Map.of(
            "顺丰", "SF",
            "圆通", "YTO",
            "申通", "STO",
            "中通", "ZTO",
            "京东", "JD");

    private final ImportRepository imports;
    private final ImportMappingRepository mappings;
    private final ImportProblemRepository problems;
    private final Catalog catalog;
    private final Orders orders;
    private final Carriers carriers;
    private final ImportSettings settings;
    private final ShopSettings shop;

    private final CustomFields customFields;

    ImportBatchChecks(
            ImportRepository imports,
            ImportProblemRepository problems,
            ImportMappingRepository mappings,
            Catalog catalog,
            Orders orders,
            Carriers carriers,
            ImportSettings settings,
            ShopSettings shop,
            CustomFields customFields) {
        this.customFields = customFields;
        this.imports = imports;
        this.problems = problems;
        this.mappings = mappings;
        this.catalog = catalog;
        this.orders = orders;
        this.carriers = carriers;
        this.settings = settings;
        this.shop = shop;
    }

    /**
     * Checks every staged order of the batch.
     *
     * @param readErrors the orders whose rows had cells that could not be read, and how bad that was
     */
    void check(long batchId, String channel, Map<String, Severity> readErrors) {
        Map<String, Columns> formats = columnsOf(batchId);
        Set<String> channels = orders.channels().stream().map(Channel::code).collect(Collectors.toSet());
        Map<String, Optional<Carrier>> carrierCache = new HashMap<>();
        long after = 0;
        while (true) {
            List<ImportRow> chunk = imports.ordersAfter(batchId, after, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            after = chunk.get(chunk.size() - 1).id();
            Set<String> ids = chunk.stream()
                    .map(r -> r.order().externalId())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Map<String, List<ImportChecks.Located>> lines = new HashMap<>();
            for (ImportRepository.LineRow row : imports.linesOf(batchId, ids)) {
                lines.computeIfAbsent(row.line().externalId(), k -> new ArrayList<>())
                        .add(new ImportChecks.Located(row.fileName(), formats.get(row.fileName()), row.line()));
            }
            Set<String> skus = lines.values().stream()
                    .flatMap(List::stream)
                    .map(l -> l.line().sku())
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            ImportChecks.Context context = context(channel, channels, skus, carrierCache);
            Map<String, String> known = orders.numbersByExternalId(channel, ids);
            List<ImportRepository.Checked> checked = new ArrayList<>();
            List<ImportProblemRepository.NewProblem> found = new ArrayList<>();
            for (ImportRow row : chunk) {
                if (row.verdict() == ImportVerdict.DUPLICATE) {
                    continue;
                }
                String id = row.order().externalId();
                List<ImportChecks.Located> own = lines.getOrDefault(id, List.of());
                ImportChecks.Checked result = known.containsKey(id)
                        ? ImportChecks.checkUpdate(row.order(), row.fileName(), formats.get(row.fileName()), context)
                        : ImportChecks.check(row.order(), row.fileName(), formats.get(row.fileName()), own, context);
                ImportVerdict verdict = worse(result.verdict(), readErrors.get(id));
                result.findings()
                        .forEach(f -> found.add(new ImportProblemRepository.NewProblem(
                                f.fileName(), f.line(), f.column(), id, f.severity(), f.message())));
                checked.add(
                        new ImportRepository.Checked(row.id(), verdict, own.size(), total(own), null, known.get(id)));
            }
            imports.updateChecked(checked);
            problems.insertProblems(batchId, found);
        }
        problems.reportOrphanLines(batchId);
        problems.flagShipTogether(batchId);
    }

    /**
     * Staged orders about to be committed, with what checking them again needs fetched once for all of them: the
     * files' columns, the channels, their lines, which of their item codes the catalog has (it may have changed since
     * staging), and which of them Kontor has already.
     */
    final class Prepared {
        private final Map<String, Columns> formats;
        private final Map<String, List<ImportChecks.Located>> lines = new HashMap<>();
        private final Map<String, Long> existing;
        private final ImportChecks.Context context;

        private Prepared(long batchId, String channel, List<ImportRow> rows) {
            this.formats = columnsOf(batchId);
            List<String> ids = rows.stream().map(r -> r.order().externalId()).toList();
            for (ImportRepository.LineRow row : imports.linesOf(batchId, ids)) {
                lines.computeIfAbsent(row.line().externalId(), k -> new ArrayList<>())
                        .add(new ImportChecks.Located(row.fileName(), formats.get(row.fileName()), row.line()));
            }
            Set<String> skus = lines.values().stream()
                    .flatMap(List::stream)
                    .map(l -> l.line().sku())
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            Set<String> channels = orders.channels().stream().map(Channel::code).collect(Collectors.toSet());
            this.existing = orders.idsByExternalId(channel, ids);
            this.context = context(channel, channels, skus, new HashMap<>());
        }

        /** The order Kontor has for this row, if it has one. */
        Optional<Long> existing(ImportRow row) {
            return Optional.ofNullable(existing.get(row.order().externalId()));
        }

        /** The row checked again: an order Kontor has only for what a later file may change. */
        ImportChecks.Checked check(ImportRow row) {
            Columns columns = formats.get(row.fileName());
            return existing.containsKey(row.order().externalId())
                    ? ImportChecks.checkUpdate(row.order(), row.fileName(), columns, context)
                    : ImportChecks.check(
                            row.order(),
                            row.fileName(),
                            columns,
                            lines.getOrDefault(row.order().externalId(), List.of()),
                            context);
        }
    }

    /** Prepares staged orders of one batch for committing. */
    Prepared prepare(long batchId, String channel, List<ImportRow> rows) {
        return new Prepared(batchId, channel, rows);
    }

    /** Each file's columns: its format's, or the saved mapping it was read through. */
    private Map<String, Columns> columnsOf(long batchId) {
        Map<String, Columns> columns = new HashMap<>();
        for (ImportFile file : imports.files(batchId)) {
            Columns own = file.mappingId() == null
                    ? file.format()
                    : mappings.find(file.mappingId()).<Columns>map(m -> m).orElse(file.format());
            columns.put(file.name(), own);
        }
        return columns;
    }

    private ImportChecks.Context context(
            String channel, Set<String> channels, Set<String> skus, Map<String, Optional<Carrier>> carrierCache) {
        return new ImportChecks.Context(
                channel,
                channels,
                shop.homeCountry(),
                catalog.items(skus).keySet(),
                settings.refuseUnknownItems(),
                (name, tracking) -> carrierCache
                        .computeIfAbsent(name, this::carrier)
                        .map(c -> new ImportChecks.CarrierFit(c.code(), tracking == null || c.accepts(tracking))),
                values -> {
                    Problems found = new Problems();
                    customFields.check(FieldScope.ORDER, values, false, found);
                    return found.list();
                });
    }

    /** A file's carrier name as one of Kontor's carriers: by code or name, or Taobao's Chinese name. */
    private Optional<Carrier> carrier(String name) {
        Optional<Carrier> direct = carriers.find(name);
        if (direct.isPresent()) {
            return direct;
        }
        return CARRIER_NAMES.entrySet().stream()
                .filter(e -> name.contains(e.getKey()))
                .findFirst()
                .flatMap(e -> carriers.find(e.getValue()));
    }

    private static ImportVerdict worse(ImportVerdict verdict, Severity read) {
        if (read == Severity.ERROR) {
            return ImportVerdict.REJECTED;
        }
        if (read == Severity.WARNING && verdict == ImportVerdict.READY) {
            return ImportVerdict.WARNING;
        }
        return verdict;
    }

    /** The lines' value when the file states no order total (formats with one row per item). */
    private static Long total(List<ImportChecks.Located> lines) {
        long sum = 0;
        for (ImportChecks.Located located : lines) {
            StagedLine line = located.line();
            if (line.unitPrice() == null || line.quantity() == null) {
                return null;
            }
            sum += line.unitPrice() * line.quantity() - (line.discount() == null ? 0 : line.discount());
        }
        return sum;
    }
}
