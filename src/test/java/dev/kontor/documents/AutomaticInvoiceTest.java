package dev.kontor.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice Kontor issues by itself, at the moment an admin chose, once however often the event comes. */
@KontorTest
class AutomaticInvoiceTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    Orders orders;

    @Autowired
    Documents documents;

    @Autowired
    DocumentPolicy policy;

    @Autowired
    DocumentIssuing issuing;

    Actor admin;

    @AfterEach
    void byHandAgain() {
        policy.setInvoiceOn(admin, DocumentSettings.InvoiceOn.NEVER);
    }

    private List<Document> invoicesAfterAWhile(long orderId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        List<Document> invoices = List.of();
        while (Instant.now().isBefore(until)) {
            invoices = documents.ofOrder(admin, orderId).stream()
                    .filter(d -> d.kind() == DocumentKind.INVOICE)
                    .toList();
            if (!invoices.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        return invoices;
    }

    @Test
    void theFirstShipmentIssuesTheInvoiceOnce() throws Exception {
        admin = fixtures.user("ada");
        Actor jonas = fixtures.user("jonas", Role.WAREHOUSE);
        assertThat(policy.invoiceOn()).isEqualTo(DocumentSettings.InvoiceOn.NEVER);
        policy.setInvoiceOn(admin, DocumentSettings.InvoiceOn.SHIPMENT);

        Order order = fixtures.order(admin, false);
        lifecycle.act(admin, order.id(), null, OrderAction.APPROVE, null);
        Thread.sleep(300);
        assertThat(documents.ofOrder(admin, order.id()))
                .as("approval is not the moment chosen")
                .isEmpty();

        fixtures.ship(jonas, order.id());
        List<Document> invoices = invoicesAfterAWhile(order.id());
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).issuedBy()).startsWith("Kontor (invoice on shipment");
        assertThat(invoices.get(0).total()).isEqualTo(order.total().minor());

        assertThat(issuing.invoiceAutomatically(order.id(), DocumentSettings.InvoiceOn.SHIPMENT))
                .as("the same event again issues nothing")
                .isEmpty();
        assertThat(orders.timeline(admin, order.id()))
                .filteredOn(e -> e.action().equals("document.issued"))
                .hasSize(1);
    }

    @Autowired
    TransactionTemplate transaction;

    @Test
    void ordersApprovedTogetherAreEachInvoicedAsOneApprovedAlone() throws Exception {
        admin = fixtures.user("ada");
        policy.setInvoiceOn(admin, DocumentSettings.InvoiceOn.APPROVAL);
        Order first = fixtures.order(admin, false);
        Order second = fixtures.order(admin, false);

        transaction.executeWithoutResult(s -> lifecycle.approveAll(admin, List.of(first.id(), second.id())));

        assertThat(invoicesAfterAWhile(first.id()))
                .singleElement()
                .satisfies(d -> assertThat(d.issuedBy()).startsWith("Kontor (invoice on approval"));
        assertThat(invoicesAfterAWhile(second.id())).hasSize(1);
    }

    @Test
    void anOrderApprovedAloneIsInvoicedOnceAndItsLaterMovesIssueNothing() throws Exception {
        admin = fixtures.user("ada");
        policy.setInvoiceOn(admin, DocumentSettings.InvoiceOn.APPROVAL);
        Order order = fixtures.order(admin, false);

        lifecycle.act(admin, order.id(), null, OrderAction.APPROVE, null);
        assertThat(invoicesAfterAWhile(order.id()))
                .singleElement()
                .satisfies(d -> assertThat(d.issuedBy()).startsWith("Kontor (invoice on approval"));

        lifecycle.act(admin, order.id(), null, OrderAction.HOLD, "customer asked to wait");
        lifecycle.act(admin, order.id(), null, OrderAction.RELEASE, null);
        Thread.sleep(300);
        assertThat(documents.ofOrder(admin, order.id()))
                .as("released back to approved is not a new approval")
                .hasSize(1);
    }
}
