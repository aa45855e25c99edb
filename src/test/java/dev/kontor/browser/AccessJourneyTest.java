package dev.kontor.browser;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.Payments;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Issue 4's journeys: asking a supervisor, the supervisor deciding, and what each role is offered. */
@KontorTest
class AccessJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    Payments payments;

    @Test
    void aSalespersonAsksToVoidAnOrderThatReceivedMoneyAndASupervisorApprovesItInTheInbox() {
        Actor sven = fixtures.user("sven", Role.SALES);
        fixtures.user("wang", Role.SUPERVISOR);
        Actor ingrid = fixtures.user("ingrid", Role.FINANCE);
        Order order = fixtures.order(sven, false);
        orderLifecycle.act(sven, order.id(), null, OrderAction.APPROVE, null);
        long total = orders.get(order.id()).totals().total();
        payments.record(
                ingrid,
                order.id(),
                new PaymentRequest(PaymentKind.PAYMENT, total, "EUR", "CARD", null, null, null, null));
        payments.record(
                ingrid,
                order.id(),
                new PaymentRequest(PaymentKind.REFUND, total, "EUR", "CARD", null, null, null, null));

        signIn("sven");
        page.navigate(url("/orders/" + order.id()));
        page.click("summary[data-action=cancel]");
        assertThat(page.locator("summary[data-action=cancel]")).containsText("needs approval");
        page.fill("#reason-cancel", "Customer ordered twice");
        page.click("button[data-confirm-action=cancel]");
        assertThat(page.locator(".flash-ok")).containsText("Sent to a supervisor for approval");
        assertThat(page.locator(".badges")).containsText("Approved");
        page.click("text=Sign out");

        signIn("wang");
        assertThat(page.locator("#approvals-count")).hasText("1");
        page.click(".mainnav >> text=Approvals");
        var request = page.locator(".card.approval").first();
        assertThat(request).containsText("Sven");
        assertThat(request).containsText("Customer ordered twice");
        assertThat(request).containsText("Money was received for this order");
        request.locator("input[name=comment]").fill("Duplicate, fine");
        request.locator("button[data-decide=approve]").click();
        assertThat(page.locator(".flash-ok")).hasText("Approved and carried out.");

        page.navigate(url("/orders/" + order.id()));
        assertThat(page.locator(".badges")).containsText("Void");
        var timeline = page.locator("ol.timeline > li");
        assertThat(timeline.nth(0)).containsText("Wang approved a request");
        assertThat(timeline.nth(0)).containsText("Duplicate, fine");
        assertThat(timeline.nth(1)).containsText("Sven voided the order");
        assertThat(timeline.nth(1)).containsText("Wang");
        assertThat(timeline.nth(2)).containsText("Sven asked for approval");
    }

    @Test
    void signingInAfterTheSessionEndedLeadsToAPageNeverToANavigationCount() {
        fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        page.navigate(url("/login"));
        // what an open page's navigation counts ask once its session has ended
        page.evaluate("fetch('/approvals/count', {headers: {'HX-Request': 'true'}})");
        page.evaluate("fetch('/activities/count', {headers: {'HX-Request': 'true'}})");
        signIn("li.na"); // waits for /orders
        assertThat(page.locator("h1")).isVisible();
        context.clearCookies();
        page.navigate(url("/customers?lang=en"));
        page.fill("#username", "li.na");
        page.fill("#password", Fixtures.PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(java.util.regex.Pattern.compile(".*/customers\\?lang=en.*")); // where sign-in leads
    }

    @Test
    void theWarehouseSeesNoPaymentOrPriceActions() {
        Actor anna = fixtures.user("anna");
        fixtures.user("jonas", Role.WAREHOUSE);
        Order order = fixtures.order(anna, false);
        orderLifecycle.act(anna, order.id(), null, OrderAction.APPROVE, null);

        signIn("jonas");
        page.navigate(url("/orders/" + order.id()));
        assertThat(page.locator("#record-shipment")).isVisible();
        assertThat(page.locator("#record-payment")).hasCount(0);
        assertThat(page.locator("#record-refund")).hasCount(0);
        assertThat(page.locator("#edit-order")).hasCount(0);
        assertThat(page.locator("#actions [data-action]")).hasCount(0);

        // A request made anyway is refused with the reason.
        page.evaluate(
                "id => { const f = document.createElement('form'); f.method = 'post';"
                        + " f.action = '/orders/' + id + '/payments';"
                        + " for (const [k, v] of [['kind', 'PAYMENT'], ['amount', '1.00'], ['method', 'CARD'],"
                        + "   ['_csrf', document.querySelector('meta[name=_csrf]').content]]) {"
                        + "   const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
                        + " document.body.appendChild(f); f.submit(); }",
                order.id().intValue());
        assertThat(page.locator(".flash-error")).containsText("Your roles do not allow this (record payments)");
    }

    @Test
    void anAdminCreatesAUserWhoSignsInWithTheirRolesAndLanguage() {
        fixtures.user("root", Role.ADMIN);
        signIn("root");
        page.click(".mainnav >> text=Admin");
        page.fill("#username", "li.na");
        page.fill("#displayName", "Li Na");
        page.fill("#new-password", "short");
        page.selectOption("#new-language", "zh_CN");
        page.check("#new-user input[value=CUSTOMER_SERVICE]");
        page.click("#new-user button[type=submit]");
        assertThat(page.locator("#new-user .field-error")).containsText("At least 12 characters");
        assertThat(page.locator("#username")).hasValue("li.na");
        page.fill("#new-password", "a-long-enough-password");
        page.click("#new-user button[type=submit]");
        assertThat(page.locator(".flash-ok")).containsText("li.na");
        page.click("text=Sign out");

        page.navigate(url("/login"));
        page.fill("#username", "li.na");
        page.fill("#password", "a-long-enough-password");
        page.click("button[type=submit]");
        assertThat(page.locator("h1")).hasText("订单");
        assertThat(page.locator(".mainnav")).not().containsText("管理");
    }
}
