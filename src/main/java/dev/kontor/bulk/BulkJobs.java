package dev.kontor.bulk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.bulk.internal.BulkJobRepository;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk jobs over many subjects of any module: the job is written at once, one item per subject, and worked off in
 * the background by any instance, each subject with the same rule, permission and timeline entry as when it is acted
 * on alone, and with its own result. Whether the user may act is decided subject by subject, when it is done. The
 * module owning the subjects says what an action does through its {@link BulkHandler}.
 */
@Service
public class BulkJobs {

    /** The most subjects one job takes. */
    public static final int MAX_ITEMS = 200_000;

    private final BulkJobRepository jobs;
    private final Map<String, BulkHandler> handlers;
    private final Clock clock;

    BulkJobs(BulkJobRepository jobs, List<BulkHandler> handlers, Clock clock) {
        this.jobs = jobs;
        this.handlers = handlers.stream().collect(Collectors.toMap(BulkHandler::subject, Function.identity()));
        this.clock = clock;
    }

    /**
     * What a user asks for.
     *
     * @param subjectIds the chosen subjects, in the order to work on them (unknown ones are left out)
     * @param requestKey the same key again (a form sent twice) finds the job it started; {@code null}: none
     */
    public record Request(
            String subject, String action, String argument, Collection<Long> subjectIds, String requestKey) {}

    /** Starts a job, or answers the user's job with the same request key. */
    @Transactional
    public BulkJob start(Actor actor, Request request) {
        if (actor.isSystem()) {
            throw new IllegalArgumentException("A bulk job is asked for by a user");
        }
        BulkHandler handler = handler(request.subject());
        if (request.action() == null) {
            throw InvalidInputException.of("action", "validation.required");
        }
        String argument = handler.check(actor, request.action(), request.argument());
        Optional<BulkJob> earlier = earlier(actor, request.requestKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<Long> ids = request.subjectIds() == null
                ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(
                        request.subjectIds().stream().filter(Objects::nonNull).toList()));
        if (ids.size() > handler.maxItems()) {
            throw InvalidInputException.of(handler.idsField(), "validation.bulk.too-many", handler.maxItems());
        }
        List<Long> present = ids.isEmpty() ? List.of() : handler.present(ids);
        if (present.isEmpty()) {
            throw InvalidInputException.of(handler.idsField(), "validation.bulk.none-chosen");
        }
        Optional<Long> inserted = jobs.insertJob(
                handler.subject(),
                request.action(),
                argument,
                actor.userId(),
                actor.displayName(),
                clock.instant(),
                request.requestKey());
        if (inserted.isEmpty()) { // a twin of this request was written meanwhile
            return earlier(actor, request.requestKey()).orElseThrow();
        }
        jobs.addItems(inserted.get(), present);
        return jobs.find(inserted.get()).orElseThrow();
    }

    private Optional<BulkJob> earlier(Actor actor, String requestKey) {
        if (requestKey == null) {
            return Optional.empty();
        }
        if (requestKey.length() > 100) {
            throw InvalidInputException.of("key", "validation.too-long", 100);
        }
        return jobs.findByRequestKey(actor.userId(), requestKey);
    }

    /**
     * A job's progress for the module whose subjects it works on, which decides itself who may see it (an import's
     * commit is part of the import's page for everyone who sees the import).
     */
    @Transactional(readOnly = true)
    public Optional<BulkJob> progress(long id) {
        return jobs.find(id);
    }

    /**
     * What became of the subjects that were refused, failed or wait for approval, by subject id: for the module whose
     * subjects the job worked on, to show beside them (an import's rows).
     */
    @Transactional(readOnly = true)
    public Map<Long, BulkJob.Item> problems(long id, int limit) {
        Map<Long, BulkJob.Item> found = new LinkedHashMap<>();
        int after = 0;
        while (found.size() < limit) {
            List<BulkJob.Item> page = jobs.items(id, true, after, Math.min(1000, limit));
            if (page.isEmpty()) {
                break;
            }
            page.forEach(i -> found.putIfAbsent(i.subjectId(), i));
            after = page.get(page.size() - 1).position();
        }
        return found;
    }

    /** The subjects a job did (its requester, supervisors and admins ask), in the job's order, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Long> done(Actor actor, long id, int limit) {
        get(actor, id);
        List<Long> done = new ArrayList<>();
        int after = 0;
        while (done.size() < limit) {
            List<BulkJob.Item> page = jobs.items(id, false, after, 1000);
            if (page.isEmpty()) {
                break;
            }
            page.stream()
                    .filter(i -> i.status() == BulkItemStatus.DONE)
                    .limit(limit - done.size())
                    .forEach(i -> done.add(i.subjectId()));
            after = page.get(page.size() - 1).position();
        }
        return done;
    }

    /** A job with its progress; its requester, supervisors and admins see it. */
    @Transactional(readOnly = true)
    public BulkJob get(Actor actor, long id) {
        BulkJob job = jobs.find(id).orElseThrow(() -> new NotFoundException("bulk-job", id));
        if (!seesAll(actor) && (actor.userId() == null || actor.userId() != job.requestedById())) {
            throw new NotFoundException("bulk-job", id);
        }
        return job;
    }

    /**
     * A page of the job's items and their results, from a position on; only those with a problem if asked. Each
     * with its subject's label as it is now.
     */
    @Transactional(readOnly = true)
    public List<BulkJob.Item> items(Actor actor, long id, boolean problemsOnly, int afterPosition, int limit) {
        BulkJob job = get(actor, id);
        List<BulkJob.Item> items =
                jobs.items(id, problemsOnly, Math.max(afterPosition, 0), Math.min(Math.max(limit, 1), 1000));
        Map<Long, String> labels = handler(job.subject())
                .labels(items.stream().map(BulkJob.Item::subjectId).toList());
        return items.stream()
                .map(i -> new BulkJob.Item(
                        i.position(),
                        i.subjectId(),
                        labels.getOrDefault(i.subjectId(), "#" + i.subjectId()),
                        i.status(),
                        i.result()))
                .toList();
    }

    /** The user's latest jobs (everyone's for supervisors and admins), newest first. */
    @Transactional(readOnly = true)
    public List<BulkJob> latest(Actor actor, int limit) {
        return jobs.latest(seesAll(actor) ? null : actor.userId(), limit);
    }

    /** The handler of a kind of subject. */
    public BulkHandler handler(String subject) {
        BulkHandler handler = handlers.get(subject);
        if (handler == null) {
            throw new IllegalArgumentException("No bulk handler for " + subject);
        }
        return handler;
    }

    private static boolean seesAll(Actor actor) {
        return actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN);
    }
}
