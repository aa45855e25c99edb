package dev.kontor.browser;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The order desk marks a salesperson's new order received on its page; the salesperson then asks to void it. */
@KontorTest
class OrderReceivedJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void theDeskReceivesTheOrderAndTheSalespersonMustAskToVoidIt() {
        Actor sven = fixtures.user("sven", Role.SALES);
        fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Order order = fixtures.order(sven, false);

        signIn("li.na");
        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        page.click("#receive-order");
        assertThat(page.locator("#received")).containsText("by Li.na");
        assertThat(page.locator("#receive-order")).hasCount(0);
        assertThat(page.locator("#timeline")).containsText("marked the order received");

        context.clearCookies(); // signed out
        signIn("sven");
        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        assertThat(page.locator("summary[data-action=cancel]")).containsText("approval");
    }
}
