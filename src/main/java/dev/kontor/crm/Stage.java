package dev.kontor.crm;

import java.util.Set;

import dev.kontor.access.Role;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.shared.Names;

/**
 * A stage of a sales pipeline: a step the shop names, which refines one lifecycle state of the order.
 *
 * @param lifecycle  the state an order in this stage is in (entering the stage moves the order there by the
 *                   lifecycle's own rules)
 * @param outcome    open, or a final won / lost stage
 * @param enterRoles who may move an order into it; empty: whoever may move orders at all
 * @param leaveRoles who may move an order out of it; empty: whoever may move orders at all
 * @param requires   what an order must have to enter
 * @param requiredFields custom fields (keys) an order must have filled in to enter
 */
public record Stage(
        long id,
        long pipelineId,
        Names names,
        String colour,
        int position,
        LifecycleStatus lifecycle,
        StageOutcome outcome,
        Set<Role> enterRoles,
        Set<Role> leaveRoles,
        Set<StageRequirement> requires,
        Set<String> requiredFields) {

    public Stage {
        enterRoles = Set.copyOf(enterRoles);
        leaveRoles = Set.copyOf(leaveRoles);
        requires = Set.copyOf(requires);
        requiredFields = requiredFields == null ? Set.of() : Set.copyOf(requiredFields);
    }

    public boolean isLost() {
        return outcome == StageOutcome.LOST;
    }
}
