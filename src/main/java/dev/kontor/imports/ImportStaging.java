package dev.kontor.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.imports.internal.ImportMappingRepository;
import dev.kontor.imports.internal.ImportProblemRepository;
import dev.kontor.imports.internal.ImportRepository;
import dev.kontor.imports.read.AmazonReader;
import dev.kontor.imports.read.EbayReader;
import dev.kontor.imports.read.FormatReader;
import dev.kontor.imports.read.GenericReader;
import dev.kontor.imports.read.ImportFormat;
import dev.kontor.imports.read.ImportMapping;
import dev.kontor.imports.read.Sheet;
import dev.kontor.imports.read.ShopifyReader;
import dev.kontor.imports.read.StagedLine;
import dev.kontor.imports.read.StagedOrder;
import dev.kontor.imports.read.TaobaoItemsReader;
import dev.kontor.imports.read.TaobaoReader;
import dev.kontor.orders.Channel;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Message;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Upload: the files of one batch are recognised by their headers, read row by row into staging rows (every cell that
 * cannot be read becomes a problem on its line and column), then checked ({@link ImportBatchChecks}). All in one
 * transaction: a file refused as a whole (empty, a zip, another marketplace's, a required column missing) leaves
 * nothing behind, and says which file and why.
 */
@Service
public class ImportStaging {

    private static final Logger log = LoggerFactory.getLogger(ImportStaging.class);
    private static final int FLUSH = 1_000;

    /** What reading a file finds (a cell as the file has it): kept when a batch is checked again. */
    static final List<String> READING_CODES = List.of(
            "import.problem.amount",
            "import.problem.whole",
            "import.problem.date",
            "import.problem.status",
            "import.problem.unit-price",
            "import.problem.duplicate");

    private static final List<FormatReader> READERS = List.of(
            new TaobaoReader(), new TaobaoItemsReader(), new ShopifyReader(), new EbayReader(), new AmazonReader());

    private final ImportRepository imports;
    private final ImportMappingRepository mappings;
    private final ImportProblemRepository problems;
    private final ImportBatchChecks checks;
    private final Orders orders;
    private final Permissions permissions;
    private final ImportSettings settings;
    private final ImportUploads uploads;
    private final ShopSettings shop;
    private final Clock clock;

    ImportStaging(
            ImportRepository imports,
            ImportProblemRepository problems,
            ImportMappingRepository mappings,
            ImportBatchChecks checks,
            Orders orders,
            Permissions permissions,
            ImportSettings settings,
            ImportUploads uploads,
            ShopSettings shop,
            Clock clock) {
        this.imports = imports;
        this.problems = problems;
        this.mappings = mappings;
        this.checks = checks;
        this.orders = orders;
        this.permissions = permissions;
        this.settings = settings;
        this.uploads = uploads;
        this.shop = shop;
        this.clock = clock;
    }

    /** Reads and checks the files as one batch; answers its id. */
    @Transactional
    public long stage(Actor actor, List<Upload> files, ImportChoice choice) {
        return stage(actor, files, choice, null);
    }

    /**
     * Reads and checks the files as one batch, reporting how far it is under this upload id ({@link ImportUploads})
     * and stopping, with nothing kept, when the user cancels; answers the batch's id.
     */
    @Transactional
    public long stage(Actor actor, List<Upload> files, ImportChoice choice, UUID uploadId) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        if (files == null
                || files.isEmpty()
                || files.stream().allMatch(f -> Text.clean(f.name()) == null && f.size() == 0)) {
            throw InvalidInputException.of("files", "validation.required");
        }
        List<Recognised> recognised = recognise(files, choice);
        String channel = channel(recognised, choice);
        String name = name(choice);
        long batchId = imports.insertBatch(name, channel, actor.userId(), actor.displayName(), clock.instant());
        long started = System.nanoTime();
        long total = files.stream().mapToLong(Upload::size).sum();
        int rows = 0;
        long read;
        try (ImportUploads.Tracker tracker = uploads.track(uploadId, actor, total)) {
            Reading reading = new Reading(batchId, tracker);
            for (int i = 0; i < recognised.size(); i++) {
                Recognised file = recognised.get(i);
                reading.read(file);
                rows += reading.rowsOf(file);
                imports.insertFile(batchId, i, file.described(reading.rowsOf(file)));
            }
            reading.flush();
            tracker.checking(total, rows);
            read = System.nanoTime();
            checks.check(batchId, channel, reading.readErrors);
        }
        log.info(
                "Import {}: {} rows read in {} ms, checked in {} ms",
                name,
                rows,
                (read - started) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000);
        return batchId;
    }

    /**
     * Checks a batch again, after the catalog, the carriers or the mappings changed (an item added, a carrier named):
     * what reading found stays, everything else is checked anew. Not once it is committed.
     */
    @Transactional
    public void recheck(Actor actor, long batchId) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        long job = imports.lockBatch(batchId).orElseThrow(() -> new NotFoundException("import", batchId));
        ImportBatch batch = imports.find(batchId).orElseThrow();
        if (job != 0) {
            throw new ActionRefusedException(
                    "recheck",
                    "COMMITTED",
                    "import.refused.committed",
                    batch.name(),
                    String.valueOf(batch.committedByName()));
        }
        problems.forgetChecks(batchId, READING_CODES);
        imports.resetChecks(batchId);
        checks.check(batchId, batch.channel(), problems.readingProblems(batchId, READING_CODES));
    }

    /** A file whose format is known, opened at its first row. */
    private record Recognised(
            Upload upload, FormatReader reader, Sheet sheet, DigestInputStream digest, Counting counting) {

        ImportFile described(int rows) {
            return new ImportFile(
                    upload.name(),
                    reader.format(),
                    sheet.isWorkbook() ? "Excel (.xlsx)" : sheet.charset().name(),
                    rows,
                    counting.count(),
                    HexFormat.of().formatHex(digest.getMessageDigest().digest()),
                    reader.mapping() == null ? null : reader.mapping().id());
        }
    }

    private List<Recognised> recognise(List<Upload> files, ImportChoice choice) {
        List<FormatReader> readers = new ArrayList<>(READERS);
        readers.add(new GenericReader(ImportMapping.KONTOR_EXPORT, shop.timeZone()));
        mappings.findAll().forEach(m -> readers.add(new GenericReader(m, shop.timeZone())));
        Problems problems = new Problems();
        List<Recognised> recognised = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Upload upload = files.get(i);
            String field = files.size() == 1 ? "files" : "files[" + i + "]";
            String name = Text.clean(upload.name()) == null ? "#" + (i + 1) : upload.name();
            if (upload.size() == 0) {
                problems.add(field, "import.file.empty", name);
                continue;
            }
            if (upload.size() > settings.maxUploadSize().toBytes()) {
                problems.add(field, "import.file.too-large", name, readable(settings.maxUploadSize()));
                continue;
            }
            try {
                Counting counting = new Counting(upload.content().open());
                BufferedInputStream in = new BufferedInputStream(counting, 8);
                in.mark(8);
                byte[] magic = in.readNBytes(8);
                in.reset();
                if (magic.length == 8 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF) {
                    in.close(); // an old Excel file (OLE2): not read
                    problems.add(field, "import.file.xls", name);
                    continue;
                }
                DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
                Sheet sheet;
                try {
                    sheet = Sheet.open(digest);
                } catch (RuntimeException e) { // a zip that is no workbook, a workbook that is broken
                    digest.close();
                    boolean zip = magic.length >= 2 && magic[0] == 'P' && magic[1] == 'K';
                    problems.add(field, zip ? "import.file.zip" : "import.file.unreadable", name);
                    continue;
                }
                if (sheet.header().isEmpty()) {
                    sheet.close();
                    problems.add(field, "import.file.no-rows", name);
                    continue;
                }
                FormatReader reader = readerFor(sheet, readers, choice, field, name, problems);
                if (reader == null) {
                    sheet.close();
                    continue;
                }
                recognised.add(new Recognised(upload, reader, sheet, digest, counting));
            } catch (IOException | UncheckedIOException e) {
                problems.add(field, "import.file.unreadable", name);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        checkPairs(recognised, files.size() == 1 ? "files" : "files[0]", problems);
        if (!problems.isEmpty()) {
            recognised.forEach(r -> r.sheet().close());
        }
        problems.throwIfAny();
        return recognised;
    }

    /** A size as people read it: {@code 100 MB}, {@code 512 KB}. */
    static String readable(DataSize size) {
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    /** The reader that knows most of the header's columns; the user's choice when they made one. */
    private static FormatReader readerFor(
            Sheet sheet,
            List<FormatReader> readers,
            ImportChoice choice,
            String field,
            String name,
            Problems problems) {
        List<String> header = sheet.header();
        FormatReader best = readers.stream()
                .filter(r -> r.recognises(header) > 0)
                .max(Comparator.comparingInt(r -> r.recognises(header)))
                .orElse(null);
        FormatReader reader = best;
        if (choice.format() != null && (best == null || best.format() != choice.format())) {
            reader = readers.stream()
                    .filter(r -> r.format() == choice.format())
                    .filter(r -> r.mapping() != ImportMapping.KONTOR_EXPORT || r.recognises(header) > 0)
                    .max(Comparator.comparingInt(r -> r.recognises(header)))
                    .orElse(null);
            if (reader == null) { // a generic file, but no mapping is saved yet
                problems.add(field, "import.file.no-mapping", name);
                return null;
            }
            if (best != null && best != reader && reader.recognises(header) == 0) {
                problems.add(field, "import.file.other-format", name, choice.format(), best.format());
                return null;
            }
        }
        if (reader == null) {
            problems.add(
                    field,
                    "import.file.unknown-format",
                    name,
                    String.join(", ", header.subList(0, Math.min(6, header.size()))));
            return null;
        }
        List<String> missing =
                reader.required().stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(field, "import.file.missing-column", name, String.join(", ", missing));
            return null;
        }
        return reader;
    }

    /** Taobao's items report is read with its orders report: alone, its items have no order. */
    private static void checkPairs(List<Recognised> recognised, String field, Problems problems) {
        Set<ImportFormat> formats =
                recognised.stream().map(r -> r.reader().format()).collect(Collectors.toSet());
        if (formats.contains(ImportFormat.TAOBAO_ITEMS) && !formats.contains(ImportFormat.TAOBAO_ORDERS)) {
            String name = recognised.stream()
                    .filter(r -> r.reader().format() == ImportFormat.TAOBAO_ITEMS)
                    .findFirst()
                    .orElseThrow()
                    .upload()
                    .name();
            problems.add(field, "import.file.items-alone", name);
        }
        long channels =
                recognised.stream().map(r -> r.reader().channel()).distinct().count();
        if (channels > 1) {
            problems.add(field, "import.file.mixed");
        }
    }

    private String channel(List<Recognised> recognised, ImportChoice choice) {
        String fromFiles = recognised.get(0).reader().channel();
        String chosen = Text.clean(choice.channel());
        if (chosen == null) {
            return fromFiles;
        }
        String code = chosen.toUpperCase(Locale.ROOT);
        if (orders.channels().stream().map(Channel::code).noneMatch(code::equals)) {
            throw InvalidInputException.of(
                    "channel",
                    "validation.channel",
                    chosen,
                    orders.channels().stream().map(Channel::code).collect(Collectors.joining(", ")));
        }
        return code;
    }

    private String name(ImportChoice choice) {
        String name = Text.clean(choice.name());
        if (name == null) {
            return imports.nextName(shop.today(clock));
        }
        if (name.length() > 100) {
            throw InvalidInputException.of("name", "validation.too-long", 100);
        }
        if (imports.nameTaken(name)) {
            throw InvalidInputException.of("name", "import.name.taken", name);
        }
        return name;
    }

    /** The rows of a batch's files on their way into staging, written a thousand at a time. */
    private final class Reading implements FormatReader.Sink {
        private final long batchId;
        private final List<ImportRepository.NewOrder> orderRows = new ArrayList<>();
        private final List<ImportRepository.NewLine> lineRows = new ArrayList<>();
        private final List<ImportProblemRepository.NewProblem> problemRows = new ArrayList<>();
        private final Map<String, Long> firstLine = new HashMap<>();
        private final Map<String, Severity> readErrors = new HashMap<>();
        private final Map<String, Integer> rows = new HashMap<>();
        private final ImportUploads.Tracker tracker;
        private String fileName;
        private Counting counting;
        private Sheet sheet;
        private long bytesBefore;
        private long rowsBefore;

        Reading(long batchId, ImportUploads.Tracker tracker) {
            this.batchId = batchId;
            this.tracker = tracker;
        }

        void read(Recognised file) {
            fileName = file.upload().name();
            counting = file.counting();
            Sheet open = file.sheet();
            sheet = open;
            try (open) {
                file.reader().read(open, this);
                rows.put(fileName, open.rowsRead());
                rowsBefore += open.rowsRead();
                bytesBefore += file.upload().size();
                sheet = null;
                counting = null;
                file.digest().transferTo(OutputStream.nullOutputStream()); // the rest of the file, for its checksum
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int rowsOf(Recognised file) {
            return rows.getOrDefault(file.upload().name(), 0);
        }

        @Override
        public void order(StagedOrder order) {
            Long first = firstLine.putIfAbsent(order.externalId(), order.line());
            if (first != null) {
                orderRows.add(new ImportRepository.NewOrder(fileName, order, ImportVerdict.DUPLICATE));
                problemRows.add(new ImportProblemRepository.NewProblem(
                        fileName,
                        order.line(),
                        null,
                        order.externalId(),
                        Severity.WARNING,
                        Message.of("import.problem.duplicate", order.externalId(), first)));
            } else {
                orderRows.add(new ImportRepository.NewOrder(fileName, order, ImportVerdict.READY));
            }
            flushIfFull();
        }

        @Override
        public void line(StagedLine line) {
            lineRows.add(new ImportRepository.NewLine(fileName, line));
            flushIfFull();
        }

        @Override
        public void problem(long line, String column, String externalId, Message message) {
            Severity severity =
                    Set.of("import.problem.status", "import.problem.unit-price").contains(message.key())
                            ? Severity.WARNING
                            : Severity.ERROR;
            if (externalId != null) {
                readErrors.merge(externalId, severity, (a, b) -> a == Severity.ERROR ? a : b);
            }
            problemRows.add(
                    new ImportProblemRepository.NewProblem(fileName, line, column, externalId, severity, message));
            flushIfFull();
        }

        private void flushIfFull() {
            if (orderRows.size() + lineRows.size() + problemRows.size() >= FLUSH) {
                flush();
            }
        }

        void flush() {
            tracker.reading(
                    bytesBefore + (counting == null ? 0 : counting.count()),
                    rowsBefore + (sheet == null ? 0 : sheet.rowsRead()));
            imports.insertOrders(batchId, orderRows);
            imports.insertLines(batchId, lineRows);
            problems.insertProblems(batchId, problemRows);
            orderRows.clear();
            lineRows.clear();
            problemRows.clear();
        }
    }
}
