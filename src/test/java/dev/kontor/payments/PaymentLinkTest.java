package dev.kontor.payments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.Reservations;
import dev.kontor.documents.MailStatus;
import dev.kontor.documents.jobs.MailSenderJob;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.payments.jobs.PaymentReconciler;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MailBox;
import dev.kontor.support.MutableClock;
import dev.kontor.support.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Selling by hand: draft → invoice e-mail (caught by GreenMail) → the customer pays through the link → an
 * approved, numbered, paid order. And everything that must not happen: paying twice, paying for goods that are
 * gone, paying through an expired or closed link, an invoice lost while the mail server is down.
 */
@KontorTest
class PaymentLinkTest {

    @RegisterExtension
    static GreenMailExtension smtp = MailBox.server();

    static final String OK_CARD = "4242 4242 4242 4242";

    @Autowired
    PaymentLinks links;

    @Autowired
    Checkouts checkouts;

    @Autowired
    Payments payments;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    Inventory inventory;

    @Autowired
    Reservations reservations;

    @Autowired
    MailSenderJob mailSender;

    @Autowired
    PaymentReconciler reconciler;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Actor sven;
    Actor ingrid;

    @BeforeEach
    void setUp() {
        sven = fixtures.user("sven", Role.SALES);
        ingrid = fixtures.user("ingrid", Role.FINANCE);
        fixtures.product("TEE", false, "TEE-S", "TEE-M");
        fixtures.receive("TEE-S", 5);
    }

    /** A draft for Jana (German, e-mail jana@example.de): two T-shirts at 29.90 plus 4.90 shipping. */
    private Order draft(int quantity) {
        return orderIntake
                .place(sven, Fixtures.input("MANUAL", null, Fixtures.line("TEE-S", 2990, quantity)), true)
                .order();
    }

    private static Checkout.Input card(String number) {
        return new Checkout.Input(null, Checkouts.AGREED_SHIPPING, "test-card", Map.of("cardNumber", number));
    }

    private String token(PaymentLink link) {
        return link.token();
    }

    private long paymentRows(long orderId) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE order_id = :id")
                .param("id", orderId)
                .query(Long.class)
                .single();
    }

    @Test
    void invoiceMailInTheCustomersLanguageCarriesALinkThatPaysTheDraft() throws Exception {
        Order draft = draft(2);
        PaymentLink link = links.sendInvoice(sven, draft.id());
        assertThat(link.token()).as("256 random bits, base64url").hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(link.expiresAt()).isAfter(clock.instant().plus(Duration.ofDays(29)));

        mailSender.run();
        List<MailBox.Received> mails = MailBox.read(smtp);
        assertThat(mails).hasSize(1);
        MailBox.Received invoice = mails.get(0);
        assertThat(invoice.to()).isEqualTo("jana@example.de");
        assertThat(invoice.subject()).as("German customer, German mail").contains("Ihr Auftrag " + draft.number());
        assertThat(invoice.text()).contains("Item TEE-S").contains("64,70");
        assertThat(invoice.payLink()).endsWith("/pay/" + link.token());

        Checkout.Result result = checkouts.pay(link.token(), card(OK_CARD));
        assertThat(result.state()).isEqualTo(PaymentState.SUCCEEDED);

        Order order = orders.get(draft.id());
        assertThat(order.lifecycle()).as("the draft became an approved order").isEqualTo(LifecycleStatus.APPROVED);
        assertThat(order.number()).as("numbered in its channel").startsWith("SO-");
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(inventory.holdingsOf(order.id())).singleElement().satisfies(h -> {
            assertThat(h.reserved()).isEqualTo(2);
            assertThat(h.expiresAt()).as("the reservation is permanent").isNull();
        });
        assertThat(checkouts.view(link.token())).isInstanceOf(Checkout.Done.class);
        assertThat(orders.timeline(sven, order.id()))
                .extracting(e -> e.action())
                .contains(
                        "invoice.sent",
                        "order.checkout",
                        "payment.started",
                        "payment.settled",
                        "order.submit",
                        "order.approve");

        dev.kontor.support.Outbox.awaitDelivered(jdbc); // the confirmation follows once the payment committed
        mailSender.run();
        assertThat(MailBox.read(smtp)).hasSize(2).last().satisfies(confirmation -> {
            assertThat(confirmation.subject()).contains("Zahlung für Auftrag " + order.number());
            assertThat(confirmation.text()).contains(order.number());
        });
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) smtp.getReceivedMessages()[1].getContent();
        String attached = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getFileName() != null) {
                attached = parts.getBodyPart(i).getFileName();
            }
        }
        assertThat(attached).as("the order confirmation PDF goes with the mail").matches("AB-\\d{4}-\\d{6}\\.pdf");

        assertThatThrownBy(() -> checkouts.pay(link.token(), card(OK_CARD)))
                .as("a retried request after success")
                .isInstanceOf(ActionRefusedException.class)
                .hasFieldOrPropertyWithValue("reason", "pay.refused.used");
        assertThat(paymentRows(order.id())).isEqualTo(1);
    }

    @Test
    void aDeclinedCardLeavesTheDraftADraftAndTheLinkUsable() {
        Order draft = draft(1);
        PaymentLink link = links.sendInvoice(sven, draft.id());

        Checkout.Result declined = checkouts.pay(link.token(), card("4000 0000 0000 0002"));

        assertThat(declined.state()).isEqualTo(PaymentState.FAILED);
        assertThat(declined.messageKey()).isEqualTo("pay.card.declined");
        Order after = orders.get(draft.id());
        assertThat(after.lifecycle()).isEqualTo(LifecycleStatus.DRAFT);
        assertThat(after.number()).isEqualTo(draft.number());
        assertThat(after.paymentStatus()).isEqualTo(PaymentStatus.UNPAID);
        assertThat(checkouts.view(link.token())).isInstanceOf(Checkout.Open.class);

        assertThat(checkouts.pay(link.token(), card(OK_CARD)).state())
                .as("another card then works")
                .isEqualTo(PaymentState.SUCCEEDED);
        assertThat(orders.get(draft.id()).paymentStatus()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void bankTransferWaitsAsPaymentPendingUntilFinanceRecordsTheMoney() {
        Order draft = draft(1);
        PaymentLink link = links.sendInvoice(sven, draft.id());

        Checkout.Result result =
                checkouts.pay(link.token(), new Checkout.Input(null, "DHL_EXPRESS", "bank-transfer", Map.of()));

        assertThat(result.state()).isEqualTo(PaymentState.PENDING);
        Order waiting = orders.get(draft.id());
        assertThat(waiting.lifecycle())
                .as("an order now, waiting for its money")
                .isEqualTo(LifecycleStatus.NEW);
        assertThat(waiting.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(waiting.content().shipping())
                .as("the customer chose DHL Express")
                .isEqualTo(1490);
        assertThat(checkouts.view(link.token()))
                .isInstanceOfSatisfying(
                        Checkout.Open.class,
                        open -> assertThat(open.attempt().reference()).isEqualTo(draft.number()));

        Payment pending = payments.of(ingrid, draft.id()).get(0);
        payments.settle(ingrid, draft.id(), pending.id(), PaymentState.SUCCEEDED);

        Order paid = orders.get(draft.id());
        assertThat(paid.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        assertThat(checkouts.view(link.token())).isInstanceOf(Checkout.Done.class);
    }

    @Test
    void twoConcurrentPaymentsOnOneLinkMakeOneOrderAndOnePayment() throws Exception {
        Order draft = draft(2);
        String token = links.sendInvoice(sven, draft.id()).token();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return checkouts.pay(token, card(OK_CARD));
                } catch (ActionRefusedException e) {
                    return e.reason();
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE order_id = :id AND state = 'SUCCEEDED'")
                        .param("id", draft.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(paymentRows(draft.id()))
                .as("no second attempt was even started")
                .isEqualTo(1);
        Order order = orders.get(draft.id());
        assertThat(order.paid()).isEqualTo(order.total().minor());
        assertThat(jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single())
                .isEqualTo(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Checkout.Result r && r.messageKey() == null)
                .hasSize(1);
    }

    @Test
    void whenTheGoodsAreGoneTheCustomerSeesWhichItemAndNothingIsCharged() {
        Order draft = draft(5);
        PaymentLink link = links.sendInvoice(sven, draft.id());
        clock.advance(Duration.ofDays(7));
        reservations.releaseExpired(Actor.system("test"), 100); // the draft's hold ran out…
        Order other = orderIntake
                .place(sven, Fixtures.input("MANUAL", null, Fixtures.line("TEE-S", 2990, 4)), false)
                .order();
        orderLifecycle.act(sven, other.id(), null, OrderAction.APPROVE, null); // …and another order took 4 of the 5

        assertThatThrownBy(() -> checkouts.pay(link.token(), card(OK_CARD)))
                .isInstanceOfSatisfying(ActionRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("stock.refused.out-of-stock");
                    assertThat(e.args()).containsExactly("TEE-S", 1, 5);
                });
        assertThat(paymentRows(draft.id())).isZero();
        assertThat(orders.get(draft.id()).lifecycle()).isEqualTo(LifecycleStatus.DRAFT);
        assertThat(inventory.holdingsOf(draft.id()))
                .as("the failed checkout holds nothing")
                .isEmpty();
    }

    @Test
    void anExpiredLinkShowsNothingAndTakesNothing() {
        Order draft = draft(1);
        PaymentLink link = links.sendInvoice(sven, draft.id());
        clock.advance(Duration.ofDays(31));

        assertThat(checkouts.view(link.token())).isInstanceOf(Checkout.Expired.class);
        assertThat(checkouts.view("no-such-token")).isInstanceOf(Checkout.Unknown.class);
        assertThatThrownBy(() -> checkouts.pay(link.token(), card(OK_CARD)))
                .hasFieldOrPropertyWithValue("reason", "pay.refused.expired");
        assertThat(paymentRows(draft.id())).isZero();

        PaymentLink fresh = links.sendInvoice(sven, draft.id());
        assertThat(fresh.token()).as("sending again makes a new link").isNotEqualTo(link.token());
        assertThat(checkouts.view(link.token())).isInstanceOf(Checkout.Closed.class);
        assertThat(checkouts.view(fresh.token())).isInstanceOf(Checkout.Open.class);
    }

    @Test
    void moneyRecordedByFinanceClosesTheLinkWhichThenSaysTheOrderIsPaid() {
        Order draft = draft(1);
        PaymentLink link = links.sendInvoice(sven, draft.id());

        payments.record(
                ingrid,
                draft.id(),
                new PaymentRequest(
                        PaymentKind.PAYMENT,
                        draft.total().minor(),
                        "EUR",
                        "ALIPAY",
                        "2026112322001",
                        null,
                        null,
                        null));

        Outbox.awaitDelivered(jdbc);
        assertThat(checkouts.view(link.token()))
                .isInstanceOfSatisfying(
                        Checkout.Closed.class,
                        closed -> assertThat(closed.reasonKey()).isEqualTo("payment-link.closed.paid-otherwise"));
        assertThatThrownBy(() -> checkouts.pay(link.token(), card(OK_CARD)))
                .hasFieldOrPropertyWithValue("reason", "pay.refused.used");
        assertThat(paymentRows(draft.id())).isEqualTo(1);
    }

    @Test
    void whenTheMailServerIsDownTheInvoiceWaitsAndGoesOutLater() throws Exception {
        Order draft = draft(1);
        smtp.stop();
        links.sendInvoice(sven, draft.id());
        mailSender.run();
        assertThat(jdbc.sql("SELECT status, attempts FROM outgoing_mail")
                        .query((rs, n) -> rs.getString(1) + rs.getInt(2))
                        .single())
                .isEqualTo("QUEUED1");

        smtp.start();
        mailSender.run();
        assertThat(MailBox.read(smtp)).as("not due yet: the retry waits").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        mailSender.run();
        assertThat(MailBox.read(smtp)).hasSize(1);
        assertThat(jdbc.sql("SELECT status FROM outgoing_mail")
                        .query(String.class)
                        .single())
                .isEqualTo(MailStatus.SENT.name());
    }

    @Test
    void aTimedOutPaymentIsSettledByTheReconcilerAndAPendingOneStaysPending() {
        Order first = draft(1);
        PaymentLink link = links.sendInvoice(sven, first.id());
        assertThat(checkouts.pay(link.token(), card("4000 0000 0000 0119")).state())
                .isEqualTo(PaymentState.UNKNOWN);
        assertThat(orders.get(first.id()).paymentStatus()).isEqualTo(PaymentStatus.PENDING);

        fixtures.receive("TEE-M", 1);
        Order second = orderIntake
                .place(sven, Fixtures.input("MANUAL", null, Fixtures.line("TEE-M", 2990, 1)), true)
                .order();
        PaymentLink other = links.sendInvoice(sven, second.id());
        assertThat(checkouts.pay(other.token(), card("4000 0000 0000 0077")).state())
                .isEqualTo(PaymentState.PENDING);

        assertThat(reconciler.reconcileDue()).as("not due yet").isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(reconciler.reconcileDue()).isEqualTo(2);

        assertThat(orders.get(first.id()).paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(orders.get(first.id()).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        assertThat(orders.get(second.id()).paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(reconciler.reconcileDue())
                .as("asked again only after the wait")
                .isZero();
    }

    @Test
    void aPaymentMovesOnlyAsItsStateTableSaysWhoeverReports() {
        Order draft = draft(1);
        PaymentLink link = links.sendInvoice(sven, draft.id());
        Checkout.Result pending =
                checkouts.pay(link.token(), new Checkout.Input(null, "AGREED", "bank-transfer", Map.of()));
        Payment transfer = pending.payment();
        assertThat(transfer.state()).isEqualTo(PaymentState.PENDING);

        // the transfer never came: finance marks it failed; the order owes the money again and the link works again
        payments.settle(ingrid, draft.id(), transfer.id(), PaymentState.FAILED);
        assertThat(orders.get(draft.id()).paymentStatus()).isEqualTo(PaymentStatus.UNPAID);
        assertThat(checkouts.view(link.token()))
                .isInstanceOfSatisfying(
                        Checkout.Open.class, open -> assertThat(open.attempt()).isNull());
        assertThatThrownBy(() -> payments.settle(ingrid, draft.id(), transfer.id(), PaymentState.SUCCEEDED))
                .as("failed is final")
                .isInstanceOf(ActionRefusedException.class);

        Payment card = checkouts.pay(link.token(), card(OK_CARD)).payment();
        assertThat(card.state()).isEqualTo(PaymentState.SUCCEEDED);
        Payment late = payments.applyProviderAnswer(
                Actor.system("test"),
                card.id(),
                new PaymentProvider.Charge(PaymentState.FAILED, card.reference(), null, false),
                null);
        assertThat(late.state())
                .as("a late answer cannot undo a succeeded payment")
                .isEqualTo(PaymentState.SUCCEEDED);
        assertThatThrownBy(() -> payments.settle(ingrid, draft.id(), card.id(), PaymentState.FAILED))
                .isInstanceOf(ActionRefusedException.class);
        Order paid = orders.get(draft.id());
        assertThat(paid.paid()).isEqualTo(paid.total().minor());
        assertThat(paymentRows(draft.id())).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedByFieldAndChangesNothing() {
        Order draft = draft(1);
        PaymentLink link = links.sendInvoice(sven, draft.id());

        assertThatThrownBy(() -> checkouts.pay(link.token(), new Checkout.Input(null, "AGREED", "bitcoin", Map.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("provider"));
        assertThatThrownBy(() -> checkouts.pay(link.token(), new Checkout.Input(null, "AGREED", "test-card", Map.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("cardNumber"));
        assertThatThrownBy(() ->
                        checkouts.pay(link.token(), new Checkout.Input(null, "ZEPPELIN", "bank-transfer", Map.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("shipping"));
        assertThat(paymentRows(draft.id())).isZero();
        assertThat(orders.get(draft.id()).version()).isEqualTo(draft.version());

        Order submitted = orderIntake
                .place(sven, Fixtures.input("MANUAL", null, Fixtures.line("TEE-S", 2990, 1)), false)
                .order();
        assertThatThrownBy(() -> links.sendInvoice(sven, submitted.id()))
                .as("a submitted order's invoice is customer service's or finance's to send")
                .hasFieldOrPropertyWithValue("reason", "payment-link.refused.not-allowed");
        Actor warehouse = fixtures.user("jonas", Role.WAREHOUSE);
        assertThatThrownBy(() -> links.sendInvoice(warehouse, draft.id())).isInstanceOf(RuntimeException.class);
    }

    @Autowired
    dev.kontor.documents.DocumentIssuing issuing;

    /** Shopify sends invoices for orders whose payment is pending too: the link pays the order as it stands. */
    @Test
    void aSubmittedOrderStillOwingItsMoneyGetsItsInvoiceAndPaysThroughTheLink() throws Exception {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Order submitted = orderIntake
                .place(lina, Fixtures.input("MANUAL", null, Fixtures.line("TEE-S", 2990, 1)), false)
                .order();
        assertThat(submitted.lifecycle()).isEqualTo(LifecycleStatus.NEW);
        PaymentLink link = links.sendInvoice(lina, submitted.id());
        mailSender.run();
        assertThat(MailBox.read(smtp))
                .singleElement()
                .satisfies(m -> assertThat(m.payLink()).endsWith("/pay/" + link.token()));

        Checkout.Result result = checkouts.pay(link.token(), card(OK_CARD));
        assertThat(result.state()).isEqualTo(PaymentState.SUCCEEDED);
        Order paid = orders.get(submitted.id());
        assertThat(paid.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.lifecycle()).as("paid through its link, approved").isEqualTo(LifecycleStatus.APPROVED);
        assertThat(paid.number()).as("keeps its number").isEqualTo(submitted.number());
        assertThatThrownBy(() -> links.sendInvoice(lina, submitted.id()))
                .as("nothing left to pay")
                .hasFieldOrPropertyWithValue("reason", "payment-link.refused.nothing-to-pay");
    }
}
