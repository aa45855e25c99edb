package dev.kontor.browser;

import java.util.regex.Pattern;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Task views with counts (unpaid per channel) and a user's own saved view pinned as a tab. */
@KontorTest
class TaskViewsJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @BeforeEach
    void setUp() {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        orderIntake.place(lina, Fixtures.input("EBAY", "E-1", Fixtures.line("A-1", 1000, 1)), false);
        orderIntake.place(lina, Fixtures.input("EBAY", "E-2", Fixtures.line("A-1", 1000, 1)), false);
        orderIntake.place(lina, Fixtures.input("TAOBAO", "T-1", Fixtures.line("A-1", 1000, 1)), false);
    }

    @Test
    void unpaidOrdersAreCountedPerChannelAndAViewIsSavedAsATab() {
        signIn("li.na");
        assertThat(page.locator("#view-unpaid .count")).hasText("3");
        page.click("#view-unpaid");
        assertThat(page.locator("#unpaid-by-channel [data-channel=EBAY]")).containsText("eBay – unpaid items");
        assertThat(page.locator("#unpaid-by-channel [data-channel=EBAY] .count"))
                .hasText("2");
        page.click("#unpaid-by-channel [data-channel=EBAY]");
        assertThat(page.locator("table.orders tbody tr")).hasCount(2);

        page.click("#save-view");
        page.fill("#view-name", "eBay to chase");
        page.click(".save-view button.primary");
        assertThat(page.locator("a.saved-view[data-view='eBay to chase']")).hasClass(Pattern.compile("active"));

        page.click(".mainnav >> text=Orders");
        page.click("a.saved-view[data-view='eBay to chase']");
        assertThat(page.locator("table.orders tbody tr")).hasCount(2);
        page.click("#delete-view");
        assertThat(page.locator("a.saved-view")).hasCount(0);
    }
}
