package dev.kontor.imports.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kontor.access.Actor;
import dev.kontor.bulk.BulkJobResponse;
import dev.kontor.imports.ImportBatch;
import dev.kontor.imports.ImportChoice;
import dev.kontor.imports.ImportCommits;
import dev.kontor.imports.ImportCorrections;
import dev.kontor.imports.ImportFile;
import dev.kontor.imports.ImportOutcome;
import dev.kontor.imports.ImportRow;
import dev.kontor.imports.ImportStaging;
import dev.kontor.imports.ImportVerdict;
import dev.kontor.imports.Imports;
import dev.kontor.imports.Reconciliation;
import dev.kontor.imports.Severity;
import dev.kontor.imports.Upload;
import dev.kontor.imports.read.ImportFormat;
import dev.kontor.shared.Message;
import dev.kontor.web.Messages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Marketplace imports over HTTP: upload, review, commit, reconcile. Messages in the caller's language. */
@RestController
@Tag(
        name = "Imports",
        description = "Marketplace order files (Taobao/Tmall, Shopify, eBay, Amazon): staged, checked, committed.")
class ImportApiController {

    private final Imports imports;
    private final ImportStaging staging;
    private final ImportCommits commits;
    private final ImportCorrections corrections;
    private final Messages messages;

    ImportApiController(
            Imports imports,
            ImportStaging staging,
            ImportCommits commits,
            ImportCorrections corrections,
            Messages messages) {
        this.imports = imports;
        this.staging = staging;
        this.commits = commits;
        this.corrections = corrections;
        this.messages = messages;
    }

    /**
     * A batch.
     *
     * @param verdicts staged orders by verdict: READY, WARNING, REJECTED, DUPLICATE
     * @param inKontor orders of the files Kontor already has (they are not imported again)
     * @param imported orders the commit imported or updated so far
     * @param jobId the bulk job committing it, once committed
     */
    record BatchResponse(
            long id,
            String name,
            String channel,
            String createdBy,
            Instant createdAt,
            int rows,
            List<ImportFile> files,
            Map<ImportVerdict, Integer> verdicts,
            int importable,
            int problems,
            int inKontor,
            int imported,
            Long jobId,
            String committedBy,
            Instant committedAt) {

        static BatchResponse of(ImportBatch b) {
            return new BatchResponse(
                    b.id(),
                    b.name(),
                    b.channel(),
                    b.createdByName(),
                    b.createdAt(),
                    b.rowsRead(),
                    b.files(),
                    b.verdicts(),
                    b.importable(),
                    b.problems(),
                    b.inKontor(),
                    b.imported(),
                    b.jobId(),
                    b.committedByName(),
                    b.committedAt());
        }
    }

    /**
     * A problem found in the files.
     *
     * @param column the column as the file names it, when one column is meant
     * @param code what kind of problem it is, for filtering
     * @param message what is wrong, in the caller's language
     */
    record ProblemResponse(
            long id,
            String file,
            Long line,
            String column,
            String externalId,
            Severity severity,
            String code,
            String message) {}

    /**
     * A staged order.
     *
     * @param total the order's total as the file states it, minor units of currency
     * @param orderNumber the Kontor order it became, or that already had it
     * @param outcomeMessage why an imported order waits for review, or the conflict, in the caller's language
     * @param refusal why committing refused an order that was importable, in the caller's language
     */
    record RowResponse(
            long id,
            String file,
            long line,
            String externalId,
            String buyer,
            String currency,
            Long total,
            int lines,
            ImportVerdict verdict,
            ImportOutcome outcome,
            Long orderId,
            String orderNumber,
            String outcomeMessage,
            String refusal) {

        static RowResponse of(ImportRow r, String outcomeMessage, String refusal) {
            return new RowResponse(
                    r.id(),
                    r.fileName(),
                    r.line(),
                    r.order().externalId(),
                    r.order().buyer(),
                    r.order().currency(),
                    r.order().total(),
                    r.lineCount(),
                    r.verdict(),
                    r.outcome(),
                    r.orderId(),
                    r.orderNumber(),
                    outcomeMessage,
                    refusal);
        }
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping(value = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload marketplace files",
            description = "One batch of one channel's files (Taobao: the orders report and the items report "
                    + "together). Each file's format is recognised from its header; the files are read, every "
                    + "order checked, and the batch answered with what was found. Nothing is imported until "
                    + "POST /api/imports/{id}/commit. A file refused as a whole (empty, zip, unknown columns, "
                    + "a required column missing) is answered 422 naming it, and nothing is kept.")
    ResponseEntity<BatchResponse> upload(
            Actor actor,
            @RequestPart("files") List<MultipartFile> files,
            @Parameter(description = "The files' format, when their headers do not tell")
                    @RequestParam(required = false)
                    ImportFormat format,
            @Parameter(description = "The channel, e.g. TMALL for Tmall's files (which look like Taobao's)")
                    @RequestParam(required = false)
                    String channel,
            @Parameter(description = "The batch's name; the day and a running number when absent")
                    @RequestParam(required = false)
                    String name,
            @Parameter(
                            description = "An id the client makes up (a UUID) to follow the reading at "
                                    + "GET /api/imports/uploads/{uploadId} and cancel it while it runs")
                    @RequestParam(required = false)
                    UUID uploadId) {
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            uploads.add(new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream));
        }
        long id = staging.stage(actor, uploads, new ImportChoice(format, channel, name), uploadId);
        return ResponseEntity.created(URI.create("/api/imports/" + id)).body(BatchResponse.of(imports.get(actor, id)));
    }

    @GetMapping("/api/imports")
    @Operation(
            summary = "The latest imports",
            description =
                    "Import batches, newest first, with their files, verdict counts and how many orders were imported.")
    List<BatchResponse> latest(Actor actor, @RequestParam(defaultValue = "50") int limit) {
        return imports.latest(actor, limit).stream().map(BatchResponse::of).toList();
    }

    @GetMapping("/api/imports/{id}")
    @Operation(
            summary = "An import with its files and verdicts",
            description =
                    "Its files (format, encoding, rows, checksum), how many orders are ready, need a look, are rejected or already in Kontor, and how many were imported.")
    BatchResponse get(Actor actor, @PathVariable long id) {
        return BatchResponse.of(imports.get(actor, id));
    }

    @GetMapping("/api/imports/{id}/problems")
    @Operation(
            summary = "What the checks found",
            description = "Page with after=<last id>; code= one kind of problem (see the batch page's filter).")
    List<ProblemResponse> problems(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "200") int limit) {
        return imports.problems(actor, id, code, after, limit).stream()
                .map(p -> new ProblemResponse(
                        p.id(),
                        p.fileName(),
                        p.line(),
                        p.column(),
                        p.externalId(),
                        p.severity(),
                        p.code(),
                        messages.of(p.message())))
                .toList();
    }

    @GetMapping("/api/imports/{id}/orders")
    @Operation(summary = "The staged orders", description = "Page with after=<last id>; verdict= one verdict.")
    List<RowResponse> orders(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) ImportVerdict verdict,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "200") int limit) {
        Map<Long, Message> refusals = imports.refusals(actor, id);
        return imports.rows(actor, id, verdict, after, limit).stream()
                .map(r -> RowResponse.of(
                        r,
                        r.outcomeMessage() == null ? null : messages.of(r.outcomeMessage()),
                        r.outcome() == null && refusals.get(r.id()) != null ? messages.of(refusals.get(r.id())) : null))
                .toList();
    }

    @PutMapping("/api/imports/{id}/orders/{rowId}")
    @Operation(
            summary = "Correct a staged order",
            description = "The order time (in the shop's time zone, e.g. 2026-12-03 10:15), buyer, e-mail, phone, "
                    + "address and total, as the review's form sends them; the import is checked again. Refused "
                    + "(409) once the import is committed.")
    RowResponse correct(
            Actor actor,
            @PathVariable long id,
            @PathVariable long rowId,
            @RequestBody ImportCorrections.Correction correction) {
        ImportRow r = corrections.correct(actor, id, rowId, correction);
        return RowResponse.of(r, null, null);
    }

    @PostMapping("/api/imports/{id}/recheck")
    @Operation(
            summary = "Check an import again",
            description = "After the catalog, the carriers or the settings changed: everything but what reading the "
                    + "files found is checked anew. Refused (409) once the import is committed.")
    BatchResponse recheck(Actor actor, @PathVariable long id) {
        staging.recheck(actor, id);
        return BatchResponse.of(imports.get(actor, id));
    }

    @ResponseStatus(HttpStatus.ACCEPTED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/imports/{id}/commit")
    @Operation(
            summary = "Import the checked orders",
            description = "Starts a bulk job placing every order that is ready or has only warnings; follow it at "
                    + "/api/bulk-jobs/{jobId}. An import is committed once: again is 409. Orders Kontor already "
                    + "has are left unchanged.")
    ResponseEntity<BulkJobResponse> commit(
            Actor actor, @PathVariable long id, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        BulkJobResponse job = BulkJobResponse.of(commits.commit(actor, id, key));
        return ResponseEntity.accepted()
                .location(URI.create("/api/bulk-jobs/" + job.id()))
                .body(job);
    }

    @GetMapping("/api/imports/{id}/reconciliation")
    @Operation(
            summary = "What the files held against what was imported",
            description = "Rows and orders in the files; imported, unchanged, rejected, duplicates, pending; sums "
                    + "per currency on each side (minor units). The same as CSV: /imports/{id}/report.csv.")
    Reconciliation reconciliation(Actor actor, @PathVariable long id) {
        return imports.reconciliation(actor, id);
    }
}
