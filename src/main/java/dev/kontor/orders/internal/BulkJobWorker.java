package dev.kontor.orders.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.BulkAction;
import dev.kontor.orders.BulkItemStatus;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off bulk jobs. Each round claims a batch of pending items (so two instances never take the same ones) and
 * acts on each order in its own transaction, together with recording the item's result: the order changes and
 * its result is written, or neither (a job's approvals go together first, see {@link #approveTogether}). A
 * refusal is recorded in the requester's language, as they will read it.
 */
@Component
public class BulkJobWorker {

    private static final Logger log = LoggerFactory.getLogger(BulkJobWorker.class);
    private static final int BATCH = 200;
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** A failed batch of approvals is halved until its halves would be smaller than this. */
    private static final int MIN_HALF = 8;

    private final BulkJobRepository jobs;
    private final Orders orders;
    private final Users users;
    private final Messages messages;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int threads;

    BulkJobWorker(
            BulkJobRepository jobs,
            Orders orders,
            Users users,
            Messages messages,
            TransactionTemplate transaction,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${kontor.bulk.threads:2}") int threads) {
        this.threads = Math.max(1, threads);
        this.jobs = jobs;
        this.orders = orders;
        this.users = users;
        this.messages = messages;
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
        List<BulkJobRepository.Claimed> batch = transaction.execute(s -> jobs.claim(now, now.plus(LEASE), BATCH));
        Map<Long, User> requesters = new HashMap<>();
        int finished = 0;
        Map<Long, List<BulkJobRepository.Claimed>> approvals = new LinkedHashMap<>();
        for (BulkJobRepository.Claimed item : batch) {
            if (item.action() == BulkAction.APPROVE) {
                approvals.computeIfAbsent(item.jobId(), k -> new ArrayList<>()).add(item);
            }
        }
        Set<BulkJobRepository.Claimed> approved = new HashSet<>();
        for (List<BulkJobRepository.Claimed> items : approvals.values()) {
            approved.addAll(approveTogether(
                    items, requesters.computeIfAbsent(items.get(0).requestedById(), users::byId)));
        }
        finished += approved.size();
        for (BulkJobRepository.Claimed item : batch) {
            if (approved.contains(item)) {
                continue;
            }
            User requester = requesters.computeIfAbsent(item.requestedById(), users::byId);
            finished += work(item, requester) ? 1 : 0;
        }
        return new int[] {batch.size(), finished};
    }

    /**
     * Approves a job's claimed items together, in one transaction ({@link Orders#approveAll}), and records them
     * done in it; answers the items done. What it passes over (an order to refuse, to ask about, seen twice)
     * is left pending for {@link #work}, order by order, which says why. A batch that fails (one order's stock
     * commitment refused) is tried again in halves, down to a few orders, so that one short order costs its batch
     * little; what is left after that goes order by order too.
     */
    private Set<BulkJobRepository.Claimed> approveTogether(List<BulkJobRepository.Claimed> items, User requester) {
        if (!requester.enabled() || items.size() < 2) {
            return Set.of();
        }
        long jobId = items.get(0).jobId();
        try {
            Set<BulkJobRepository.Claimed> done = transaction.execute(s -> {
                Map<Integer, BulkJobRepository.Claimed> at = new HashMap<>();
                items.forEach(i -> at.put(i.position(), i));
                Map<Long, BulkJobRepository.Claimed> pending = new LinkedHashMap<>();
                for (int position : jobs.lockPending(jobId, at.keySet())) {
                    pending.putIfAbsent(at.get(position).orderId(), at.get(position));
                }
                Set<BulkJobRepository.Claimed> finished = new HashSet<>();
                orders.approveAll(requester.asActor(), pending.keySet()).forEach(id -> finished.add(pending.get(id)));
                jobs.finishAll(
                        jobId,
                        finished.stream()
                                .map(BulkJobRepository.Claimed::position)
                                .toList(),
                        BulkItemStatus.DONE,
                        clock.instant());
                return finished;
            });
            return done == null ? Set.of() : done;
        } catch (RuntimeException e) {
            if (items.size() >= MIN_HALF * 2) {
                log.debug(
                        "Bulk job {}: approving {} orders together failed ({}); trying each half",
                        jobId,
                        items.size(),
                        e.toString());
                Set<BulkJobRepository.Claimed> done =
                        new HashSet<>(approveTogether(items.subList(0, items.size() / 2), requester));
                done.addAll(approveTogether(items.subList(items.size() / 2, items.size()), requester));
                return done;
            }
            log.debug(
                    "Bulk job {}: approving {} orders together failed ({}); approving them one by one",
                    jobId,
                    items.size(),
                    e.toString());
            return Set.of();
        }
    }

    private boolean work(BulkJobRepository.Claimed item, User requester) {
        if (!requester.enabled()) {
            return record(item, BulkItemStatus.REFUSED, in(requester, () -> messages.get("bulk.requester-disabled")));
        }
        try {
            Boolean done = transaction.execute(s -> {
                if (!jobs.lockPending(item.jobId(), item.position())) {
                    return false;
                }
                BulkItemStatus status = act(item, requester);
                String message =
                        status == BulkItemStatus.ASKED ? in(requester, () -> messages.get("bulk.asked")) : null;
                return jobs.finish(item.jobId(), item.position(), status, message, clock.instant());
            });
            return Boolean.TRUE.equals(done);
        } catch (KontorException e) {
            return record(item, BulkItemStatus.REFUSED, in(requester, () -> text(e)));
        } catch (RuntimeException e) {
            log.warn("Bulk job {}: order {} failed", item.jobId(), item.orderId(), e);
            return record(item, BulkItemStatus.FAILED, in(requester, () -> messages.get("bulk.failed")));
        }
    }

    private BulkItemStatus act(BulkJobRepository.Claimed item, User requester) {
        var actor = requester.asActor();
        long id = item.orderId();
        switch (item.action()) {
            case APPROVE, HOLD, RELEASE -> {
                OrderAction action = OrderAction.valueOf(item.action().name());
                ActionOutcome outcome = orders.act(actor, id, null, action, item.argument());
                return outcome.isPendingApproval() ? BulkItemStatus.ASKED : BulkItemStatus.DONE;
            }
            case TAG -> orders.retag(actor, id, null, Set.of(item.argument()), Set.of());
            case UNTAG -> orders.retag(actor, id, null, Set.of(), Set.of(item.argument()));
            case ASSIGN ->
                orders.assign(actor, id, null, item.argument() == null ? null : Long.valueOf(item.argument()));
            default -> throw new IllegalStateException("Unknown bulk action " + item.action());
        }
        return BulkItemStatus.DONE;
    }

    private boolean record(BulkJobRepository.Claimed item, BulkItemStatus status, String message) {
        Boolean done =
                transaction.execute(s -> jobs.finish(item.jobId(), item.position(), status, message, clock.instant()));
        return Boolean.TRUE.equals(done);
    }

    private String text(KontorException e) {
        if (e instanceof NotFoundException) {
            return messages.get("bulk.not-found");
        }
        if (e instanceof InvalidInputException invalid) {
            return messages.withField(invalid.problems().get(0));
        }
        return messages.of(e);
    }

    /** Renders a text in the requester's language. */
    private static String in(User requester, java.util.function.Supplier<String> text) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(
                requester.language() == null
                        ? Locale.ENGLISH
                        : Locale.forLanguageTag(requester.language().replace('_', '-')));
        try {
            return text.get();
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }
}
