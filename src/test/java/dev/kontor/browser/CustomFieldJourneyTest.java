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
 * and sees it on the order and in its history; the order list filters by it. A required "Segment" on customers is
 * asked for on the customer's edit form, shown on their page, and the customer list filters by it.
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

    @Test
    void aCustomersFieldIsEditedShownAndFilteredBy() {
        fixtures.user("ada", Role.ADMIN);
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Order order = fixtures.order(lina, false);
        long customerId = order.content().customerId();

        signIn("ada");
        page.navigate(url("/settings/fields?lang=de"));
        page.fill("#field-key", "segment");
        page.fill("#field-name-en", "Segment");
        page.fill("#field-name-de", "Kundensegment");
        page.selectOption("#field-scope", "CUSTOMER");
        page.selectOption("#field-type", "CHOICE");
        page.fill("#field-choices", "wholesale = Wholesale\nretail = Retail");
        page.check("#add-field input[name=required]");
        page.click("#add-field button.primary");
        assertThat(page.locator("#custom-fields")).containsText("Kunden");
        context.clearCookies();

        signIn("li.na");
        page.navigate(url("/customers/" + customerId + "/edit?lang=en"));
        page.click("button.primary:has-text('Save')"); // required, and not chosen
        assertThat(page.locator("#custom-fields .field-error")).containsText("Segment");
        page.selectOption("#cf-segment", new SelectOption().setLabel("Wholesale"));
        page.click("button.primary:has-text('Save')");
        assertThat(page.locator("#cf-segment")).hasText("Wholesale");
        assertThat(page.locator("body")).containsText("Segment");

        page.navigate(url("/customers?lang=en"));
        page.selectOption("#filter-cf-segment", "retail");
        page.click("form.filters button[type=submit]");
        assertThat(page.locator("table.list")).hasCount(0);
        page.selectOption("#filter-cf-segment", "wholesale");
        page.click("form.filters button[type=submit]");
        assertThat(page.locator("table.list tbody tr")).hasCount(1);
        assertThat(page.locator("table.list tbody a")).hasAttribute("href", "/customers/" + customerId);
        assertThat(page.locator("table.list tbody td[data-column='cf.segment']"))
                .hasText("Wholesale"); // a column
    }
}
