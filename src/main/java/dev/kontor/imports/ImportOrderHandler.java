package dev.kontor.imports;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.kontor.access.Actor;
import dev.kontor.bulk.BulkHandler;
import dev.kontor.bulk.BulkItemStatus;
import dev.kontor.fulfillment.ShipmentRequest;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.imports.internal.ImportRepository;
import dev.kontor.imports.read.MarketStatus;
import dev.kontor.imports.read.StagedOrder;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PlacedOrder;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.Payments;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Message;
import dev.kontor.shared.NotFoundException;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * Places one staged order, in the bulk worker's transaction, with everything its marketplace said about it: the
 * payment (Taobao: the Alipay account as the payer's), the approval and shipment of an order the marketplace
 * shipped, the refund and voiding of a closed one, the buyer's message and the seller's note. An order is imported
 * whole or not at all. An order Kontor already has (same channel and marketplace order id) is left as it is and
 * counted as unchanged: importing the same file twice creates nothing.
 */
@Component
class ImportOrderHandler implements BulkHandler {

    static final String SUBJECT = "import";

    /** The bulk job's action: place the staged order. */
    static final String COMMIT = "COMMIT";

    private final ImportRepository imports;
    private final ImportBatchChecks checks;
    private final OrderIntake intake;
    private final OrderLifecycle lifecycle;
    private final Orders orders;
    private final OrderNotes notes;
    private final Payments payments;
    private final Shipments shipments;
    private final Timeline timeline;
    private final Clock clock;

    ImportOrderHandler(
            ImportRepository imports,
            ImportBatchChecks checks,
            OrderIntake intake,
            OrderLifecycle lifecycle,
            Orders orders,
            OrderNotes notes,
            Payments payments,
            Shipments shipments,
            Timeline timeline,
            Clock clock) {
        this.imports = imports;
        this.checks = checks;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.notes = notes;
        this.payments = payments;
        this.shipments = shipments;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public String subject() {
        return SUBJECT;
    }

    @Override
    public String idsField() {
        return "importOrderIds";
    }

    @Override
    public String check(Actor actor, String action, String argument) {
        if (!COMMIT.equals(action)) {
            throw InvalidInputException.of("action", "validation.bulk.action", action);
        }
        return argument;
    }

    @Override
    public List<Long> present(List<Long> subjectIds) {
        return imports.uncommitted(subjectIds);
    }

    /** Places one staged order with its marketplace's facts, in the worker's transaction. */
    @Override
    public BulkItemStatus work(Actor actor, String action, String argument, long subjectId) {
        ImportRepository.Committable staged =
                imports.lockForCommit(subjectId).orElseThrow(() -> new NotFoundException("import", subjectId));
        ImportRow row = staged.row();
        if (row.outcome() != null) {
            return BulkItemStatus.DONE; // committed before this claim (a retried batch)
        }
        ImportChecks.Checked checked = checks.recheck(staged.batchId(), staged.channel(), row);
        if (checked.verdict() == ImportVerdict.REJECTED) {
            throw new ActionRefusedException(
                    "commit", "REJECTED", "import.refused.rejected", row.order().externalId());
        }
        PlacedOrder placed = intake.place(actor, checked.input(), false);
        Order order = placed.order();
        if (!placed.created()) {
            imports.markOutcome(subjectId, ImportOutcome.UNCHANGED, order.id(), order.number());
            return BulkItemStatus.DONE;
        }
        Actor market = Actor.system("import " + staged.batchName());
        recordFacts(market, order, row.order(), checked.carrier());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("import", staged.batchName());
        details.put("file", row.fileName());
        details.put("line", String.valueOf(row.line()));
        details.put("externalId", row.order().externalId());
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                order.id(),
                clock.instant(),
                actor.userId(),
                actor.displayName(),
                "order.imported",
                List.of(),
                null,
                details));
        imports.markOutcome(subjectId, ImportOutcome.IMPORTED, order.id(), order.number());
        return BulkItemStatus.DONE;
    }

    /** What the marketplace said happened to the order, recorded through the same verbs as by hand. */
    private void recordFacts(Actor market, Order order, StagedOrder staged, String carrier) {
        long id = order.id();
        if (staged.buyerMessage() != null) {
            notes.add(market, id, NoteKind.BUYER, staged.buyerMessage());
        }
        if (staged.note() != null) {
            notes.add(market, id, NoteKind.INTERNAL, staged.note());
        }
        MarketStatus status = staged.status() == null ? MarketStatus.UNPAID : staged.status();
        long paid = staged.paid() != null
                ? staged.paid()
                : status == MarketStatus.UNPAID ? 0 : order.total().minor();
        String method = staged.paymentMethod() != null ? staged.paymentMethod() : order.channel();
        if (paid > 0 && status != MarketStatus.UNPAID && status != MarketStatus.UNKNOWN) {
            payments.record(
                    market,
                    id,
                    new PaymentRequest(
                            PaymentKind.PAYMENT,
                            paid,
                            order.total().currency(),
                            method,
                            staged.payerAccount(),
                            staged.paidAt(),
                            PaymentState.SUCCEEDED,
                            null));
        }
        if (status == MarketStatus.SHIPPED || status == MarketStatus.COMPLETED) {
            lifecycle.act(market, id, null, OrderAction.APPROVE, null);
            if (carrier != null) {
                Order approved = orders.get(id);
                shipments.record(
                        market,
                        id,
                        new ShipmentRequest(
                                carrier,
                                staged.tracking(),
                                null,
                                approved.lines().stream()
                                        .map(l -> new ShipmentRequest.Line(l.id(), l.quantity()))
                                        .toList()));
            } else if (staged.carrier() != null || staged.tracking() != null) {
                notes.add(
                        market, id, NoteKind.SHIPPING, String.join(" ", nonNull(staged.carrier(), staged.tracking())));
            }
        }
        if (status == MarketStatus.CLOSED) {
            long refunded = staged.refunded() != null ? staged.refunded() : paid;
            if (paid > 0 && refunded > 0) {
                payments.record(
                        market,
                        id,
                        new PaymentRequest(
                                PaymentKind.REFUND,
                                Math.min(paid, refunded),
                                order.total().currency(),
                                method,
                                staged.payerAccount(),
                                null,
                                PaymentState.SUCCEEDED,
                                null));
            }
            lifecycle.act(market, id, null, OrderAction.CANCEL, "marketplace: " + staged.externalId());
        }
    }

    private static List<String> nonNull(String... values) {
        return Arrays.stream(values).filter(Objects::nonNull).toList();
    }

    @Override
    public Map<Long, String> labels(Collection<Long> subjectIds) {
        return imports.labels(subjectIds);
    }

    @Override
    public String path(long subjectId) {
        return imports.batchOf(subjectId).map(b -> "/imports/" + b).orElse("/imports");
    }

    @Override
    public Description describe(String action, String argument) {
        String name = argument == null
                ? null
                : imports.find(Long.parseLong(argument)).map(ImportBatch::name).orElse(null);
        return new Description("import.commit", name == null ? null : Message.text(name), false);
    }
}
