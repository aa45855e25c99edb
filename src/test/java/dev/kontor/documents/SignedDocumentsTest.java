package dev.kontor.documents;

import java.nio.charset.StandardCharsets;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed 003's 到单: approved only once the signed order document is back; voided only after its arrival is cancelled. */
@KontorTest
class SignedDocumentsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    Orders orders;

    @Autowired
    SignedDocuments signed;

    Actor admin;

    @AfterEach
    void nobodyNeedsItAgain() {
        if (admin != null) {
            signed.require(admin, "", false);
        }
    }

    @Test
    void theRulesOnTheirOwn() {
        assertThat(SignedDocumentRules.required("MANUAL", false, "MANUAL, EBAY", false))
                .isTrue();
        assertThat(SignedDocumentRules.required("TAOBAO", false, "MANUAL", false))
                .isFalse();
        assertThat(SignedDocumentRules.required("TAOBAO", true, "", true)).isTrue();
        assertThat(SignedDocumentRules.check(OrderAction.APPROVE, true, false)).isPresent();
        assertThat(SignedDocumentRules.check(OrderAction.APPROVE, true, true)).isEmpty();
        assertThat(SignedDocumentRules.check(OrderAction.CANCEL, false, true)).isPresent();
        assertThat(SignedDocumentRules.check(OrderAction.HOLD, true, false)).isEmpty();
    }

    @Test
    void anOrderWaitsForItsSignedDocumentAndIsVoidedOnlyAfterTheArrivalIsCancelled() {
        admin = fixtures.user("ada");
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Actor boss = fixtures.user("wang.lei", Role.SUPERVISOR);
        signed.require(admin, "MANUAL", false);
        Order order = intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT", 2990, 1)), false)
                .order();
        Order other = intake.place(lina, Fixtures.input("EBAY", "E-77", Fixtures.line("SHIRT", 2990, 1)), false)
                .order();
        assertThat(signed.of(lina, order.id()).required()).isTrue();

        assertThatThrownBy(() -> lifecycle.act(lina, order.id(), null, OrderAction.APPROVE, null))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.signed-document-missing"));
        lifecycle.act(lina, other.id(), null, OrderAction.APPROVE, null);
        assertThat(orders.get(other.id()).lifecycle())
                .as("another channel needs nothing")
                .isEqualTo(LifecycleStatus.APPROVED);

        assertThatThrownBy(() ->
                        signed.arrive(lina, order.id(), "scan.exe", "MZ\u0090".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("validation.signed.type"));
        signed.arrive(lina, order.id(), "signed.pdf", "%PDF-1.7 signed".getBytes(StandardCharsets.US_ASCII));
        assertThat(signed.scan(lina, order.id()).orElseThrow().fileName()).isEqualTo("signed.pdf");
        assertThatThrownBy(() ->
                        signed.arrive(lina, order.id(), "again.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ActionRefusedException.class);
        lifecycle.act(lina, order.id(), null, OrderAction.APPROVE, null);
        assertThat(orders.get(order.id()).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);

        assertThatThrownBy(() -> lifecycle.act(boss, order.id(), null, OrderAction.CANCEL, "customer withdrew"))
                .isInstanceOfSatisfying(
                        ActionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("order.refused.signed-document-arrived"));
        assertThatThrownBy(() -> signed.cancel(lina, order.id(), " ")).isInstanceOf(InvalidInputException.class);
        signed.cancel(lina, order.id(), "customer withdrew");
        lifecycle.act(boss, order.id(), null, OrderAction.CANCEL, "customer withdrew");
        assertThat(orders.get(order.id()).lifecycle()).isEqualTo(LifecycleStatus.CANCELLED);
        assertThat(orders.timeline(lina, order.id()))
                .extracting(e -> e.action())
                .contains("document.signed-arrived", "document.signed-cancelled");
    }
}
