package dev.kontor.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.integration.OrderEvents;
import dev.kontor.integration.WebhookDispatcher;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admin subscribes the ERP's endpoint to approvals: an address on a private network is refused with the reason;
 * the secret is shown once; an approval is delivered; when the endpoint fails, the failure is on the webhook's page
 * with its status code and answer; "New secret" shows the next one.
 */
@KontorTest
class WebhookJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    OrderEvents events;

    @Autowired
    WebhookDispatcher dispatcher;

    HttpServer erp;
    final AtomicInteger answer = new AtomicInteger(204);

    @BeforeEach
    void endpoint() throws IOException {
        erp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        erp.createContext("/kontor", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] reply = answer.get() == 204 ? new byte[0] : "database is down".getBytes();
            exchange.sendResponseHeaders(answer.get(), answer.get() == 204 ? -1 : reply.length);
            if (reply.length > 0) {
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        erp.start();
    }

    @AfterEach
    void stop() {
        erp.stop(0);
    }

    @Test
    void anAdminSubscribesSeesDeliveriesAndFailures() {
        Actor ada = fixtures.user("ada", Role.ADMIN, Role.SUPERVISOR);
        signIn("ada");
        page.navigate(url("/settings/webhooks?lang=en"));
        page.fill("#webhook-url", "https://192.168.1.20/kontor");
        page.click("#add-webhook button.primary");
        assertThat(page.locator(".flash-error")).containsText("private network");

        page.fill("#webhook-url", "http://127.0.0.1:" + erp.getAddress().getPort() + "/kontor");
        page.fill("#webhook-description", "ERP");
        page.check("#add-webhook input[value='order.approved']");
        page.click("#add-webhook button.primary");
        assertThat(page.locator("#webhook-secret code")).containsText("whsec_");
        String here = page.url();
        page.reload();
        assertThat(page.locator("#webhook-secret")).hasCount(0); // shown once

        lifecycle.act(ada, fixtures.order(ada, false).id(), null, OrderAction.APPROVE, null);
        events.sequence();
        dispatcher.run(50);
        page.navigate(here + "?lang=en");
        assertThat(page.locator("#deliveries tbody tr")).hasCount(1);
        assertThat(page.locator("#deliveries tbody")).containsText("Delivered");

        answer.set(503);
        lifecycle.act(ada, fixtures.order(ada, false).id(), null, OrderAction.APPROVE, null);
        events.sequence();
        dispatcher.run(50);
        page.navigate(here + "?lang=en");
        page.click("nav.tabs a[data-status='PENDING']");
        assertThat(page.locator("#deliveries tbody")).containsText("The endpoint answered with an error");
        assertThat(page.locator("#deliveries tbody")).containsText("HTTP 503");
        assertThat(page.locator("#deliveries tbody")).containsText("database is down");

        page.click("#rotate-secret");
        assertThat(page.locator("#webhook-secret code")).containsText("whsec_");
        assertThat(page.locator(".flash-ok")).containsText("New secret");
    }
}
