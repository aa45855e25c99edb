package dev.kontor.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.documents.DocumentImages;
import dev.kontor.documents.DocumentPolicy;
import dev.kontor.documents.DocumentSettings;
import dev.kontor.documents.DocumentsTestSupport;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.support.AnOrder;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's journey: the admin puts the company stamp on the letterhead and lets shipments issue invoices; sales
 * turns a draft into a quote and sends it; the customer accepts it through the link (the draft becomes an order);
 * the order is approved and shipped, the invoice is issued with the stamp; the customer downloads it again; finance
 * credits one line.
 */
@KontorTest
class QuoteToInvoiceJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Autowired
    DocumentPolicy policy;

    @Autowired
    DocumentImages images;

    Actor admin;

    @AfterEach
    void letterheadAsBefore() {
        policy.setInvoiceOn(admin, DocumentSettings.InvoiceOn.NEVER);
        images.remove(admin, DocumentImages.Purpose.STAMP);
    }

    @Test
    void aQuoteBecomesAnOrderAndItsInvoiceCarriesTheStamp() throws Exception {
        admin = fixtures.user("ada");
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Actor jonas = fixtures.user("jonas", Role.WAREHOUSE);
        fixtures.user("ingrid", Role.FINANCE);
        Order draft = intake.place(
                        lina,
                        AnOrder.from("MANUAL")
                                .lines(Fixtures.line("SHIRT", 2990, 2), Fixtures.line("CAP", 1500, 1))
                                .build(),
                        true)
                .order();

        signIn("ada");
        page.navigate(url("/settings/documents?lang=en"));
        Path stamp = Files.createTempFile("stamp", ".png");
        Files.write(stamp, dev.kontor.documents.DocumentsTestSupport.png(160));
        page.setInputFiles("#image-stamp input[type=file]", stamp);
        page.click("#image-stamp button.primary");
        assertThat(page.locator(".flash")).containsText("Company stamp saved");
        assertThat(page.locator("#image-stamp img")).isVisible();
        Path notAnImage = Files.createTempFile("stamp", ".png");
        Files.writeString(notAnImage, "<svg onload=alert(1)/>");
        page.setInputFiles("#image-logo input[type=file]", notAnImage);
        page.click("#image-logo button.primary");
        assertThat(page.locator(".flash-error")).containsText("Not a PNG or JPEG image");
        page.selectOption("#invoice-on-select", "SHIPMENT");
        page.click("#invoice-on button.primary");
        assertThat(page.locator(".flash")).containsText("At the first shipment");
        page.click("text=Sign out");

        signIn("li.na");
        page.navigate(url("/orders/" + draft.id() + "?lang=en"));
        page.selectOption("#document-kind", "QUOTE");
        page.click("#issue-document");
        assertThat(page.locator(".flash")).containsText("Quote AN-");
        page.click("#documents tr[data-kind=QUOTE] .send-document");
        assertThat(page.locator(".flash")).containsText("sent to jana@example.de");
        page.click("#documents tr[data-kind=QUOTE] button:has-text('Link for the customer')");
        String quoteLink = page.locator("#document-link-url").inputValue();

        try (BrowserContext customer = context.browser().newContext()) {
            Page c = customer.newPage();
            c.navigate(quoteLink);
            assertThat(c.locator("h1")).containsText("Angebot AN-");
            c.click("#accept-quote");
            assertThat(c.locator(".flash")).containsText("Vielen Dank");
            assertThat(c.locator("#quote-accepted")).isVisible();
            assertThat(c.locator("#accept-quote")).hasCount(0);
        }

        page.navigate(url("/orders/" + draft.id() + "?lang=en"));
        assertThat(page.locator("#timeline")).containsText("accepted the quote through its link");
        page.click("button:has-text('Approve')");
        assertThat(page.locator("#timeline .changes").first()).containsText("Approved");
        fixtures.ship(jonas, draft.id());

        for (int i = 0;
                i < 100 && page.locator("#documents tr[data-kind=INVOICE]").count() == 0;
                i++) {
            Thread.sleep(100);
            page.navigate(url("/orders/" + draft.id() + "?lang=en"));
        }
        assertThat(page.locator("#documents tr[data-kind=INVOICE]")).containsText("Kontor (invoice on shipment)");
        String invoicePdf =
                page.locator("#documents tr[data-kind=INVOICE] .pdf-link").getAttribute("href");
        APIResponse invoice = page.request().get(url(invoicePdf));
        assertThat(DocumentsTestSupport.imagesOnFirstPage(invoice.body()))
                .as("the stamp")
                .isEqualTo(1);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/documents-journey-en.png"))
                .setFullPage(true));
        page.click("#documents tr[data-kind=INVOICE] button:has-text('Link for the customer')");
        String invoiceLink = page.locator("#document-link-url").inputValue();
        try (BrowserContext customer = context.browser().newContext()) {
            Page c = customer.newPage();
            c.navigate(invoiceLink);
            assertThat(c.locator("h1")).containsText("Rechnung RE-");
            String href = c.locator("#download-pdf").getAttribute("href");
            APIResponse again = customer.request().get(href.startsWith("http") ? href : url(href));
            assertThat(again.headers().get("content-type")).isEqualTo("application/pdf");
            assertThat(again.body())
                    .as("the customer downloads the invoice as issued")
                    .isEqualTo(invoice.body());
        }
        page.click("text=Sign out");

        signIn("ingrid");
        page.navigate(url("/orders/" + draft.id() + "?lang=de"));
        page.click("#documents tr[data-kind=INVOICE] .credit-note");
        page.locator("#documents .credit-form input[type=number]").nth(1).fill("1");
        page.click("#documents .credit-form button.primary");
        assertThat(page.locator(".flash")).containsText(Pattern.compile("Gutschrift GS-\\d{4}-\\d{6} ausgestellt"));
        assertThat(page.locator("#documents tr[data-kind=CREDIT_NOTE]")).containsText("15,00");
    }
}
