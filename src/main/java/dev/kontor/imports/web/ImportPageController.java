package dev.kontor.imports.web;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.kontor.access.Actor;
import dev.kontor.imports.ImportBatch;
import dev.kontor.imports.ImportChoice;
import dev.kontor.imports.ImportCommits;
import dev.kontor.imports.ImportProblem;
import dev.kontor.imports.ImportRow;
import dev.kontor.imports.ImportSettings;
import dev.kontor.imports.ImportStaging;
import dev.kontor.imports.ImportVerdict;
import dev.kontor.imports.Imports;
import dev.kontor.imports.Reconciliation;
import dev.kontor.imports.Upload;
import dev.kontor.imports.read.ImportFormat;
import dev.kontor.orders.Orders;
import dev.kontor.shared.CsvCells;
import dev.kontor.shared.Message;
import dev.kontor.web.Downloads;
import dev.kontor.web.Flash;
import dev.kontor.web.Formatting;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The import pages: upload a marketplace's files, review what the checks found (problems by kind, with file, line
 * and column), commit, and read the reconciliation; the report as CSV.
 */
@Controller
class ImportPageController {

    private static final int SHOWN = 500;

    private final Imports imports;
    private final ImportStaging staging;
    private final ImportCommits commits;
    private final Orders orders;
    private final Flash flash;
    private final Messages messages;
    private final Formatting fmt;
    private final ImportSettings settings;

    ImportPageController(
            Imports imports,
            ImportStaging staging,
            ImportCommits commits,
            Orders orders,
            Flash flash,
            Messages messages,
            Formatting fmt,
            ImportSettings settings) {
        this.settings = settings;
        this.imports = imports;
        this.staging = staging;
        this.commits = commits;
        this.orders = orders;
        this.flash = flash;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/imports")
    String list(Actor actor, @RequestParam(required = false) String tooLarge, Model model) {
        if (tooLarge != null && tooLarge.matches("\\d{1,6}[KM]B")) {
            int unit = tooLarge.length() - 2; // "100MB" → "100 MB"
            model.addAttribute(
                    "error",
                    messages.get("error.too-large", tooLarge.substring(0, unit) + " " + tooLarge.substring(unit)));
        }
        model.addAttribute("uploadId", UUID.randomUUID());
        DataSize max = settings.maxUploadSize();
        model.addAttribute("maxUpload", max.toBytes());
        model.addAttribute(
                "maxUploadLabel", max.toMegabytes() > 0 ? max.toMegabytes() + "MB" : max.toKilobytes() + "KB");
        model.addAttribute("batches", imports.latest(actor, 50));
        model.addAttribute("formats", ImportFormat.values());
        model.addAttribute("channels", orders.channels());
        return "imports/list";
    }

    @PostMapping("/imports")
    String upload(
            Actor actor,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) ImportFormat format,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) UUID upload,
            @RequestHeader(name = "X-Kontor-Upload", required = false) String byScript,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (!file.isEmpty()
                        || (file.getOriginalFilename() != null
                                && !file.getOriginalFilename().isBlank())) {
                    uploads.add(new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream));
                }
            }
        }
        long[] id = {0};
        boolean done = flash.attempt(
                redirect, () -> id[0] = staging.stage(actor, uploads, new ImportChoice(format, channel, name), upload));
        String next = done ? "/imports/" + id[0] : "/imports";
        if (byScript == null) {
            return "redirect:" + next;
        }
        // the page sent the files by script to show their progress: it goes on to the answer itself, the flash
        // waiting there as after a redirect
        RequestContextUtils.getOutputFlashMap(request).putAll(redirect.getFlashAttributes());
        RequestContextUtils.saveOutputFlashMap(next, request, response);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(request.getContextPath() + next);
        return null;
    }

    @GetMapping("/imports/{id}")
    String batch(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String problem,
            @RequestParam(required = false) ImportVerdict verdict,
            Model model) {
        ImportBatch batch = imports.get(actor, id);
        String code = problem == null || problem.isBlank() ? null : problem;
        List<ImportProblem> problems = imports.problems(actor, id, code, 0, SHOWN);
        List<ImportRow> rows = imports.rows(actor, id, verdict, 0, SHOWN);
        model.addAttribute("batch", batch);
        model.addAttribute("problemCounts", imports.problemCounts(actor, id));
        model.addAttribute("problem", code);
        model.addAttribute("problems", problems);
        model.addAttribute("verdict", verdict);
        model.addAttribute("verdicts", ImportVerdict.values());
        model.addAttribute("rows", rows);
        model.addAttribute("shown", SHOWN);
        model.addAttribute("job", imports.commitJob(actor, id).orElse(null));
        model.addAttribute("reconciliation", imports.reconciliation(actor, id));
        model.addAttribute("refusals", imports.refusals(actor, id));
        return "imports/batch";
    }

    @PostMapping("/imports/{id}/recheck")
    String recheck(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> staging.recheck(actor, id))) {
            flash.notice(redirect, "import.rechecked");
        }
        return "redirect:/imports/" + id;
    }

    @PostMapping("/imports/{id}/commit")
    String commit(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String key,
            RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> commits.commit(actor, id, key))) {
            flash.notice(redirect, "import.committing");
        }
        return "redirect:/imports/" + id;
    }

    /** The reconciliation and every staged order with its verdict, outcome and problems, as a spreadsheet reads it. */
    @GetMapping("/imports/{id}/report.csv")
    void report(Actor actor, @PathVariable long id, HttpServletResponse response) throws IOException {
        ImportBatch batch = imports.get(actor, id);
        Reconciliation r = imports.reconciliation(actor, id);
        Writer out = Downloads.csv(response, "import-" + batch.name() + ".csv");
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            row(csv, messages.get("import.report.batch"), batch.name());
            for (var file : batch.files()) {
                row(
                        csv,
                        messages.get("import.file"),
                        file.name(),
                        messages.label(file.format()),
                        file.encoding(),
                        String.valueOf(file.rows()),
                        file.sha256());
            }
            row(csv, messages.get("import.count.rows"), String.valueOf(r.rows()));
            row(csv, messages.get("import.count.orders"), String.valueOf(r.orders()));
            row(csv, messages.get("import.count.imported"), String.valueOf(r.imported()));
            row(csv, messages.get("import.count.updated"), String.valueOf(r.updated()));
            row(csv, messages.get("import.count.conflicts"), String.valueOf(r.conflicts()));
            row(csv, messages.get("import.count.unchanged"), String.valueOf(r.unchanged()));
            row(csv, messages.get("import.count.rejected"), String.valueOf(r.rejected()));
            row(csv, messages.get("import.count.duplicates"), String.valueOf(r.duplicates()));
            row(csv, messages.get("import.count.pending"), String.valueOf(r.pending()));
            r.fileTotals()
                    .forEach((currency, total) -> row(
                            csv,
                            messages.get("import.report.sum", currency),
                            fmt.decimal(total, currency),
                            fmt.decimal(r.importedTotals().getOrDefault(currency, 0L), currency)));
            row(csv);
            row(
                    csv,
                    messages.get("import.file"),
                    messages.get("import.line"),
                    messages.get("import.external-id"),
                    messages.get("field.customer"),
                    messages.get("field.currency"),
                    messages.get("field.total"),
                    messages.get("import.verdict"),
                    messages.get("import.outcome"),
                    messages.get("import.order-number"),
                    messages.get("import.what"));
            Map<Long, Message> refusals = imports.refusals(actor, id);
            long after = 0;
            List<ImportRow> page;
            while (!(page = imports.rows(actor, id, null, after, 1000)).isEmpty()) {
                for (ImportRow row : page) {
                    row(
                            csv,
                            row.fileName(),
                            String.valueOf(row.line()),
                            row.order().externalId(),
                            row.order().buyer(),
                            row.order().currency(),
                            row.order().total() == null
                                    ? ""
                                    : fmt.decimal(
                                            row.order().total(), row.order().currency()),
                            messages.label(row.verdict()),
                            row.outcome() == null ? "" : messages.label(row.outcome()),
                            row.orderNumber(),
                            row.outcomeMessage() != null
                                    ? messages.of(row.outcomeMessage())
                                    : row.outcome() == null && refusals.get(row.id()) != null
                                            ? messages.of(refusals.get(row.id()))
                                            : "");
                }
                after = page.get(page.size() - 1).id();
            }
        }
    }

    private static void row(CsvWriter csv, String... cells) {
        List<String> safe = new ArrayList<>();
        for (String cell : cells) {
            safe.add(CsvCells.safe(cell));
        }
        csv.writeRecord(safe);
    }
}
