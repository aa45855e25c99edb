package dev.kontor.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.imports.internal.ImportProblemRepository;
import dev.kontor.imports.internal.ImportRepository;
import dev.kontor.imports.internal.ImportTallyRepository;
import dev.kontor.shared.Message;
import dev.kontor.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading imports: the latest batches, one batch with its files and verdicts, its problems and staged orders page by
 * page, and its reconciliation. Everyone who may place orders sees every import (the team shares the morning's
 * files).
 */
@Service
public class Imports {

    private final ImportRepository imports;
    private final ImportTallyRepository tallies;
    private final ImportProblemRepository problems;
    private final BulkJobs jobs;
    private final Permissions permissions;

    Imports(
            ImportRepository imports,
            ImportTallyRepository tallies,
            ImportProblemRepository problems,
            BulkJobs jobs,
            Permissions permissions) {
        this.imports = imports;
        this.tallies = tallies;
        this.problems = problems;
        this.jobs = jobs;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public List<ImportBatch> latest(Actor actor, int limit) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        return imports.latest(Math.max(1, Math.min(limit, 200)));
    }

    @Transactional(readOnly = true)
    public ImportBatch get(Actor actor, long id) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        return imports.find(id).orElseThrow(() -> new NotFoundException("import", id));
    }

    /** The bulk job committing the batch, once it was committed. */
    @Transactional(readOnly = true)
    public Optional<BulkJob> commitJob(Actor actor, long id) {
        ImportBatch batch = get(actor, id);
        return batch.jobId() == null ? Optional.empty() : jobs.progress(batch.jobId());
    }

    /**
     * Why the commit refused these staged orders (the rules of placing, approving or shipping said no), by row id:
     * shown on the rows that were importable but were not imported.
     */
    @Transactional(readOnly = true)
    public Map<Long, Message> refusals(Actor actor, long id) {
        ImportBatch batch = get(actor, id);
        if (batch.jobId() == null) {
            return Map.of();
        }
        Map<Long, Message> refusals = new LinkedHashMap<>();
        jobs.problems(batch.jobId(), 5_000).forEach((row, item) -> refusals.put(row, item.result()));
        return refusals;
    }

    /** Problems, of one kind ({@code code}, a message key) if asked, a page after a problem's id. */
    @Transactional(readOnly = true)
    public List<ImportProblem> problems(Actor actor, long id, String code, long after, int limit) {
        get(actor, id);
        return problems.problems(id, code, after, Math.max(1, Math.min(limit, 1000)));
    }

    /** One staged order of the batch. */
    @Transactional(readOnly = true)
    public Optional<ImportRow> row(Actor actor, long id, long rowId) {
        get(actor, id);
        return imports.row(id, rowId);
    }

    /** The problems found in one order's rows. */
    @Transactional(readOnly = true)
    public List<ImportProblem> problemsOf(Actor actor, long id, String externalId) {
        get(actor, id);
        return problems.problemsOf(id, externalId);
    }

    /** How many problems of each kind, most frequent first. */
    @Transactional(readOnly = true)
    public Map<String, Integer> problemCounts(Actor actor, long id) {
        get(actor, id);
        return problems.problemCounts(id);
    }

    /** Staged orders, of one verdict if asked, a page after a row's id. */
    @Transactional(readOnly = true)
    public List<ImportRow> rows(Actor actor, long id, ImportVerdict verdict, long after, int limit) {
        get(actor, id);
        return imports.rows(id, verdict, after, Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * What the files held against what Kontor made of them. Orders a finished commit refused (the rules of placing,
     * approving or shipping said no) count as rejected; their reasons are on the commit job's page.
     */
    @Transactional(readOnly = true)
    public Reconciliation reconciliation(Actor actor, long id) {
        ImportBatch batch = get(actor, id);
        ImportTallyRepository.Tally tally = tallies.tally(id);
        boolean finished = batch.jobId() != null
                && jobs.progress(batch.jobId()).map(BulkJob::finished).orElse(false);
        int refused = finished ? tally.pending() : 0;
        return new Reconciliation(
                batch.rowsRead(),
                tally.orders(),
                tally.imported(),
                tally.updated(),
                tally.conflicts(),
                tally.unchanged(),
                tally.rejected() + refused,
                tally.duplicates(),
                tally.pending() - refused,
                tally.fileTotals(),
                tally.importedTotals(),
                batch.files());
    }
}
