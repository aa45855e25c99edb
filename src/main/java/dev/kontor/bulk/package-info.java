/**
 * Bulk jobs: one action over many subjects of any module (orders now; imported rows next), written at once as one
 * item per subject and worked off in the background by whichever instance claims the items (a lease, so a crashed
 * instance's share is taken over). Each subject is acted on in its own transaction together with its item's result,
 * or, where the subject's module can, a claimed batch together; nothing is acted on twice and no result is lost.
 *
 * <p>Owns {@code bulk_jobs} and {@code bulk_job_items}. Public face: {@link dev.kontor.bulk.BulkJobs} (start, read),
 * {@link dev.kontor.bulk.BulkJobWorker} (work now), and the SPI {@link dev.kontor.bulk.BulkHandler} a module
 * implements for its subjects (orders: approve, hold, release, tag, untag, assign). Results are stored as message
 * keys and arguments ({@link dev.kontor.shared.Message}); the job's page renders them for its reader. Depends on
 * access (who asked, who may read a job) and the shared kernel; publishes nothing, listens to nothing.
 */
@ApplicationModule(displayName = "Bulk jobs")
package dev.kontor.bulk;

import org.springframework.modulith.ApplicationModule;
