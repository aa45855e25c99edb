package dev.kontor.browser;

import com.microsoft.playwright.options.SelectOption;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admin adds a "Hall" to choose from to orders; the salesperson edits their order, chooses a hall the form offers
 * and sees it on the order and in its history; the order list filters by it.
 */
@KontorTest
class CustomFieldJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void aFieldOfTheShopsOwnIsFilledInShownAndFilteredBy() {
        fixtures.user("ada", Role.ADMIN);
        Actor sven = fixtures.user("sven", Role.SALES);
        Order order = fixtures.order(sven, false);
        Order other = fixtures.order(sven, false);

        signIn("ada");
        page.navigate(url("/settings/fields?lang=en"));
        page.fill("#field-key", "hall");
        page.selectOption("#field-type", "CHOICE");
        page.click("#add-field button:has-text('Add a field')"); // no name, no choices
        assertThat(page.locator(".flash-error")).containsText("Required.");
        page.fill("#field-key", "hall");
        page.fill("#field-name-en", "Hall");
        page.selectOption("#field-type", "CHOICE");
        page.fill("#field-choices", "h4 = Hall 4\nh7 = Hall 7");
        page.click("#add-field button:has-text('Add a field')");
        assertThat(page.locator(".flash-ok")).hasText("Field added.");
        assertThat(page.locator("#custom-fields")).containsText("h4, h7");
        context.clearCookies();

        signIn("sven");
        page.navigate(url("/orders/" + order.id() + "/edit?lang=en"));
        page.selectOption("#cf-hall", new SelectOption().setLabel("Hall 7"));
        page.click("#save");
        assertThat(page.locator("#cf-hall")).containsText("Hall 7");
        assertThat(page.locator("#timeline")).containsText("Hall");
        assertThat(page.locator("#timeline")).containsText("Hall 7");

        page.navigate(url("/orders?cf.hall=h7&lang=en"));
        assertThat(page.locator("#filter-cf-hall")).hasValue("h7");
        assertThat(page.locator("table.list tbody tr")).hasCount(1);
        assertThat(page.locator("table.list tbody")).containsText(order.number());
        assertThat(page.locator("table.list tbody")).not().containsText(other.number());

        // a column of its own, chosen like the list's other columns
        page.click("#choose-columns");
        page.check("#columns-form input[value='cf.hall']");
        page.click("#columns-form button[type=submit]");
        assertThat(page.locator("table.list thead")).containsText("Hall");
        assertThat(page.locator("table.list tbody td[data-column='cf.hall']")).hasText("Hall 7");
    }
}
