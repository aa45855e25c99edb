package dev.kontor.bulk;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.shared.Message;

/**
 * What a module does to each subject of a bulk job: the module that owns the subjects implements it (orders for
 * orders), so that the bulk module knows no subject of its own. Every method but {@link #check} runs inside a
 * transaction the worker opened.
 */
public interface BulkHandler {

    /** The kind of subject this handler works on, e.g. {@code order}; stored with each job. */
    String subject();

    /** How a request names the chosen subjects, for refusals: {@code orderIds}. */
    String idsField();

    /** The most subjects one job of this handler takes (a person's selection: {@link BulkJobs#MAX_ITEMS}). */
    default int maxItems() {
        return BulkJobs.MAX_ITEMS;
    }

    /**
     * Checks an action and its argument before a job is written; answers the argument as it will be stored. Refuses
     * with an {@link dev.kontor.shared.InvalidInputException} naming the field.
     */
    String check(Actor actor, String action, String argument);

    /** Of these subjects, those that exist and may be worked on at all, in the order given. */
    List<Long> present(List<Long> subjectIds);

    /**
     * Works on one subject in the caller's transaction: {@link BulkItemStatus#DONE}, or {@link BulkItemStatus#ASKED}
     * when a supervisor must approve it. A refusal is thrown as a {@link dev.kontor.shared.KontorException}.
     */
    BulkItemStatus work(Actor actor, String action, String argument, long subjectId);

    /**
     * Works on several subjects together in the caller's transaction, where the action allows it (approving orders
     * does); answers those done. Those passed over are worked on one by one. A failure fails them all.
     */
    default Set<Long> workTogether(Actor actor, String action, String argument, Collection<Long> subjectIds) {
        return Set.of();
    }

    /** Whether {@link #workTogether} does anything for this action. */
    default boolean worksTogether(String action) {
        return false;
    }

    /** How people know these subjects (order numbers), by id. */
    Map<Long, String> labels(Collection<Long> subjectIds);

    /** The page of a subject, e.g. {@code /orders/42}. */
    String path(long subjectId);

    /** What a job with this action and argument does, as its page says it: the action's label and its argument. */
    Description describe(String action, String argument);

    /**
     * @param action the action's label, a message key
     * @param argument the argument as people read it (a reason, a tag, a user's name), if there is one
     * @param quoted whether the argument is something a user wrote (a reason, a tag), shown in quotes
     */
    record Description(String action, Message argument, boolean quoted) {}
}
