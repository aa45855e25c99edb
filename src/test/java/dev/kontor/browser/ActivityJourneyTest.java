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

/**
 * A salesperson plans a call on their order ("nothing planned" until then), finds it under My activities,
 * completes it with the outcome, logs a call that just happened and writes to the customer; the order's timeline says
 * what came of each.
 */
@KontorTest
class ActivityJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void aCallIsPlannedFoundAndLoggedWithItsOutcome() {
        Actor sven = fixtures.user("sven", Role.SALES);
        Order order = fixtures.order(sven, false);
        signIn("sven");

        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        assertThat(page.locator("#nothing-planned")).isVisible();
        page.click("#plan-activity");
        page.selectOption("#activity-kind", "CALL");
        page.fill("#activity-due", "2020-01-01T10:00");
        page.click("button:has-text('Plan')");
        assertThat(page.locator(".flash-error")).containsText("due time has passed");

        page.click("#plan-activity");
        page.fill("#activity-note", "Ask whether the date holds");
        page.click("button:has-text('Plan')"); // tomorrow at ten, as offered
        assertThat(page.locator(".flash-ok")).hasText("Activity planned.");
        assertThat(page.locator("#activities")).containsText("Ask whether the date holds");
        assertThat(page.locator("#nothing-planned")).hasCount(0);

        page.click("nav.mainnav >> text=Activities");
        assertThat(page.locator("#my-activities tbody tr")).hasCount(1);
        assertThat(page.locator("#my-activities")).containsText(order.number());
        page.click("#my-activities summary");
        page.fill("#my-activities input[name=outcome]", "Called: the date holds");
        page.click("#my-activities button:has-text('Save outcome')");
        assertThat(page.locator(".flash-ok")).hasText("Outcome saved.");
        assertThat(page.locator("#my-activities")).hasCount(0);

        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        assertThat(page.locator("#timeline")).containsText("completed an activity");
        assertThat(page.locator("#timeline")).containsText("Called: the date holds");
        assertThat(page.locator("#activities")).containsText("Done");

        page.click("#log-call");
        page.selectOption("#call-direction", "INBOUND");
        page.fill("#call-minutes", "6");
        page.fill("#call-outcome", "Wants the blue one instead");
        page.click("button:has-text('Log call')");
        assertThat(page.locator(".flash-ok")).hasText("Call logged.");
        assertThat(page.locator("#activities")).containsText("The customer called, 6 min");
        assertThat(page.locator("#timeline")).containsText("logged a call");

        page.click("#write-customer");
        page.fill("#mail-subject", "Your blue shirt");
        page.fill("#mail-body", "We swap it for the blue one and ship on Friday.");
        page.click("button:has-text('Send')");
        assertThat(page.locator(".flash-ok")).hasText("The mail to jana@example.de is on its way.");
        assertThat(page.locator("#timeline")).containsText("wrote to the customer");
        assertThat(page.locator("#timeline")).containsText("We swap it for the blue one");
    }
}
