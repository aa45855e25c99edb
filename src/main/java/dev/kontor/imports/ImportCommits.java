package dev.kontor.imports;

import java.time.Clock;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.imports.internal.ImportRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commit: a batch's importable orders are placed through a bulk job over {@code import} subjects
 * ({@link ImportOrderHandler} commits a claimed batch in one transaction, split and worked again down to one order
 * per transaction when it fails), so that a crash in the middle leaves the rest to
 * the job's next claim and nothing is placed twice. A batch is committed once.
 */
@Service
public class ImportCommits {

    private final ImportRepository imports;
    private final BulkJobs jobs;
    private final Permissions permissions;
    private final Clock clock;

    ImportCommits(ImportRepository imports, BulkJobs jobs, Permissions permissions, Clock clock) {
        this.imports = imports;
        this.jobs = jobs;
        this.permissions = permissions;
        this.clock = clock;
    }

    /**
     * Starts committing a batch: a bulk job over its importable orders. A batch is committed once: a second request
     * (another click, another instance) is refused, naming who committed it.
     */
    @Transactional
    public BulkJob commit(Actor actor, long batchId, String requestKey) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        ImportBatch batch = imports.find(batchId).orElseThrow(() -> new NotFoundException("import", batchId));
        if (batch.committed()) {
            throw new ActionRefusedException(
                    "commit",
                    "COMMITTED",
                    "import.refused.committed",
                    batch.name(),
                    String.valueOf(batch.committedByName()));
        }
        List<Long> importable = imports.importable(batchId);
        if (importable.isEmpty()) {
            throw new ActionRefusedException("commit", "STAGED", "import.refused.nothing", batch.name());
        }
        BulkJob job = jobs.start(
                actor,
                new BulkJobs.Request(
                        ImportOrderHandler.SUBJECT,
                        ImportOrderHandler.COMMIT,
                        String.valueOf(batchId),
                        importable,
                        requestKey));
        if (!imports.claimCommit(batchId, job.id(), actor.displayName(), clock.instant())) {
            throw new ActionRefusedException(
                    "commit",
                    "COMMITTED",
                    "import.refused.committed",
                    batch.name(),
                    String.valueOf(imports.find(batchId)
                            .map(ImportBatch::committedByName)
                            .orElse(null)));
        }
        return job;
    }
}
