package dev.kontor.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.kontor.crm.Pipelines;
import dev.kontor.crm.Stage;
import dev.kontor.crm.StageMoves;
import dev.kontor.crm.StageOutcome;
import dev.kontor.fulfillment.ShipmentRequest;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderEditing;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.OrderOrganising;
import dev.kontor.orders.Orders;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.Payments;
import dev.kontor.shared.Names;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.PermissionDeniedException;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole permission matrix, through the services on PostgreSQL: each role, each action, in each state
 * where the order's own rules would allow the action, on an order the user is responsible for ("own") and
 * on someone else's. The expected table below is written from the rules, not from AccessPolicy.
 */
@KontorTest
class AccessMatrixTest {

    /** What should happen. */
    enum Expect {
        ALLOWED,
        APPROVAL,
        REFUSED
    }

    private static final Expect Y = Expect.ALLOWED;
    private static final Expect A = Expect.APPROVAL;
    private static final Expect N = Expect.REFUSED;

    /** A situation to try an action in: the order is prepared by someone else, then the role acts. */
    enum Case {
        SUBMIT_DRAFT,
        APPROVE_NEW,
        HOLD_NEW,
        RELEASE_HELD,
        CANCEL_NEW,
        CANCEL_MONEY_RECEIVED,
        COMPLETE_DONE,
        DELETE_DRAFT,
        EDIT_NEW,
        EDIT_NEW_BIG_DISCOUNT,
        EDIT_APPROVED,
        RECORD_PAYMENT,
        RECORD_REFUND,
        SHIP_APPROVED,
        ADD_NOTE,
        RECEIVE_NEW,
        CANCEL_RECEIVED,
        STAGE_MOVE,
        STAGE_LEAVE_SALES_ONLY
    }

    private static final List<Case> CASES = List.of(Case.values());

    /**
     * Expected verdicts, one row per role (own order | someone else's order), columns in {@link Case} order:
     * SUBMIT APPROVE HOLD RELEASE CANCEL CANCEL$ COMPLETE DELETE EDIT EDIT% EDIT-APPROVED PAY REFUND SHIP NOTE
     * RECEIVE CANCEL-RECEIVED (void an order the order desk received: sales need approval, seed 003) STAGE (move a new
     * order to another stage of its state) STAGE-OUT (out of a "Negotiation" stage only sales may leave).
     * Sales do not even see others' orders, so every action there is refused.
     */
    private static final Map<String, List<Expect>> TABLE = Map.ofEntries(
            Map.entry("SALES own", List.of(Y, Y, Y, Y, Y, A, N, Y, Y, A, A, N, N, N, Y, N, A, Y, Y)),
            Map.entry("SALES other", List.of(N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N)),
            Map.entry("CUSTOMER_SERVICE own", List.of(Y, Y, Y, Y, A, A, Y, Y, Y, A, A, N, N, N, Y, Y, A, Y, N)),
            Map.entry("CUSTOMER_SERVICE other", List.of(Y, Y, Y, Y, A, A, Y, Y, Y, A, A, N, N, N, Y, Y, A, Y, N)),
            Map.entry("SUPERVISOR own", List.of(Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, N, N, N, Y, Y, Y, Y, N)),
            Map.entry("SUPERVISOR other", List.of(Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, N, N, N, Y, Y, Y, Y, N)),
            Map.entry("FINANCE own", List.of(N, N, Y, Y, N, N, Y, N, N, N, N, Y, Y, N, Y, N, N, N, N)),
            Map.entry("FINANCE other", List.of(N, N, Y, Y, N, N, Y, N, N, N, N, Y, Y, N, Y, N, N, N, N)),
            Map.entry("WAREHOUSE own", List.of(N, N, N, N, N, N, N, N, N, N, N, N, N, Y, Y, N, N, N, N)),
            Map.entry("WAREHOUSE other", List.of(N, N, N, N, N, N, N, N, N, N, N, N, N, Y, Y, N, N, N, N)),
            Map.entry("PURCHASING own", List.of(N, N, N, N, N, N, N, N, N, N, N, N, N, N, Y, N, N, N, N)),
            Map.entry("PURCHASING other", List.of(N, N, N, N, N, N, N, N, N, N, N, N, N, N, Y, N, N, N, N)),
            Map.entry("ADMIN own", List.of(N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N)),
            Map.entry("ADMIN other", List.of(N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N)));

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        TABLE.forEach((row, expectations) -> {
            String[] parts = row.split(" ");
            for (int i = 0; i < CASES.size(); i++) {
                cells.add(Arguments.of(
                        Role.valueOf(parts[0]), parts[1].equals("own"), CASES.get(i), expectations.get(i)));
            }
        });
        return cells.stream();
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    OrderEditing orderEditing;

    @Autowired
    OrderNotes orderNotes;

    @Autowired
    OrderOrganising orderOrganising;

    @Autowired
    Payments payments;

    @Autowired
    Shipments shipments;

    @Autowired
    Pipelines pipelines;

    @Autowired
    StageMoves stageMoves;

    /** The default pipeline's "Qualified" and "Negotiation" (only sales may move an order out), for the stage cases. */
    private Stage qualified;

    private Stage negotiation;

    @ParameterizedTest(name = "{0}, own order {1}: {2} → {3}")
    @MethodSource("matrix")
    void eachRoleMayDoWhatTheRulesSayOnOwnAndOthersOrders(Role role, boolean own, Case situation, Expect expected) {
        Actor preparer = fixtures.user("preparer");
        Actor user = fixtures.user("tried", role);
        Order order = prepare(preparer, own ? user : preparer, situation);
        assertThat(attempt(user, order, situation)).isEqualTo(expected);
    }

    private Order prepare(Actor preparer, Actor responsible, Case situation) {
        OrderInput input = Fixtures.input("MANUAL", null, Fixtures.line("SHIRT", 5000, 2));
        input = AnOrder.from(input.channel())
                .customer(input.customer())
                .shippingAddress(input.shippingAddress())
                .lines(input.lines())
                .shipping(0L)
                .paymentMethod(null)
                .responsible(responsible.userId())
                .build();
        boolean draft = situation == Case.SUBMIT_DRAFT || situation == Case.DELETE_DRAFT;
        Order order = orderIntake.place(preparer, input, draft).order();
        long id = order.id();
        switch (situation) {
            case RELEASE_HELD -> order = act(preparer, id, OrderAction.HOLD, "wait");
            case CANCEL_MONEY_RECEIVED -> {
                pay(preparer, id, PaymentKind.PAYMENT, 10000);
                order = pay(preparer, id, PaymentKind.REFUND, 10000);
            }
            case COMPLETE_DONE -> {
                act(preparer, id, OrderAction.APPROVE, null);
                pay(preparer, id, PaymentKind.PAYMENT, 10000);
                order = ship(preparer, id);
            }
            case EDIT_APPROVED, SHIP_APPROVED, RECORD_PAYMENT -> order = act(preparer, id, OrderAction.APPROVE, null);
            case CANCEL_RECEIVED -> order = orderOrganising.receive(preparer, id, null);
            case STAGE_MOVE, STAGE_LEAVE_SALES_ONLY -> {
                Actor admin = fixtures.user("stages", Role.ADMIN);
                qualified = pipelines.addStage(admin, 1, stage("Qualified", Set.of()));
                negotiation = pipelines.addStage(admin, 1, stage("Negotiation", Set.of(Role.SALES)));
                if (situation == Case.STAGE_LEAVE_SALES_ONLY) {
                    stageMoves.move(preparer, id, new StageMoves.Move(null, negotiation.id(), null, null));
                }
            }
            case RECORD_REFUND -> {
                act(preparer, id, OrderAction.APPROVE, null);
                order = pay(preparer, id, PaymentKind.PAYMENT, 10000);
            }
            default -> {}
        }
        return order;
    }

    private Expect attempt(Actor user, Order order, Case situation) {
        long id = order.id();
        try {
            ActionOutcome outcome = switch (situation) {
                case SUBMIT_DRAFT -> orderLifecycle.act(user, id, null, OrderAction.SUBMIT, null);
                case APPROVE_NEW -> orderLifecycle.act(user, id, null, OrderAction.APPROVE, null);
                case HOLD_NEW -> orderLifecycle.act(user, id, null, OrderAction.HOLD, "question");
                case RELEASE_HELD -> orderLifecycle.act(user, id, null, OrderAction.RELEASE, null);
                case RECEIVE_NEW -> {
                    orderOrganising.receive(user, id, null);
                    yield null;
                }
                case CANCEL_NEW, CANCEL_MONEY_RECEIVED, CANCEL_RECEIVED ->
                    orderLifecycle.act(user, id, null, OrderAction.CANCEL, "customer asked");
                case COMPLETE_DONE -> orderLifecycle.act(user, id, null, OrderAction.COMPLETE, null);
                case DELETE_DRAFT -> orderLifecycle.act(user, id, null, OrderAction.DELETE, null);
                case EDIT_NEW, EDIT_APPROVED -> orderEditing.edit(user, id, null, edited(order, 0L));
                case EDIT_NEW_BIG_DISCOUNT -> orderEditing.edit(user, id, null, edited(order, 2500L));
                case RECORD_PAYMENT -> {
                    payments.record(
                            user,
                            id,
                            new PaymentRequest(PaymentKind.PAYMENT, 1000L, "EUR", "CARD", null, null, null, null));
                    yield null;
                }
                case RECORD_REFUND -> {
                    payments.record(
                            user,
                            id,
                            new PaymentRequest(PaymentKind.REFUND, 1000L, "EUR", "CARD", null, null, null, null));
                    yield null;
                }
                case SHIP_APPROVED -> {
                    shipments.record(
                            user,
                            id,
                            new ShipmentRequest(
                                    "DHL",
                                    null,
                                    null,
                                    List.of(new ShipmentRequest.Line(
                                            order.lines().get(0).id(), 1))));
                    yield null;
                }
                case ADD_NOTE -> {
                    orderNotes.add(user, id, NoteKind.INTERNAL, "hello");
                    yield null;
                }
                case STAGE_MOVE, STAGE_LEAVE_SALES_ONLY -> {
                    stageMoves.move(user, id, new StageMoves.Move(null, qualified.id(), null, null));
                    yield null;
                }
            };
            return outcome != null && outcome.isPendingApproval() ? Expect.APPROVAL : Expect.ALLOWED;
        } catch (PermissionDeniedException | NotFoundException e) {
            return Expect.REFUSED;
        }
    }

    private static Pipelines.StageInput stage(String name, Set<Role> leaveRoles) {
        return new Pipelines.StageInput(
                Names.of(name),
                "#6b7280",
                LifecycleStatus.NEW,
                StageOutcome.OPEN,
                Set.of(),
                leaveRoles,
                Set.of(),
                Set.of());
    }

    /** The order's content again, one more unit, with an order discount. */
    private static OrderInput edited(Order order, long discount) {
        var c = order.content();
        return AnOrder.from(order.channel())
                .customer(OrderInput.CustomerChoice.existing(c.customerId()))
                .shippingAddress(c.shippingAddress())
                .currency(c.currency())
                .pricesIncludeTax(c.pricesIncludeTax())
                .lines(Fixtures.line("SHIRT", 5000, 3))
                .shipping(0L)
                .discount(discount)
                .paymentMethod(null)
                .tags(c.tags())
                .responsible(c.responsibleId())
                .observers(c.observerIds())
                .build();
    }

    private Order act(Actor actor, long id, OrderAction action, String reason) {
        return orderLifecycle.act(actor, id, null, action, reason).order();
    }

    private Order pay(Actor actor, long id, PaymentKind kind, long amount) {
        payments.record(actor, id, new PaymentRequest(kind, amount, "EUR", "CARD", null, null, null, null));
        return orders.get(id);
    }

    private Order ship(Actor actor, long id) {
        Order order = orders.get(id);
        shipments.record(
                actor,
                id,
                new ShipmentRequest(
                        "DHL",
                        null,
                        null,
                        order.lines().stream()
                                .map(l -> new ShipmentRequest.Line(l.id(), l.openQuantity()))
                                .toList()));
        return orders.get(id);
    }
}
