package dev.kontor.customers;

import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.fulfillment.ShipmentRequest;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.fulfillment.WarehouseQueue;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderLifecycleChanged;
import dev.kontor.orders.OrderPlaced;
import dev.kontor.orders.Orders;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.Payments;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Address;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.PermissionDeniedException;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.timeline.TimelineEntry;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderLists;
import dev.kontor.workbench.OrderSort;
import dev.kontor.workbench.OrderSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed 001's blacklist: a fraudster's orders turn red and do not ship; a new order from them, or from their phone,
 * e-mail or Alipay account under another name, is held; only a supervisor lifts it.
 */
@KontorTest
@RecordApplicationEvents
class BlacklistTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    Blacklist blacklist;

    @Autowired
    Orders orders;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLists orderLists;

    @Autowired
    Payments payments;

    @Autowired
    Shipments shipments;

    @Autowired
    WarehouseQueue queue;

    @Autowired
    Fixtures fixtures;

    Actor lina;
    Actor wang;
    Actor ingrid;
    Actor jonas;
    Order first;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        wang = fixtures.user("wang.lei", Role.SUPERVISOR);
        ingrid = fixtures.user("ingrid", Role.FINANCE);
        jonas = fixtures.user("jonas", Role.WAREHOUSE);
        first = order(customer("骗子", "fraud@example.cn", "+86 139 0000 0001", "fraud@163.com"));
        first = orderLifecycle
                .act(wang, first.id(), null, OrderAction.APPROVE, null)
                .order();
        payments.record(
                ingrid,
                first.id(),
                new PaymentRequest(
                        PaymentKind.PAYMENT, first.total().minor(), "CNY", "ALIPAY", null, null, null, null));
    }

    private static CustomerDetails customer(String name, String email, String phone, String alipay) {
        return CustomerDetails.of(
                CustomerKind.PERSON, name, null, "CN", "zh_CN", email, phone, null, alipay, "Alipay", address(name));
    }

    /** Everyone lives at the same place but the innocent Wang Wu (the fraudster's address is marked too). */
    private static Address address(String name) {
        return name.equals("王五") || name.equals("王六")
                ? new Address(name, null, "南京路 1 号", null, "200001", "上海", null, "CN", null)
                : Fixtures.address(name, "CN");
    }

    private Order order(CustomerDetails customer) {
        OrderInput base = Fixtures.input("TAOBAO", "TB" + System.nanoTime(), Fixtures.line("GADGET", 9900, 1));
        return orderIntake
                .place(
                        lina,
                        AnOrder.from(base.channel())
                                .externalId(base.externalId())
                                .customer(OrderInput.CustomerChoice.create(customer))
                                .shippingAddress(address(customer.name()))
                                .currency("CNY")
                                .lines(base.lines())
                                .shipping(0L)
                                .paymentMethod("ALIPAY")
                                .build(),
                        false)
                .order();
    }

    private List<OrderSummary> flagged() {
        return orderLists
                .list(wang, OrderFilter.all().flagged(), OrderSort.PLACED, true, null, 50)
                .items();
    }

    @Test
    void aBlacklistedCustomersOrdersTurnRedDoNotShipAndNewOnesAreHeld() {
        long customerId = first.content().customerId();
        blacklist.add(lina, customerId, "chargeback fraud, three cards", Blacklist.Scope.EVERYTHING);

        assertThat(flagged()).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(first.id());
            assertThat(o.flagged()).isTrue();
        });
        assertThat(orders.flagReason(first.id())).contains("chargeback fraud, three cards");
        assertThat(orders.timeline(wang, first.id()).get(0).action()).isEqualTo("order.flagged");
        assertThat(queue.view(jonas, null, null).entries()).isEmpty();
        assertThatThrownBy(() -> shipments.record(
                        jonas,
                        first.id(),
                        new ShipmentRequest(
                                "SF",
                                null,
                                null,
                                List.of(new ShipmentRequest.Line(
                                        first.lines().get(0).id(), 1)))))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.blacklisted"));

        Order again = order(customer("骗子", "fraud@example.cn", "+86 139 0000 0001", "fraud@163.com"));
        assertThat(again.lifecycle()).isEqualTo(LifecycleStatus.ON_HOLD);
        assertThat(again.holdReason()).contains("chargeback fraud");
        assertThat(again.version()).as("written once, already flagged and held").isZero();
        assertThat(orders.timeline(wang, again.id()))
                .extracting(TimelineEntry::action)
                .containsExactly("order.hold", "order.flagged", "order.created");
        assertThat(events.stream(OrderPlaced.class).filter(e -> e.orderId() == again.id()))
                .as("announced once, on hold")
                .singleElement()
                .extracting(OrderPlaced::lifecycle)
                .isEqualTo(LifecycleStatus.ON_HOLD);
        assertThat(events.stream(OrderLifecycleChanged.class).filter(e -> e.orderId() == again.id()))
                .isEmpty();

        Order otherName = order(customer("李四", "new@example.cn", "+86 137 1111 2222", "fraud@163.com"));
        assertThat(otherName.lifecycle())
                .as("the same Alipay account under another name")
                .isEqualTo(LifecycleStatus.ON_HOLD);
        Order samePhoneWrittenNationally =
                order(customer("王六", "wangliu@example.cn", "139 0000 0001", "wangliu@163.com"));
        assertThat(samePhoneWrittenNationally.lifecycle())
                .as("the marked +86 139 0000 0001, written without +86 and at another address")
                .isEqualTo(LifecycleStatus.ON_HOLD);
        Order innocent = order(customer("王五", "wangwu@example.cn", "+86 137 3333 4444", "wangwu@163.com"));
        assertThat(innocent.lifecycle()).isEqualTo(LifecycleStatus.NEW);
        assertThat(flagged()).hasSize(4);

        assertThatThrownBy(() -> blacklist.lift(lina, customerId, "paid back"))
                .as("only a supervisor lifts it")
                .isInstanceOf(PermissionDeniedException.class);
        blacklist.lift(wang, customerId, "chargebacks withdrawn");
        assertThat(flagged()).isEmpty();
        assertThat(orders.timeline(wang, first.id()).get(0).action()).isEqualTo("order.unflagged");
        shipments.record(
                jonas,
                first.id(),
                new ShipmentRequest(
                        "SF",
                        null,
                        null,
                        List.of(new ShipmentRequest.Line(first.lines().get(0).id(), 1))));
    }

    @Test
    void blacklistingNeedsAReasonAndTheRight() {
        long customerId = first.content().customerId();
        assertThatThrownBy(() -> blacklist.add(lina, customerId, "  ", Blacklist.Scope.CUSTOMER_ONLY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
        assertThatThrownBy(() -> blacklist.add(jonas, customerId, "looks odd", Blacklist.Scope.CUSTOMER_ONLY))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(flagged()).isEmpty();
        assertThat(blacklist.of(customerId)).isEmpty();
    }
}
