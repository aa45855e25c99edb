package dev.kontor.crm;

import java.util.List;
import java.util.Optional;

import dev.kontor.orders.LifecycleStatus;
import dev.kontor.shared.Names;

/** A sales pipeline and its stages in their order. Orders of the channels assigned to it start in it. */
public record Pipeline(long id, Names names, int position, boolean isDefault, List<Stage> stages) {

    public Pipeline {
        stages = List.copyOf(stages);
    }

    /** Where an order in this state stands when nobody moved it to a stage of its own: the state's first stage. */
    public Optional<Stage> firstStageOf(LifecycleStatus lifecycle) {
        return stages.stream().filter(s -> s.lifecycle() == lifecycle).findFirst();
    }

    public Optional<Stage> stage(long stageId) {
        return stages.stream().filter(s -> s.id() == stageId).findFirst();
    }
}
