package dev.kontor.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalRequest;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.crm.internal.PipelineRepository;
import dev.kontor.crm.internal.PipelineRepository.Stored;
import dev.kontor.documents.SignedDocuments;
import dev.kontor.fields.CustomField;
import dev.kontor.fields.CustomFields;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Message;
import dev.kontor.shared.Problems;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an order stands in its sales pipeline, and moving it to another stage. A move checks, in this order: the
 * permission to move orders, the rights of the stage it leaves and the one it enters, what the new stage requires,
 * a lost reason for a lost stage; then takes the lifecycle actions between the two stages' states through
 * {@link OrderLifecycle} — the same permissions, rules, guards, stock reservation and approvals as on the order page
 * — and records the stage in the order's timeline. All in one transaction: a refused step leaves nothing behind.
 */
@Service
public class StageMoves {

    private final PipelineRepository pipelines;
    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final Permissions permissions;
    private final SignedDocuments signedDocuments;
    private final Timeline timeline;
    private final Clock clock;
    private final CustomFields fields;

    StageMoves(
            PipelineRepository pipelines,
            Orders orders,
            OrderLifecycle lifecycle,
            Permissions permissions,
            SignedDocuments signedDocuments,
            Timeline timeline,
            Clock clock,
            CustomFields fields) {
        this.fields = fields;
        this.pipelines = pipelines;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.permissions = permissions;
        this.signedDocuments = signedDocuments;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * An order's place in its pipeline.
     *
     * @param moved      whether someone moved it to this stage (otherwise it stands in its state's first stage)
     * @param lostReason why it was lost, when it stands in a lost stage someone moved it to
     */
    public record OrderStage(
            Pipeline pipeline,
            Stage stage,
            boolean moved,
            LostReason lostReason,
            Instant enteredAt,
            String enteredBy) {}

    /** A move as the user asks it: from the stage they saw (optional) to another, with a lost reason and a note. */
    public record Move(Long expectedStageId, Long stageId, Long lostReasonId, String note) {}

    /** What came of a move: the order's place now, and the approval asked for when a step needs one. */
    public record Moved(OrderStage stage, ApprovalRequest approval) {

        public boolean isPendingApproval() {
            return approval != null;
        }
    }

    @Transactional(readOnly = true)
    public OrderStage of(Actor actor, long orderId) {
        Order order = orders.view(actor, orderId);
        return place(order, pipelines.stored(orderId), setup());
    }

    /** Moves an order to a stage; see the class for what is checked. */
    @Transactional
    public Moved move(Actor actor, long orderId, Move move) {
        if (move.stageId() == null) {
            throw InvalidInputException.of("stageId", "validation.required");
        }
        Order order = orders.view(actor, orderId);
        permissions.requireAllowed(actor, Permission.ORDER_STAGE, orders.situationOf(order));
        Setup setup = setup();
        Stage target = setup.pipelines().stream()
                .flatMap(p -> p.stages().stream())
                .filter(s -> s.id() == move.stageId())
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of("stageId", "validation.stage.unknown", move.stageId()));
        Optional<Stored> stored = pipelines.stored(orderId);
        OrderStage before = place(order, stored, setup);
        if (move.expectedStageId() != null
                && move.expectedStageId() != before.stage().id()) {
            throw new StaleVersionException(
                    "order stage",
                    orderId,
                    order.version(),
                    stored.map(Stored::enteredBy).orElse(order.updatedBy()));
        }
        if (target.id() == before.stage().id()) {
            return new Moved(before, null);
        }
        StageRules.refusedRight(actor.roles(), before.stage(), target).ifPresent(right -> {
            throw new StageRightDeniedException(right, right.equals("leave") ? before.stage() : target);
        });
        String note = Text.clean(move.note());
        LostReason lost = checkInput(target, move, note);
        requireFacts(actor, order, target);
        if (!StageRules.reachable(order.lifecycle(), order.heldFrom(), target)) {
            throw new ActionRefusedException(
                    "stage",
                    order.lifecycle().name(),
                    "stage.refused.no-way",
                    target.names(),
                    new Message.Label(Message.labelKey(order.lifecycle())));
        }
        for (OrderAction action : StageRules.actions(order.lifecycle(), order.heldFrom(), target)) {
            ActionOutcome outcome = lifecycle.act(actor, orderId, null, action, note);
            if (outcome.isPendingApproval()) {
                return new Moved(place(outcome.order(), stored, setup), outcome.approval());
            }
        }
        Instant now = clock.instant();
        write(orderId, stored, target, lost, now, actor.displayName());
        record(actor, orderId, before.stage(), target, lost, note, now);
        return new Moved(place(orders.get(orderId), pipelines.stored(orderId), setup), null);
    }

    private LostReason checkInput(Stage target, Move move, String note) {
        Problems problems = new Problems();
        LostReason lost = null;
        if (target.isLost()) {
            if (move.lostReasonId() == null) {
                problems.add("lostReasonId", "validation.required");
            } else {
                lost = pipelines.lostReasons().stream()
                        .filter(r -> r.id() == move.lostReasonId() && r.active())
                        .findFirst()
                        .orElse(null);
                if (lost == null) {
                    problems.add("lostReasonId", "validation.stage.lost-reason", move.lostReasonId());
                }
            }
        }
        if (note != null && note.length() > 500) {
            problems.add("note", "validation.too-long", 500);
        }
        if (note == null && target.lifecycle() == LifecycleStatus.ON_HOLD) {
            problems.add("note", "validation.required"); // a hold says why
        }
        problems.throwIfAny();
        return lost;
    }

    /** The stage's requirements the order lacks, each a problem naming the field it is about. */
    private void requireFacts(Actor actor, Order order, Stage target) {
        if (target.requires().isEmpty() && target.requiredFields().isEmpty()) {
            return;
        }
        StageRules.Facts facts = new StageRules.Facts(
                order.content().responsibleId() != null,
                order.content().shippingAddress() != null,
                order.content().email() != null,
                order.paymentStatus() == PaymentStatus.PAID,
                target.requires().contains(StageRequirement.SIGNED_DOCUMENT)
                        && signedDocuments.of(actor, order.id()).arrival().isPresent());
        Problems problems = new Problems();
        for (StageRequirement missing : StageRules.missing(target, facts)) {
            problems.add(fieldOf(missing), "validation.stage.requires", target.names());
        }
        for (CustomField missing :
                fields.missing(target.requiredFields(), order.content().customFields())) {
            problems.add("customFields." + missing.key(), "validation.stage.requires", target.names());
        }
        problems.throwIfAny();
    }

    private static String fieldOf(StageRequirement requirement) {
        return switch (requirement) {
            case RESPONSIBLE -> "responsibleId";
            case SHIPPING_ADDRESS -> "shippingAddress";
            case EMAIL -> "email";
            case PAID -> "paymentStatus";
            case SIGNED_DOCUMENT -> "signedDocument";
        };
    }

    /** Stores the stage unless someone else moved the order since it was read (then nothing is written). */
    private void write(long orderId, Optional<Stored> seen, Stage target, LostReason lost, Instant now, String by) {
        if (!pipelines.store(orderId, seen, target.id(), lost == null ? null : lost.id(), now, by)) {
            Optional<Stored> meanwhile = pipelines.stored(orderId);
            throw new StaleVersionException(
                    "order stage",
                    orderId,
                    orders.get(orderId).version(),
                    meanwhile.map(Stored::enteredBy).orElse(orders.get(orderId).updatedBy()));
        }
    }

    private void record(Actor actor, long orderId, Stage from, Stage to, LostReason lost, String note, Instant now) {
        Map<String, String> details = new LinkedHashMap<>();
        if (lost != null) {
            details.put("lostReason", lost.names().json());
        }
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                now,
                actor.userId(),
                actor.displayName(),
                "order.stage",
                List.of(Change.of("stage", from.names().json(), to.names().json())),
                note,
                details));
    }

    /** What placing orders needs to know: the pipelines, the channels' pipelines, the lost reasons. */
    private record Setup(List<Pipeline> pipelines, Map<String, Long> channels, List<LostReason> lostReasons) {}

    private Setup setup() {
        return new Setup(pipelines.all(), pipelines.channelPipelines(), pipelines.lostReasons());
    }

    /**
     * Where an order stands: the stage it was moved to while that stage belongs to its state, else its state's first
     * stage; in the pipeline of the stage it was moved to, else its channel's, else the default one.
     */
    private static OrderStage place(Order order, Optional<Stored> stored, Setup setup) {
        List<Pipeline> all = setup.pipelines();
        Long chosen = stored.map(Stored::stageId)
                .flatMap(stageId ->
                        all.stream().filter(p -> p.stage(stageId).isPresent()).findFirst())
                .map(Pipeline::id)
                .orElse(setup.channels().get(order.channel()));
        Pipeline pipeline = all.stream()
                .filter(p -> chosen == null ? p.isDefault() : p.id() == chosen)
                .findFirst()
                .orElse(all.get(0));
        Optional<Stage> movedTo =
                stored.flatMap(s -> pipeline.stage(s.stageId())).filter(s -> s.lifecycle() == order.lifecycle());
        Stage stage = movedTo.orElseGet(() -> pipeline.firstStageOf(order.lifecycle())
                .orElse(pipeline.stages().get(0)));
        LostReason lost = movedTo.isPresent() && stage.isLost()
                ? setup.lostReasons().stream()
                        .filter(r -> stored.get().lostReasonId() != null
                                && r.id() == stored.get().lostReasonId())
                        .findFirst()
                        .orElse(null)
                : null;
        return new OrderStage(
                pipeline,
                stage,
                movedTo.isPresent(),
                lost,
                movedTo.isPresent() ? stored.get().enteredAt() : null,
                movedTo.isPresent() ? stored.get().enteredBy() : null);
    }
}
