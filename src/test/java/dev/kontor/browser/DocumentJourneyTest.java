package dev.kontor.browser;

import java.nio.file.Path;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.support.AnOrder;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents from the order page: customer service issues a German invoice and gives the customer a link, the
 * customer downloads it without signing in, finance credits one line, a mistaken quote is voided.
 */
@KontorTest
class DocumentJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Test
    void anInvoiceIsIssuedSharedAndCreditedLineByLine() throws Exception {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        fixtures.user("ingrid", Role.FINANCE);
        Order order = intake.place(
                        lina,
                        AnOrder.from("MANUAL")
                                .lines(Fixtures.line("SHIRT", 2990, 2), Fixtures.line("CAP", 1500, 1))
                                .build(),
                        false)
                .order();

        signIn("li.na");
        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        assertThat(page.locator("#documents")).containsText("No documents yet.");
        assertThat(page.locator("#document-language")).hasValue("de");
        page.selectOption("#document-kind", "INVOICE");
        page.click("#issue-document");
        assertThat(page.locator(".flash")).containsText("Invoice RE-");
        assertThat(page.locator("#documents tr[data-kind=INVOICE]")).containsText("€79.70");
        String number =
                page.locator("#documents tr[data-kind=INVOICE] .pdf-link").innerText();

        APIResponse pdf = page.request()
                .get(url(page.locator("#documents tr[data-kind=INVOICE] .pdf-link")
                        .getAttribute("href")));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(dev.kontor.documents.DocumentsTestSupport.text(pdf.body())).contains("Rechnung", number);

        page.selectOption("#document-kind", "INVOICE");
        page.click("#issue-document");
        assertThat(page.locator(".flash-error")).containsText("invoiced already (" + number + ")");

        page.click("#documents tr[data-kind=INVOICE] button:has-text('Link for the customer')");
        String link = page.locator("#document-link-url").inputValue();
        assertThat(link).contains("/d/");
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/documents-en.png"))
                .setFullPage(true));

        Browser browser = context.browser();
        try (BrowserContext stranger = browser.newContext()) {
            var customerPage = stranger.newPage();
            customerPage.navigate(link);
            assertThat(customerPage.locator("h1")).hasText("Rechnung " + number);
            assertThat(customerPage.locator("#accept-quote")).hasCount(0);
            APIResponse customer = stranger.request()
                    .get(
                            customerPage
                                            .locator("#download-pdf")
                                            .getAttribute("href")
                                            .startsWith("http")
                                    ? customerPage.locator("#download-pdf").getAttribute("href")
                                    : url(customerPage.locator("#download-pdf").getAttribute("href")));
            assertThat(customer.status()).isEqualTo(200);
            assertThat(customer.headers().get("content-type")).isEqualTo("application/pdf");
            var unknown = stranger.newPage();
            var answer = unknown.navigate(url("/d/not-a-real-link?lang=en"));
            assertThat(answer.status()).isEqualTo(404);
            assertThat(unknown.locator("h1")).hasText("This link does not work");
        }

        assertThat(page.locator("#documents .credit-note")).hasCount(0);
        page.click("text=Sign out");
        signIn("ingrid");
        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        page.click("#documents tr[data-kind=INVOICE] .credit-note");
        page.locator("#documents .credit-form input[type=number]").first().fill("3");
        page.click("#documents .credit-form button.primary");
        assertThat((Boolean) page.locator("#documents .credit-form input[type=number]")
                        .first()
                        .evaluate("e => e.validity.rangeOverflow"))
                .as("more than was invoiced is refused before it is sent (and by the server, DocumentsTest)")
                .isTrue();
        page.locator("#documents .credit-form input[type=number]").first().fill("1");
        page.fill("#documents .credit-form [name=reason]", "one shirt torn");
        page.click("#documents .credit-form button.primary");
        assertThat(page.locator(".flash")).containsText("Credit note GS-");
        assertThat(page.locator("#documents tr[data-kind=CREDIT_NOTE]")).containsText("€29.90");
        assertThat(page.locator("#documents tr[data-kind=INVOICE]")).containsText("€29.90 credited");
        assertThat(page.locator("#timeline")).containsText("issued a document");
    }
}
