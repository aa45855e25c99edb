package dev.kontor.orders;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Reservations;
import dev.kontor.orders.internal.GenericPlans;
import dev.kontor.shared.ActionRefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders one sender places or approves at the same moment — a shop or a marketplace connector with several requests
 * in flight — written in one transaction, as a database flushes many commits at once (group commit). A request that
 * arrives while another of the same actor's is being written waits for it; then the first of those that waited
 * writes all of them together: for placements one block of numbers and one insert each of customers, orders, lines,
 * timeline entries and events ({@link OrderIntake#placeAll}), for approvals one lock, one update and one stock
 * commitment ({@link OrderLifecycle#approveAt}); for orders placed approved ({@link #placeApproved}) both in one.
 * Nobody waits for a timer: a request alone is written at once as it
 * always was, and under load groups form by themselves (issue 20: a transaction's own cost in PostgreSQL is about
 * 1.8 ms of CPU, an order's in it about 0.3).
 *
 * <p>Each request is answered what writing its order alone would answer. What cannot simply go with the others — an
 * order that needs a supervisor, a guard's refusal, another version than the one asked for — is left by the group
 * and written by its own request as before. When the group's transaction fails nothing of it is written and each
 * order is written again by its own request, in its own transaction, so that a refusal is its order's alone. A
 * request already in a transaction (an {@code Idempotency-Key} claimed with it) is written in it, alone. Nothing is
 * kept between requests but what waits this moment: another Kontor instance groups its own.
 */
@Service
public class GroupCommit {

    private final OrderIntake intake;
    private final OrderLifecycle lifecycle;
    private final TransactionTemplate transaction;
    private final GenericPlans plans;
    private final Line<OrderInput, PlacedOrder> placements;
    private final Line<OrderInput, PlacedOrder> approvedPlacements;
    private final Line<Approval, ActionOutcome> approvals;

    GroupCommit(
            OrderIntake intake,
            OrderLifecycle lifecycle,
            TransactionTemplate transaction,
            GenericPlans plans,
            @Value("${kontor.orders.group-commit.largest:50}") int largest,
            @Value("${kontor.orders.group-commit.writers:1}") int writers) {
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.transaction = transaction;
        this.plans = plans;
        this.placements = new Line<>(largest, writers, this::placeAll, this::placeAlone);
        this.approvedPlacements = new Line<>(largest, writers, this::placeAllApproved, this::placeApprovedAlone);
        this.approvals = new Line<>(largest, writers, this::approveAll, this::approveAlone);
    }

    /** Places an order for review as {@link OrderIntake#place} does, together with what its actor places meanwhile. */
    public PlacedOrder place(Actor actor, OrderInput input) {
        return alone() ? placeAlone(actor, input) : placements.write(actor, input);
    }

    /**
     * Places an order and approves it as placed when its actor may simply approve it — its stock committed, one
     * write — together with what its actor places so meanwhile; otherwise (a guard's refusal, a blacklist hold, short
     * stock of an item not backordered, a discount beyond the actor's limit, a channel's order Kontor has already) as
     * {@link #place} places it. One request and one transaction for what a shop's paid order needs, where placing
     * and approving take two of each.
     */
    public PlacedOrder placeApproved(Actor actor, OrderInput input) {
        return alone() ? placeApprovedAlone(actor, input) : approvedPlacements.write(actor, input);
    }

    /**
     * Approves an order, at the version asked for (null: whichever), as {@link OrderLifecycle#act} does, together
     * with what its actor approves meanwhile.
     */
    public ActionOutcome approve(Actor actor, long id, Integer expectedVersion) {
        Approval approval = new Approval(id, expectedVersion);
        return alone() ? approveAlone(actor, approval) : approvals.write(actor, approval);
    }

    private static boolean alone() {
        return TransactionSynchronizationManager.isActualTransactionActive();
    }

    private PlacedOrder placeAlone(Actor actor, OrderInput input) {
        return inTransaction(() -> intake.place(actor, input, false));
    }

    private PlacedOrder placeApprovedAlone(Actor actor, OrderInput input) {
        return placeAllApproved(actor, List.of(input)).get(0);
    }

    /**
     * {@link OrderIntake#placeAllApproved} in a transaction of its own: approving whatever the stock first, and
     * only when some order's stock is short once more, approving what the stock allows (the rest placed new). In a
     * caller's transaction, which cannot be tried again, the stock is looked at first.
     */
    private List<PlacedOrder> placeAllApproved(Actor actor, List<OrderInput> inputs) {
        if (alone()) {
            return inTransaction(() -> intake.placeAllApproved(actor, inputs, true));
        }
        try {
            return inTransaction(() -> intake.placeAllApproved(actor, inputs, false));
        } catch (ActionRefusedException e) {
            if (!Reservations.OUT_OF_STOCK.equals(e.reason())) {
                throw e;
            }
            return inTransaction(() -> intake.placeAllApproved(actor, inputs, true));
        }
    }

    private ActionOutcome approveAlone(Actor actor, Approval approval) {
        return inTransaction(
                () -> lifecycle.act(actor, approval.id(), approval.expectedVersion(), OrderAction.APPROVE, null));
    }

    private record Approval(long id, Integer expectedVersion) {}

    private List<PlacedOrder> placeAll(Actor actor, List<OrderInput> inputs) {
        return inTransaction(() -> intake.placeAll(actor, inputs));
    }

    /** The group's approvals; an order asked for twice is approved for the first request (the second is refused). */
    private List<ActionOutcome> approveAll(Actor actor, List<Approval> asked) {
        Map<Long, Integer> versions = new LinkedHashMap<>();
        asked.forEach(a -> versions.putIfAbsent(a.id(), a.expectedVersion()));
        Map<Long, Order> approved = inTransaction(() -> lifecycle.approveAt(actor, versions));
        List<ActionOutcome> answers = new ArrayList<>(asked.size());
        Set<Long> answered = new HashSet<>();
        for (Approval a : asked) {
            Order order = answered.add(a.id()) ? approved.get(a.id()) : null;
            answers.add(order == null ? null : ActionOutcome.done(order)); // null: approved, or refused, alone
        }
        return answers;
    }

    /**
     * A write's transaction — the caller's when it has one — on the plans PostgreSQL keeps for the statements
     * ({@link GenericPlans}).
     */
    private <T> T inTransaction(Supplier<T> write) {
        return transaction.execute(status -> {
            plans.forThisTransaction();
            return write.get();
        });
    }

    /** Writes something for an actor. */
    interface Writer<I, O> {
        O write(Actor actor, I input);
    }

    /**
     * One kind of write, grouped per actor: what one actor's requests ask for while the actor's previous write is
     * being written waits, and the first of those waiting then writes them as one group. {@code together} writes a
     * group of two or more in one transaction of its own and answers each in order (null: left to be written
     * alone); if it fails, each is written alone. {@code alone} writes one in its own transaction, as without
     * grouping; its refusal is its request's.
     */
    static final class Line<I, O> {

        private final int largest;
        private final int writers;
        private final Writer<List<I>, List<O>> together;
        private final Writer<I, O> alone;
        private final Map<Actor, Queue<I, O>> queues = new HashMap<>();

        Line(int largest, int writers, Writer<List<I>, List<O>> together, Writer<I, O> alone) {
            this.largest = largest;
            this.writers = writers;
            this.together = together;
            this.alone = alone;
        }

        /** An actor's: what waits, and how many of its requests are writing (nothing waits while fewer write). */
        private static final class Queue<I, O> {
            final ArrayDeque<Waiting<I, O>> waiting = new ArrayDeque<>();
            int writing;
        }

        /** What a waiting request is told: to write the next group, or its answer (null: write it alone). */
        private record Turn<O>(boolean lead, O answer) {}

        private record Waiting<I, O>(I input, CompletableFuture<Turn<O>> turn) {}

        /** Writes the input, alone or in a group of the actor's, and answers its result. */
        O write(Actor actor, I input) {
            if (largest <= 1) {
                return alone.write(actor, input);
            }
            Waiting<I, O> me = new Waiting<>(input, new CompletableFuture<>());
            boolean lead;
            synchronized (queues) {
                Queue<I, O> queue = queues.computeIfAbsent(actor, a -> new Queue<>());
                lead = queue.writing < writers;
                if (lead) {
                    queue.writing++;
                } else {
                    queue.waiting.add(me);
                }
            }
            Turn<O> turn = lead ? new Turn<>(true, null) : me.turn().join(); // not interruptible: a turn is taken
            if (turn.lead()) {
                return lead(actor, input);
            }
            return turn.answer() != null ? turn.answer() : alone.write(actor, input);
        }

        /**
         * Writes the group of what waits, the caller's input first — alone when nothing else waits, the others
         * arriving meanwhile forming the next group — answers the others and hands the turn on.
         */
        private O lead(Actor actor, I input) {
            List<Waiting<I, O>> group = new ArrayList<>();
            group.add(new Waiting<>(input, null)); // the caller's own, answered by the return value
            synchronized (queues) {
                ArrayDeque<Waiting<I, O>> waiting = queues.get(actor).waiting;
                while (!waiting.isEmpty() && group.size() < largest) {
                    group.add(waiting.poll());
                }
            }
            O mine = null;
            RuntimeException refused = null;
            List<O> answers = null;
            try {
                if (group.size() == 1) {
                    mine = alone.write(actor, input);
                } else {
                    answers = together.write(
                            actor, group.stream().map(Waiting::input).toList());
                    mine = answers.get(0);
                }
            } catch (RuntimeException e) {
                answers = null; // rolled back: each writes its own, so that a refusal is its order's alone
                refused = group.size() == 1 ? e : null;
            } finally {
                for (int i = 1; i < group.size(); i++) {
                    group.get(i).turn().complete(new Turn<>(false, answers == null ? null : answers.get(i)));
                }
                handOn(actor);
            }
            if (refused != null) {
                throw refused;
            }
            return mine != null ? mine : alone.write(actor, input);
        }

        /** How many of the actor's requests wait this moment (for tests). */
        int waiting(Actor actor) {
            synchronized (queues) {
                Queue<I, O> queue = queues.get(actor);
                return queue == null ? 0 : queue.waiting.size();
            }
        }

        /**
         * The next group to the first request waiting (taken out of the line, so that no other writer hands it on
         * too), or one writer fewer when none waits.
         */
        private void handOn(Actor actor) {
            synchronized (queues) {
                Queue<I, O> queue = queues.get(actor);
                Waiting<I, O> next = queue.waiting.poll();
                if (next != null) {
                    next.turn().complete(new Turn<>(true, null));
                } else if (--queue.writing == 0) {
                    queues.remove(actor);
                }
            }
        }
    }
}
