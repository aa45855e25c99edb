package dev.kontor.crm.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.crm.Board;
import dev.kontor.crm.LostReason;
import dev.kontor.crm.Pipeline;
import dev.kontor.crm.Pipelines;
import dev.kontor.crm.Stage;
import dev.kontor.crm.StageMoves;
import dev.kontor.crm.StageOutcome;
import dev.kontor.crm.StageRequirement;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Orders;
import dev.kontor.shared.Names;
import dev.kontor.workbench.OrderQueryString;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sales pipelines, their stages and the board over HTTP; moving an order to a stage. */
@RestController
@Tag(name = "Pipelines")
class PipelineApiController {

    private final Pipelines pipelines;
    private final StageMoves moves;
    private final Board board;

    private final Orders orders;

    PipelineApiController(Pipelines pipelines, StageMoves moves, Board board, Orders orders) {
        this.orders = orders;
        this.pipelines = pipelines;
        this.moves = moves;
        this.board = board;
    }

    @Schema(name = "PipelineRequest")
    record PipelineRequest(
            @Schema(example = "{\"en\": \"B2B sales\", \"de\": \"B2B-Vertrieb\"}")
            Names names) {}

    @Schema(name = "StageRequest")
    record StageRequest(
            @Schema(example = "{\"en\": \"Negotiation\", \"de\": \"Verhandlung\"}")
            Names names,

            @Schema(example = "#7a5af8") String colour,
            @Schema(example = "NEW") LifecycleStatus lifecycle,
            @Schema(example = "OPEN") StageOutcome outcome,

            @Schema(description = "Who may move an order into the stage; empty: whoever may move orders")
            Set<Role> enterRoles,

            @Schema(description = "Who may move an order out of the stage; empty: whoever may move orders")
            Set<Role> leaveRoles,

            @Schema(description = "What an order must have to enter")
            Set<StageRequirement> requires,

            @Schema(
                    description = "Custom fields (keys) an order must have filled in to enter",
                    example = "[\"deliveryDate\"]")
            Set<String> requiredFields) {

        Pipelines.StageInput input() {
            return new Pipelines.StageInput(
                    names, colour, lifecycle, outcome, enterRoles, leaveRoles, requires, requiredFields);
        }
    }

    @Schema(name = "StageMove")
    record MoveRequest(
            @Schema(example = "7") Long stageId,

            @Schema(description = "The stage the client saw the order in; 409 when it stands elsewhere now")
            Long expectedStageId,

            @Schema(description = "Required for a lost stage")
            Long lostReasonId,

            @Schema(example = "Customer asks for a second offer")
            String note) {}

    @GetMapping("/api/pipelines")
    @Operation(
            summary = "Pipelines with their stages, in their order",
            description =
                    "The default pipeline first; each stage with its lifecycle state, outcome, colour and who may move orders in and out.")
    List<Pipeline> list() {
        return pipelines.all();
    }

    @GetMapping("/api/pipelines/{id}")
    @Operation(summary = "A pipeline with its stages", description = "Its names per language and its stages in order.")
    Pipeline get(@PathVariable long id) {
        return pipelines.get(id);
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/pipelines")
    @Operation(
            summary = "Create a pipeline (admin)",
            description = "It starts with a stage for every order state, named as in the default pipeline.")
    ResponseEntity<Pipeline> create(Actor actor, @RequestBody PipelineRequest request) {
        Pipeline created = pipelines.create(actor, request.names());
        return ResponseEntity.created(URI.create("/api/pipelines/" + created.id()))
                .body(created);
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/pipelines/{id}/stages")
    @Operation(
            summary = "Add a stage (admin)",
            description = "Placed after the pipeline's last stage of the same state. A won stage belongs to APPROVED "
                    + "or COMPLETED, a lost one to CANCELLED; 422 naming the field otherwise.")
    ResponseEntity<Stage> addStage(Actor actor, @PathVariable long id, @RequestBody StageRequest request) {
        Stage stage = pipelines.addStage(actor, id, request.input());
        return ResponseEntity.created(URI.create("/api/stages/" + stage.id())).body(stage);
    }

    @PutMapping("/api/stages/{id}")
    @Operation(
            summary = "Change a stage (admin)",
            description = "409 when its pipeline would lose its last stage of a state.")
    Stage updateStage(Actor actor, @PathVariable long id, @RequestBody StageRequest request) {
        return pipelines.updateStage(actor, id, request.input());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @DeleteMapping("/api/stages/{id}")
    @Operation(
            summary = "Delete a stage (admin)",
            description = "Orders someone moved to it go to moveTo; without it, 409 saying how many there are.")
    ResponseEntity<Void> deleteStage(Actor actor, @PathVariable long id, @RequestParam(required = false) Long moveTo) {
        pipelines.deleteStage(actor, id, moveTo);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/lost-reasons")
    @Operation(
            summary = "The reasons a deal can be lost for",
            description = "The reasons offered when an order is moved to a lost stage, in their order.")
    List<LostReason> lostReasons() {
        return pipelines.lostReasons();
    }

    @GetMapping("/api/pipelines/{id}/board")
    @Operation(
            summary = "A pipeline's board",
            description = "Each stage with its count, sums per currency and newest cards (at most 50). Filtered "
                    + "as GET /api/orders filters (q, channel, payment, fulfilment, from, to, method, approvedFrom, "
                    + "approvedTo, overdue, flagged, cf.<key>) and by one responsible colleague; 422 naming the "
                    + "parameter that cannot be read.")
    Board.View board(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Long responsible,
            @Parameter(hidden = true) HttpServletRequest request) {
        return board.view(
                actor,
                id,
                new Board.Filter(OrderQueryString.parse(request.getQueryString(), orders.today()), responsible));
    }

    @GetMapping("/api/orders/{id}/stage")
    @Operation(
            summary = "Where an order stands in its pipeline",
            description =
                    "Its pipeline and stage: the stage it was moved to, or its state's first stage when nobody moved it.")
    StageMoves.OrderStage stage(Actor actor, @PathVariable long id) {
        return moves.of(actor, id);
    }

    @PutMapping("/api/orders/{id}/stage")
    @Operation(
            summary = "Move an order to a stage",
            description = "Takes the lifecycle actions between the two stages' states with their own rules (a stage "
                    + "of APPROVED approves the order and reserves its stock). 403 naming the right when the stage's "
                    + "rights refuse, 422 naming what a stage requires or a missing lost reason, 409 when the "
                    + "lifecycle refuses or someone moved it meanwhile, 202 when a step waits for approval.")
    ResponseEntity<StageMoves.Moved> move(Actor actor, @PathVariable long id, @RequestBody MoveRequest request) {
        StageMoves.Moved moved = moves.move(
                actor,
                id,
                new StageMoves.Move(
                        request.expectedStageId(), request.stageId(), request.lostReasonId(), request.note()));
        return moved.isPendingApproval() ? ResponseEntity.accepted().body(moved) : ResponseEntity.ok(moved);
    }
}
