package dev.kontor.workbench;

import java.util.Map;

/**
 * An order list's filter as a condition over {@code orders o}, for another module's read model to add to its own
 * statement (the sales board shows the orders the list would): SQL built from the filter (statuses as literals, every
 * value a named parameter), and the parameters it names. The parameter names are the list's own: a statement that
 * adds the condition must not use them ({@link #clashesWith}).
 */
public record OrderCondition(String sql, Map<String, Object> params) {

    public OrderCondition {
        params = Map.copyOf(params);
    }

    /** Whether the condition names any of these parameters. */
    public boolean clashesWith(java.util.Collection<String> names) {
        return names.stream().anyMatch(params::containsKey);
    }
}
