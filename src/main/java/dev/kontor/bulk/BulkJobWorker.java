package dev.kontor.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.bulk.internal.BulkJobRepository;
import dev.kontor.bulk.internal.BulkJobRepository.Claimed;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.Message;
import dev.kontor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off bulk jobs. Each round claims a batch of pending items (so two instances never take the same ones) and
 * has the subject's {@link BulkHandler} act on each in its own transaction, together with recording the item's
 * result: the subject changes and its result is written, or neither. Where the handler can, a job's items go
 * together first ({@link #together}). A refusal is recorded as a message key with its arguments, which the job's
 * page shows in the language of whoever reads it.
 */
@Component
public class BulkJobWorker {

    private static final Logger log = LoggerFactory.getLogger(BulkJobWorker.class);
    private static final int BATCH = 200;
    /** A failed batch of approvals is halved until its halves would be smaller than this. */
    private static final int MIN_HALF = 8;

    private final BulkJobRepository jobs;
    private final BulkJobs handlers;
    private final Users users;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int threads;
    private final Duration lease;

    BulkJobWorker(
            BulkJobRepository jobs,
            BulkJobs handlers,
            Users users,
            TransactionTemplate transaction,
            Clock clock,
            BulkSettings settings) {
        this.threads = settings.threads();
        this.lease = settings.lease();
        this.jobs = jobs;
        this.handlers = handlers;
        this.users = users;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Works until nothing is pending; answers how many items were finished. One batch is claimed here first (an
     * idle round is that one query); when it was full, {@code kontor.bulk.threads - 1} more threads join in, each
     * claiming its own batches, as that many more instances would.
     */
    @Scheduled(
            fixedDelayString = "${kontor.bulk.poll-interval:PT1S}",
            initialDelayString = "${kontor.bulk.poll-interval:PT1S}")
    public int run() {
        int[] first = workBatch();
        if (first[0] < BATCH) {
            return first[1];
        }
        ExecutorService helpers = Executors.newFixedThreadPool(Math.max(threads - 1, 1));
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 1; i < threads; i++) {
                runs.add(helpers.submit(this::drain));
            }
            int finished = first[1] + drain();
            for (Future<Integer> run : runs) {
                finished += run.get();
            }
            return finished;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return first[1];
        } catch (ExecutionException e) {
            throw new IllegalStateException("A bulk worker thread failed", e.getCause());
        } finally {
            helpers.shutdown();
        }
    }

    private int drain() {
        int finished = 0;
        int[] round;
        do {
            round = workBatch();
            finished += round[1];
        } while (round[0] == BATCH);
        return finished;
    }

    /** Claims a batch and works it: answers how many items were claimed and how many finished. */
    private int[] workBatch() {
        Instant now = clock.instant();
        List<Claimed> batch = transaction.execute(s -> jobs.claim(now, now.plus(lease), BATCH));
        Map<Long, User> requesters = new HashMap<>();
        Map<Long, List<Claimed>> together = new LinkedHashMap<>();
        for (Claimed item : batch) {
            if (handlers.handler(item.subject()).worksTogether(item.action())) {
                together.computeIfAbsent(item.jobId(), k -> new ArrayList<>()).add(item);
            }
        }
        Set<Claimed> done = new HashSet<>();
        for (List<Claimed> items : together.values()) {
            done.addAll(together(items, requesters.computeIfAbsent(items.get(0).requestedById(), users::byId)));
        }
        int finished = done.size();
        for (Claimed item : batch) {
            if (!done.contains(item)) {
                User requester = requesters.computeIfAbsent(item.requestedById(), users::byId);
                finished += work(item, requester) ? 1 : 0;
            }
        }
        return new int[] {batch.size(), finished};
    }

    /**
     * Works on a job's claimed items together, in one transaction ({@link BulkHandler#workTogether}), and records
     * them done in it; answers the items done. What the handler passes over (a subject to refuse, to ask about, seen
     * twice) is left pending for {@link #work}, one by one, which says why. A batch that fails (one order's stock
     * commitment refused) is tried again in halves, down to a few items, so that one bad subject costs its batch
     * little; what is left after that goes one by one too.
     */
    private Set<Claimed> together(List<Claimed> items, User requester) {
        if (!requester.enabled() || items.size() < 2) {
            return Set.of();
        }
        Claimed first = items.get(0);
        BulkHandler handler = handlers.handler(first.subject());
        try {
            Set<Claimed> done = transaction.execute(s -> {
                Map<Integer, Claimed> at = new HashMap<>();
                items.forEach(i -> at.put(i.position(), i));
                Map<Long, Claimed> pending = new LinkedHashMap<>();
                for (int position : jobs.lockPending(first.jobId(), at.keySet())) {
                    pending.putIfAbsent(at.get(position).subjectId(), at.get(position));
                }
                Set<Claimed> finished = new HashSet<>();
                handler.workTogether(requester.asActor(), first.action(), first.argument(), pending.keySet())
                        .forEach(id -> finished.add(pending.get(id)));
                jobs.finishAll(
                        first.jobId(),
                        finished.stream().map(Claimed::position).toList(),
                        BulkItemStatus.DONE,
                        clock.instant());
                return finished;
            });
            return done == null ? Set.of() : done;
        } catch (RuntimeException e) {
            if (items.size() >= MIN_HALF * 2) {
                log.debug(
                        "Bulk job {}: {} items together failed ({}); trying each half",
                        first.jobId(),
                        items.size(),
                        e.toString());
                Set<Claimed> done = new HashSet<>(together(items.subList(0, items.size() / 2), requester));
                done.addAll(together(items.subList(items.size() / 2, items.size()), requester));
                return done;
            }
            log.debug(
                    "Bulk job {}: {} items together failed ({}); working on them one by one",
                    first.jobId(),
                    items.size(),
                    e.toString());
            return Set.of();
        }
    }

    private boolean work(Claimed item, User requester) {
        if (!requester.enabled()) {
            return record(item, BulkItemStatus.REFUSED, Message.of("bulk.requester-disabled"));
        }
        BulkHandler handler = handlers.handler(item.subject());
        try {
            Boolean done = transaction.execute(s -> {
                if (!jobs.lockPending(item.jobId(), item.position())) {
                    return false;
                }
                BulkItemStatus status =
                        handler.work(requester.asActor(), item.action(), item.argument(), item.subjectId());
                Message result = status == BulkItemStatus.ASKED ? Message.of("bulk.asked") : null;
                return jobs.finish(item.jobId(), item.position(), status, result, clock.instant());
            });
            return Boolean.TRUE.equals(done);
        } catch (NotFoundException e) {
            return record(item, BulkItemStatus.REFUSED, Message.of("bulk.not-found"));
        } catch (KontorException e) {
            return record(item, BulkItemStatus.REFUSED, Message.of(e));
        } catch (RuntimeException e) {
            log.warn("Bulk job {}: {} {} failed", item.jobId(), item.subject(), item.subjectId(), e);
            return record(item, BulkItemStatus.FAILED, Message.of("bulk.failed"));
        }
    }

    private boolean record(Claimed item, BulkItemStatus status, Message result) {
        Boolean done =
                transaction.execute(s -> jobs.finish(item.jobId(), item.position(), status, result, clock.instant()));
        return Boolean.TRUE.equals(done);
    }
}
