package dev.kontor.orders;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.aftersales.AfterSales;
import dev.kontor.aftersales.Reshipments;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.ProductInput;
import dev.kontor.catalog.VariantStatus;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.PermissionDeniedException;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Customer service's verbs: exchange a colour, add a gift, give a rebate, re-ship a lost parcel, each with its rule. */
@KontorTest
class AfterSalesTest {

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    AfterSales afterSales;

    @Autowired
    Reshipments reshipments;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Fixtures fixtures;

    Actor lina;
    Order order;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        catalog.create(
                Actor.system("test"),
                new ProductInput(
                        "SHIRT",
                        "Linen shirt",
                        List.of(
                                new ProductInput.VariantInput(
                                        "SHIRT-BLUE",
                                        Map.of("colour", "blue"),
                                        null,
                                        false,
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of("EUR", 4990L)),
                                new ProductInput.VariantInput(
                                        "SHIRT-RED",
                                        Map.of("colour", "red"),
                                        null,
                                        false,
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of("EUR", 4990L)),
                                new ProductInput.VariantInput(
                                        "SHIRT-OLD",
                                        Map.of("colour", "beige"),
                                        VariantStatus.DISCONTINUED,
                                        false,
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of("EUR", 4990L)))));
        fixtures.receive("SHIRT-BLUE", 10);
        fixtures.receive("SHIRT-RED", 5);
        order = orderIntake
                .place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT-BLUE", 4990, 2)), false)
                .order();
        order = orderLifecycle
                .act(lina, order.id(), null, OrderAction.APPROVE, null)
                .order();
    }

    private long reserved(String sku) {
        return inventory.total(catalog.variant(sku).orElseThrow().id()).reserved();
    }

    @Test
    void anExchangeMovesTheReservationToTheNewColour() {
        long line = order.lines().get(0).id();
        Order exchanged =
                afterSales.exchange(lina, order.id(), order.version(), line, "shirt-red", "wants red instead");

        assertThat(exchanged.lines().get(0).sku()).isEqualTo("SHIRT-RED");
        assertThat(exchanged.lines().get(0).attributes()).containsEntry("colour", "red");
        assertThat(exchanged.lines().get(0).unitPrice()).isEqualTo(4990);
        assertThat(reserved("SHIRT-BLUE")).isZero();
        assertThat(reserved("SHIRT-RED")).isEqualTo(2);
        assertThat(orders.timeline(lina, order.id()).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("order.exchange");
            assertThat(e.reason()).isEqualTo("wants red instead");
        });

        assertThatThrownBy(() -> afterSales.exchange(lina, order.id(), null, line, "SHIRT-OLD", "beige?"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("validation.exchange.discontinued"));
        assertThatThrownBy(() -> afterSales.exchange(lina, order.id(), order.version(), line, "SHIRT-BLUE", "x"))
                .as("a stale version")
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> afterSales.exchange(lina, order.id(), null, line, "SHIRT-BLUE", " "))
                .as("no reason")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> afterSales.exchange(
                        fixtures.user("jonas", Role.WAREHOUSE),
                        order.id(),
                        null,
                        line,
                        "SHIRT-BLUE",
                        "the warehouse may not"))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aGiftIsFreeAndARebateStaysWithinTheLimit() {
        assertThatThrownBy(() -> afterSales.addGift(lina, order.id(), null, "SOCKS", "Socks", 1, 500L, "sorry"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("price"));
        Order gifted = afterSales.addGift(lina, order.id(), null, "SHIRT-RED", null, 1, null, "sorry for the delay");
        assertThat(gifted.lines()).hasSize(2);
        assertThat(gifted.lines().get(1)).satisfies(l -> {
            assertThat(l.unitPrice()).isZero();
            assertThat(l.name()).isEqualTo("Linen shirt");
        });
        assertThat(gifted.total()).isEqualTo(order.total());
        assertThat(reserved("SHIRT-RED")).as("the gift is reserved too").isEqualTo(1);

        Order rebated =
                afterSales.rebate(lina, order.id(), null, 500L, "late delivery").order();
        assertThat(rebated.total().minor()).isEqualTo(order.total().minor() - 500);
        ActionOutcome asked = afterSales.rebate(lina, order.id(), null, 5000L, "very late");
        assertThat(asked.isPendingApproval())
                .as("over the 10 % limit: a supervisor is asked")
                .isTrue();
        assertThat(asked.approval().action()).isEqualTo("aftersales.rebate");
        assertThat(orders.get(order.id()).total()).as("nothing given yet").isEqualTo(rebated.total());
        approvals.approve(
                fixtures.user("boss", Role.SUPERVISOR), asked.approval().id(), "agreed");
        assertThat(orders.get(order.id()).total().minor())
                .isEqualTo(rebated.total().minor() - 5000);
        assertThat(orders.timeline(lina, order.id())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("order.rebate");
            assertThat(e.actorName()).isEqualTo(lina.displayName());
            assertThat(e.details()).containsEntry("approvedBy", "Boss");
        });
        assertThatThrownBy(() -> afterSales.rebate(lina, order.id(), null, 999_999L, "x"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Autowired
    dev.kontor.access.Approvals approvals;

    @Test
    void aLostParcelIsReshippedAsANewFreeApprovedOrderLinkedToItsParent() {
        Order reship = reshipments.reship(lina, order.id(), null, "parcel lost by the carrier");

        assertThat(reship.number()).isEqualTo("RE" + order.number());
        assertThat(reship.lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        assertThat(reship.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(reship.total().minor()).isZero();
        assertThat(reserved("SHIRT-BLUE")).isEqualTo(4);
        assertThat(orders.lineage(lina, order.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.relation()).isEqualTo("RESHIP"));
        assertThat(orders.lineage(lina, reship.id())).singleElement().satisfies(r -> {
            assertThat(r.relation()).isEqualTo("PARENT");
            assertThat(r.number()).isEqualTo(order.number());
        });
        assertThat(reshipments
                        .reship(lina, order.id(), List.of(order.lines().get(0).id()), "lost again")
                        .number())
                .isEqualTo("RE" + order.number() + "-2");

        Order draft = orderIntake
                .place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT-RED", 4990, 1)), true)
                .order();
        assertThatThrownBy(() -> reshipments.reship(lina, draft.id(), null, "nothing was sent"))
                .isInstanceOf(ActionRefusedException.class);
        Order cancelled = orderIntake
                .place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT-RED", 4990, 1)), false)
                .order();
        orderLifecycle.act(fixtures.user("wang.lei", Role.SUPERVISOR), cancelled.id(), null, OrderAction.CANCEL, "dup");
        assertThatThrownBy(() -> reshipments.reship(lina, cancelled.id(), null, "x"))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.reship-state"));
        assertThatThrownBy(() -> reshipments.reship(lina, order.id(), List.of(987654L), "x"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPriceChangeNeedsAReasonStaysWithinTheLimitAndNeverUndercutsWhatWasPaid() {
        long line = order.lines().get(0).id();
        long before = order.total().minor();

        Order cheaper = afterSales
                .changePrice(lina, order.id(), order.version(), line, 4790L, "price match")
                .order();
        assertThat(cheaper.lines().get(0).unitPrice()).isEqualTo(4790);
        assertThat(cheaper.total().minor()).isEqualTo(before - 400);
        assertThat(orders.timeline(lina, order.id()).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("order.price-changed");
            assertThat(e.reason()).isEqualTo("price match");
            assertThat(e.details()).containsEntry("unitPrice", "49.90 EUR → 47.90 EUR");
        });

        Order discounted = afterSales
                .changePrice(lina, order.id(), null, null, 500L, "loyal customer")
                .order();
        assertThat(discounted.content().discount()).isEqualTo(500);

        ActionOutcome asked = afterSales.changePrice(lina, order.id(), null, line, 1000L, "half price");
        assertThat(asked.isPendingApproval())
                .as("beyond the discount limit: a supervisor is asked")
                .isTrue();
        assertThat(orders.get(order.id()).lines().get(0).unitPrice()).isEqualTo(4790);
        approvals.decline(
                fixtures.user("boss2", Role.SUPERVISOR), asked.approval().id(), "too much");
        assertThat(orders.get(order.id()).lines().get(0).unitPrice()).isEqualTo(4790);
        assertThatThrownBy(() -> afterSales.changePrice(lina, order.id(), null, line, 4000L, " "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
        assertThatThrownBy(() -> afterSales.changePrice(lina, order.id(), null, line, -1L, "x"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("amount"));
        Actor boss = fixtures.user("boss", Role.SUPERVISOR);
        Order half = afterSales
                .changePrice(boss, order.id(), null, line, 2500L, "damaged box, agreed by phone")
                .order();
        assertThat(half.lines().get(0).unitPrice()).isEqualTo(2500);
        assertThat(orders.get(order.id()).lines().get(0).unitPrice()).isEqualTo(2500);
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void overTheApiARebateBeyondTheLimitIsAnApprovalRequest() {
        dev.kontor.support.Api api = new dev.kontor.support.Api(port).bearer(fixtures.token(lina));
        dev.kontor.support.Api.Response asked =
                api.post("/api/orders/" + order.id() + "/rebates", Map.of("amount", 5000, "reason", "very late"));
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.header("Location")).startsWith("/api/approvals/");
        assertThat(asked.json().get("action").asString()).isEqualTo("aftersales.rebate");
        dev.kontor.support.Api.Response small =
                api.post("/api/orders/" + order.id() + "/rebates", Map.of("amount", 100, "reason", "sorry"));
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.json().get("number").asString()).isEqualTo(order.number());
    }
}
