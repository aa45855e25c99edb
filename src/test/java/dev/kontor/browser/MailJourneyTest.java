package dev.kontor.browser;

import java.time.Instant;
import java.util.List;

import com.microsoft.playwright.Download;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.crm.InboundMail;
import dev.kontor.crm.InboundMails;
import dev.kontor.orders.Order;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A customer answers the salesperson's mail: it is on the order's timeline with its text and under the salesperson's
 * activities. A stranger's mail that names no order waits under Mail until customer service attaches it to the order
 * it is about.
 */
@KontorTest
class MailJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    InboundMails inbound;

    @Test
    void aCustomersMailLandsOnTheOrderAndAStrangersWaitsUnderMail() {
        Actor sven = fixtures.user("sven", Role.SALES);
        fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Order order = fixtures.order(sven, false);
        inbound.receive(new InboundMail(
                "<a1@example.de>",
                Instant.now(),
                "jana@example.de",
                "Jana Schmidt",
                "Re: Your blue shirt (" + order.number() + ")",
                "Friday is fine, thank you!",
                List.of(),
                null));
        inbound.receive(new InboundMail(
                "<b1@example.no>",
                Instant.now(),
                "ola@example.no",
                null,
                "Two more shirts",
                "Please add two shirts to my order.",
                List.of(new InboundMail.Attachment("sizes.pdf", "application/pdf", 20_000, false, new byte[20_000])),
                null));

        signIn("sven");
        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        assertThat(page.locator("#timeline")).containsText("received a mail from the customer");
        assertThat(page.locator("#timeline")).containsText("Friday is fine, thank you!");
        assertThat(page.locator("#activities")).containsText("Re: Your blue shirt");
        context.clearCookies();

        signIn("li.na");
        page.navigate(url("/mail?lang=en"));
        assertThat(page.locator("#mail-count")).hasText("1");
        assertThat(page.locator("#waiting-mails tbody tr")).hasCount(1);
        page.click("#waiting-mails summary");
        assertThat(page.locator("#waiting-mails")).containsText("Please add two shirts to my order.");
        assertThat(page.locator("#waiting-mails .attachments")).containsText("sizes.pdf");
        assertThat(page.locator("#waiting-mails .attachments")).containsText("20 kB");
        Download download = page.waitForDownload(() -> page.click("#waiting-mails .attachments a"));
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("sizes.pdf");
        page.fill("#waiting-mails input[name=orderNumber]", "NOPE-0000");
        page.click("#waiting-mails button:has-text('Attach')");
        assertThat(page.locator(".flash-error")).containsText("No order NOPE-0000");
        page.fill("#waiting-mails input[name=orderNumber]", order.number());
        page.click("#waiting-mails button:has-text('Attach')");
        assertThat(page.locator(".flash-ok")).hasText("The mail is on order " + order.number() + ".");
        assertThat(page.locator("#waiting-mails")).hasCount(0);
        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        assertThat(page.locator("#timeline")).containsText("Please add two shirts to my order.");
        page.click("#timeline a.mail-link"); // the mail with its attachments, from the order's timeline
        assertThat(page.locator("#mail-attachments")).containsText("sizes.pdf");
        assertThat(page.locator("#mail-order")).hasAttribute("href", "/orders/" + order.id());
    }
}
