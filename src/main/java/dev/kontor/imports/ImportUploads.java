package dev.kontor.imports;

import java.time.Duration;
import java.util.UUID;

import dev.kontor.access.Actor;
import dev.kontor.imports.internal.UploadProgressRepository;
import dev.kontor.shared.ActionRefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The progress bar of an upload and its Cancel button. Reading writes how far it is, at most a few times a second,
 * in short transactions of their own (the staging transaction stays one and invisible until it commits); a cancel
 * is a flag that reading sees at its next report, and then the whole staging rolls back: nothing is kept.
 */
@Service
public class ImportUploads {

    /** How often reading writes its figures (and looks for a cancel). */
    static final Duration EVERY = Duration.ofMillis(250);

    private final UploadProgressRepository uploads;
    private final TransactionTemplate own;

    ImportUploads(UploadProgressRepository uploads, PlatformTransactionManager transactions) {
        this.uploads = uploads;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** How far this user's upload is; one that has not begun reading yet is still arriving. */
    public UploadProgress progress(Actor actor, UUID id) {
        return own.execute(tx -> uploads.find(id, actor.userId()).orElseGet(() -> UploadProgress.arriving(id)));
    }

    /** Cancels this user's upload: reading stops at its next report and keeps nothing. */
    public void cancel(Actor actor, UUID id) {
        own.executeWithoutResult(tx -> uploads.cancel(id, actor.userId()));
    }

    /** Reading of an upload begins: what it reports goes to the progress bar. No id, no bar. */
    Tracker track(UUID id, Actor actor, long bytesTotal) {
        if (id == null) {
            return Tracker.NONE;
        }
        own.executeWithoutResult(tx -> {
            uploads.deleteForgotten();
            uploads.start(id, actor.userId(), bytesTotal);
        });
        return new Tracker(this, id);
    }

    private void report(UUID id, String phase, long bytes, long rows) {
        Boolean cancelled = own.execute(tx -> uploads.report(id, phase, bytes, rows));
        if (Boolean.TRUE.equals(cancelled)) {
            throw new ActionRefusedException("upload", "CANCELLED", "import.upload.cancelled");
        }
    }

    private void end(UUID id) {
        own.executeWithoutResult(tx -> uploads.delete(id));
    }

    /** What one upload's reading reports, a few times a second at most. */
    static class Tracker implements AutoCloseable {

        static final Tracker NONE = new Tracker(null, null);

        private final ImportUploads uploads;
        private final UUID id;
        private long last;

        private Tracker(ImportUploads uploads, UUID id) {
            this.uploads = uploads;
            this.id = id;
        }

        /** Reports how far reading is when the last report is a while ago; stops here when cancelled. */
        void reading(long bytes, long rows) {
            long now = System.nanoTime();
            if (id != null && (last == 0 || now - last >= EVERY.toNanos())) {
                last = now;
                uploads.report(id, "READING", bytes, rows);
            }
        }

        /** Everything is read; the rows are being checked (a cancel still counts until here). */
        void checking(long bytes, long rows) {
            if (id != null) {
                uploads.report(id, "CHECKING", bytes, rows);
            }
        }

        @Override
        public void close() {
            if (id != null) {
                uploads.end(id);
            }
        }
    }
}
