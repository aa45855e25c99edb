package dev.kontor.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.crm.internal.ActivityRepository;
import dev.kontor.customers.Customers;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned activities: plan a call, meeting, task or e-mail on an order or a customer for a colleague (or oneself),
 * see one's own open ones, complete one with its outcome. Planning and completing are written into the order's or
 * customer's timeline, so the history says who promised what and what came of it.
 */
@Service
public class Activities {

    /** How far in the past a due time may lie (the minute it takes to fill in the form). */
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final ActivityRepository activities;
    private final Orders orders;
    private final Customers customers;
    private final Users users;
    private final Permissions permissions;
    private final Timeline timeline;
    private final Clock clock;
    private final ShopSettings shop;

    Activities(
            ActivityRepository activities,
            Orders orders,
            Customers customers,
            Users users,
            Permissions permissions,
            Timeline timeline,
            Clock clock,
            ShopSettings shop) {
        this.activities = activities;
        this.orders = orders;
        this.customers = customers;
        this.users = users;
        this.permissions = permissions;
        this.timeline = timeline;
        this.clock = clock;
        this.shop = shop;
    }

    /** What to plan: on what ({@code order} or {@code customer} and its id), what, when, for whom, why. */
    public record Plan(
            String subjectType, Long subjectId, ActivityKind kind, Instant dueAt, Long responsibleId, String note) {}

    /** Plans an activity; refused with every problem at once, each naming its field. */
    @Transactional
    public Activity plan(Actor actor, Plan plan) {
        permissions.requireAllowed(actor, Permission.ACTIVITY_PLAN, Situation.NONE);
        Problems problems = new Problems();
        if (plan.kind() == null) {
            problems.add("kind", "validation.required");
        } else if (!ActivityKind.PLANNED.contains(plan.kind())) {
            problems.add("kind", "validation.activity.kind");
        }
        Instant now = clock.instant();
        if (plan.dueAt() == null) {
            problems.add("dueAt", "validation.required");
        } else if (plan.dueAt().isBefore(now.minus(GRACE))) {
            problems.add("dueAt", "validation.activity.past");
        }
        String note = Text.clean(plan.note());
        if (note != null && note.length() > 2000) {
            problems.add("note", "validation.too-long", 2000);
        }
        long responsible = plan.responsibleId() == null ? actor.userId() : plan.responsibleId();
        if (!isEnabledUser(responsible)) {
            problems.add("responsibleId", "validation.user.unknown", responsible);
        }
        if (!"order".equals(plan.subjectType()) && !"customer".equals(plan.subjectType())) {
            problems.add("subjectType", "validation.activity.subject");
        } else if (plan.subjectId() == null) {
            problems.add("subjectId", "validation.required");
        }
        problems.throwIfAny();
        String label = label(actor, plan.subjectType(), plan.subjectId());
        long id = activities.insert(
                plan.subjectType(),
                plan.subjectId(),
                label,
                plan.kind(),
                plan.dueAt(),
                responsible,
                note,
                actor.displayName(),
                now);
        Activity planned = activities.find(id).orElseThrow();
        record(actor, planned, "activity.planned", now);
        return planned;
    }

    /** Completes an open activity with what came of it (required). */
    @Transactional
    public Activity complete(Actor actor, long id, String outcome) {
        permissions.requireAllowed(actor, Permission.ACTIVITY_PLAN, Situation.NONE);
        String said = Text.clean(outcome);
        Problems problems = new Problems();
        if (said == null) {
            problems.add("outcome", "validation.required");
        } else if (said.length() > 2000) {
            problems.add("outcome", "validation.too-long", 2000);
        }
        problems.throwIfAny();
        Activity open = activities.lockOpen(id).orElseThrow(() -> new NotFoundException("activity", id));
        label(actor, open.subjectType(), open.subjectId()); // only on what the user may see
        Instant now = clock.instant();
        activities.markDone(id, actor.displayName(), said, now);
        Activity done = activities.find(id).orElseThrow();
        record(actor, done, "activity.done", now);
        return done;
    }

    /** A call that happened: on what, who called whom, how long, what came of it. */
    public record Call(String subjectType, Long subjectId, CallDirection direction, Integer minutes, String outcome) {}

    /** Logs a call after it happened (done at once, in the timeline with its direction, length and outcome). */
    @Transactional
    public Activity logCall(Actor actor, Call call) {
        permissions.requireAllowed(actor, Permission.ACTIVITY_PLAN, Situation.NONE);
        Problems problems = new Problems();
        if (call.direction() == null) {
            problems.add("direction", "validation.required");
        }
        if (call.minutes() == null) {
            problems.add("minutes", "validation.required");
        } else if (call.minutes() < 0 || call.minutes() > 24 * 60) {
            problems.add("minutes", "validation.activity.minutes");
        }
        String outcome = Text.clean(call.outcome());
        if (outcome == null) {
            problems.add("outcome", "validation.required");
        } else if (outcome.length() > 2000) {
            problems.add("outcome", "validation.too-long", 2000);
        }
        if (call.subjectId() == null) {
            problems.add("subjectId", "validation.required");
        }
        problems.throwIfAny();
        String label = label(actor, call.subjectType(), call.subjectId());
        Instant now = clock.instant();
        long id = activities.insertCall(
                call.subjectType(),
                call.subjectId(),
                label,
                call.direction().name(),
                call.minutes(),
                outcome,
                actor.userId(),
                actor.displayName(),
                now);
        Activity logged = activities.find(id).orElseThrow();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("callDirection", logged.callDirection().name());
        details.put("minutes", String.valueOf(logged.callMinutes()));
        details.put("result", outcome);
        timeline.record(new TimelineEntry(
                null,
                logged.subjectType(),
                logged.subjectId(),
                now,
                actor.userId(),
                actor.displayName(),
                "call.logged",
                List.of(),
                null,
                details));
        return logged;
    }

    /** The user's open activities, the earliest due first (overdue ones at the top). */
    @Transactional(readOnly = true)
    public List<Activity> mine(Actor actor) {
        return actor.userId() == null ? List.of() : activities.openOf(actor.userId(), 200);
    }

    /** How many of the user's open activities are due today or overdue: the count in the navigation. */
    @Transactional(readOnly = true)
    public long dueToday(Actor actor) {
        if (actor.userId() == null) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), shop.timeZone());
        return activities.dueCount(
                actor.userId(), today.plusDays(1).atStartOfDay(shop.timeZone()).toInstant());
    }

    /** An order's or a customer's activities (the user must be able to see it). */
    @Transactional(readOnly = true)
    public List<Activity> of(Actor actor, String subjectType, long subjectId) {
        label(actor, subjectType, subjectId);
        return activities.of(subjectType, subjectId);
    }

    public Instant now() {
        return clock.instant();
    }

    /** What the subject is called; unknown to the user unless they may see it. */
    private String label(Actor actor, String subjectType, long subjectId) {
        if ("order".equals(subjectType)) {
            return orders.view(actor, subjectId).number();
        }
        if ("customer".equals(subjectType)) {
            return customers.get(subjectId).displayName();
        }
        throw InvalidInputException.of("subjectType", "validation.activity.subject");
    }

    private boolean isEnabledUser(long id) {
        try {
            User user = users.byId(id);
            return user.enabled();
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void record(Actor actor, Activity a, String action, Instant now) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("activityKind", a.kind().name());
        details.put("due", a.dueAt().toString());
        details.put("responsible", a.responsibleName());
        if (a.note() != null) {
            details.put("note", a.note());
        }
        if (a.outcome() != null) {
            details.put("result", a.outcome());
        }
        timeline.record(new TimelineEntry(
                null,
                a.subjectType(),
                a.subjectId(),
                now,
                actor.userId(),
                actor.displayName(),
                action,
                List.of(),
                null,
                details));
    }
}
