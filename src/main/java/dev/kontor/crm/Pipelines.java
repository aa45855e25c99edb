package dev.kontor.crm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Role;
import dev.kontor.access.Situation;
import dev.kontor.crm.internal.PipelineRepository;
import dev.kontor.crm.internal.PipelineRepository.StageRow;
import dev.kontor.fields.CustomField;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Names;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's side of sales pipelines: pipelines, their stages (name per language, colour, order, the state each
 * refines, won/lost, rights and requirements), the lost reasons and the pipeline each channel's orders start in.
 * Every change keeps {@link StageRules}: each pipeline keeps a stage for every state, and a stage someone moved
 * orders to is deleted only with a stage to move them to.
 */
@Service
public class Pipelines {

    private final PipelineRepository pipelines;
    private final Permissions permissions;
    private final Orders orders;
    private final Clock clock;
    private final CustomFields fields;

    Pipelines(PipelineRepository pipelines, Permissions permissions, Orders orders, Clock clock, CustomFields fields) {
        this.fields = fields;
        this.pipelines = pipelines;
        this.permissions = permissions;
        this.orders = orders;
        this.clock = clock;
    }

    /** A stage as an admin writes it; rights and requirements may be empty. */
    public record StageInput(
            Names names,
            String colour,
            LifecycleStatus lifecycle,
            StageOutcome outcome,
            Set<Role> enterRoles,
            Set<Role> leaveRoles,
            Set<StageRequirement> requires,
            Set<String> requiredFields) {}

    @Transactional(readOnly = true)
    public List<Pipeline> all() {
        return pipelines.all();
    }

    @Transactional(readOnly = true)
    public Pipeline get(long id) {
        return pipelines.all().stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("pipeline", id));
    }

    @Transactional(readOnly = true)
    public List<LostReason> lostReasons() {
        return pipelines.lostReasons();
    }

    @Transactional(readOnly = true)
    public Map<String, Long> channelPipelines() {
        return pipelines.channelPipelines();
    }

    /** A new pipeline, with a stage for every state named as the default pipeline names them, to rename and add to. */
    @Transactional
    public Pipeline create(Actor actor, Names names) {
        requireAdmin(actor);
        Problems problems = new Problems();
        StageRules.checkNames(problems, "names", names);
        problems.throwIfAny();
        List<Pipeline> all = pipelines.all();
        Pipeline model = all.stream().filter(Pipeline::isDefault).findFirst().orElse(all.get(0));
        long id = pipelines.insertPipeline(names);
        for (Stage stage : model.stages()) {
            if (model.firstStageOf(stage.lifecycle()).orElseThrow().id() == stage.id()) {
                pipelines.insertStage(
                        id,
                        new StageRow(
                                stage.names(),
                                stage.colour(),
                                stage.lifecycle(),
                                stage.outcome(),
                                Set.of(),
                                Set.of(),
                                Set.of(),
                                Set.of()));
            }
        }
        return get(id);
    }

    @Transactional
    public Pipeline rename(Actor actor, long id, Names names) {
        requireAdmin(actor);
        get(id);
        Problems problems = new Problems();
        StageRules.checkNames(problems, "names", names);
        problems.throwIfAny();
        pipelines.renamePipeline(id, names);
        return get(id);
    }

    /** Adds a stage after the last one of its state, where it belongs on the board. */
    @Transactional
    public Stage addStage(Actor actor, long pipelineId, StageInput input) {
        requireAdmin(actor);
        pipelines.lockPipeline(pipelineId);
        Pipeline pipeline = get(pipelineId);
        StageRow row = checked(input);
        long id = pipelines.insertStage(pipelineId, row);
        List<Long> order = new ArrayList<>();
        int after = -1;
        for (Stage stage : pipeline.stages()) {
            order.add(stage.id());
            if (stage.lifecycle() == row.lifecycle()) {
                after = order.size();
            }
        }
        order.add(after < 0 ? order.size() : after, id);
        pipelines.reorder(pipelineId, order);
        return get(pipelineId).stage(id).orElseThrow();
    }

    @Transactional
    public Stage updateStage(Actor actor, long stageId, StageInput input) {
        requireAdmin(actor);
        Stage stage = stage(stageId);
        pipelines.lockPipeline(stage.pipelineId());
        StageRow row = checked(input);
        List<Stage> after = new ArrayList<>(get(stage.pipelineId()).stages());
        after.removeIf(s -> s.id() == stageId);
        after.add(new Stage(
                stageId,
                stage.pipelineId(),
                row.names(),
                row.colour(),
                stage.position(),
                row.lifecycle(),
                row.outcome(),
                row.enterRoles(),
                row.leaveRoles(),
                row.requires(),
                row.requiredFields()));
        requireCovered(stage, after);
        pipelines.updateStage(stageId, row);
        return stage(stageId);
    }

    /** Moves a stage one place up ({@code -1}) or down ({@code 1}) on the board. */
    @Transactional
    public void moveStage(Actor actor, long stageId, int direction) {
        requireAdmin(actor);
        Stage stage = stage(stageId);
        pipelines.lockPipeline(stage.pipelineId());
        List<Long> order = new ArrayList<>(
                get(stage.pipelineId()).stages().stream().map(Stage::id).toList());
        int at = order.indexOf(stageId);
        int to = Math.max(0, Math.min(order.size() - 1, at + Integer.signum(direction)));
        order.remove(at);
        order.add(to, stageId);
        pipelines.reorder(stage.pipelineId(), order);
    }

    /**
     * Deletes a stage. Refused when it is its pipeline's last stage of its state; when someone moved orders to it,
     * they go to the stage given (of the same pipeline), or the delete is refused saying how many there are.
     */
    @Transactional
    public void deleteStage(Actor actor, long stageId, Long moveToStageId) {
        requireAdmin(actor);
        Stage stage = stage(stageId);
        pipelines.lockPipeline(stage.pipelineId());
        List<Stage> after = new ArrayList<>(get(stage.pipelineId()).stages());
        after.removeIf(s -> s.id() == stageId);
        requireCovered(stage, after);
        long moved = pipelines.ordersMovedTo(stageId);
        if (moved > 0) {
            if (moveToStageId == null) {
                throw new ActionRefusedException("delete", "stage", "stage.refused.has-orders", moved, stage.names());
            }
            if (moveToStageId == stageId || after.stream().noneMatch(s -> s.id() == moveToStageId)) {
                throw InvalidInputException.of("moveTo", "validation.stage.move-to");
            }
            pipelines.moveOrders(stageId, moveToStageId, clock.instant(), actor.displayName());
        }
        pipelines.deleteStage(stageId);
    }

    /** Lets a channel's orders start in a pipeline ({@code null}: in the default one). */
    @Transactional
    public void assignChannel(Actor actor, String channel, Long pipelineId) {
        requireAdmin(actor);
        List<String> known = orders.channels().stream().map(c -> c.code()).toList();
        if (!known.contains(channel)) {
            throw InvalidInputException.of("channel", "validation.channel", channel, String.join(", ", known));
        }
        if (pipelineId != null) {
            get(pipelineId);
        }
        pipelines.assignChannel(channel, pipelineId);
    }

    @Transactional
    public LostReason addLostReason(Actor actor, Names names) {
        requireAdmin(actor);
        Problems problems = new Problems();
        StageRules.checkNames(problems, "names", names);
        problems.throwIfAny();
        long id = pipelines.insertLostReason(names);
        return lostReason(id);
    }

    /** Renames a lost reason, or takes it off the list ({@code active} false); orders keep the reason they got. */
    @Transactional
    public LostReason updateLostReason(Actor actor, long id, Names names, boolean active) {
        requireAdmin(actor);
        Problems problems = new Problems();
        StageRules.checkNames(problems, "names", names);
        problems.throwIfAny();
        if (pipelines.updateLostReason(id, names, active) == 0) {
            throw new NotFoundException("lost reason", id);
        }
        return lostReason(id);
    }

    LostReason lostReason(long id) {
        return pipelines.lostReasons().stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("lost reason", id));
    }

    /** A stage of any pipeline. */
    @Transactional(readOnly = true)
    public Stage stage(long stageId) {
        return pipelines.all().stream()
                .flatMap(p -> p.stages().stream())
                .filter(s -> s.id() == stageId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("stage", stageId));
    }

    private StageRow checked(StageInput input) {
        String colour = input.colour() == null ? null : input.colour().strip().toLowerCase(Locale.ROOT);
        Problems problems = StageRules.check(input.names(), colour, input.lifecycle(), input.outcome());
        Set<String> known =
                fields.all(FieldScope.ORDER).stream().map(CustomField::key).collect(Collectors.toSet());
        Set<String> required = input.requiredFields() == null ? Set.of() : input.requiredFields();
        required.stream()
                .filter(key -> !known.contains(key))
                .findFirst()
                .ifPresent(key -> problems.add("requiredFields", "validation.field.unknown", key));
        problems.throwIfAny();
        return new StageRow(
                input.names(),
                input.colour().toLowerCase(Locale.ROOT),
                input.lifecycle(),
                input.outcome(),
                input.enterRoles() == null ? Set.of() : input.enterRoles(),
                input.leaveRoles() == null ? Set.of() : input.leaveRoles(),
                input.requires() == null ? Set.of() : input.requires(),
                required);
    }

    private static void requireCovered(Stage stage, List<Stage> after) {
        Set<LifecycleStatus> uncovered = StageRules.uncovered(after);
        if (!uncovered.isEmpty()) {
            throw new ActionRefusedException(
                    "change",
                    "stage",
                    "stage.refused.last-of-state",
                    stage.names(),
                    uncovered.iterator().next());
        }
    }

    private void requireAdmin(Actor actor) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
    }
}
