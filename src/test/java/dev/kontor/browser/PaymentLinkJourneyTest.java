package dev.kontor.browser;

import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.documents.jobs.MailSenderJob;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MailBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's journeys: a salesperson writes a draft and sends the invoice; the customer opens the link from the
 * e-mail (as GreenMail caught it) in their own browser, without signing in, and pays; the back office sees a
 * paid, numbered order. A declined card leaves the draft; a bank transfer waits until finance sees the money.
 */
@KontorTest
class PaymentLinkJourneyTest extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension smtp = MailBox.server();

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    MailSenderJob mailSender;

    Actor sven;

    @BeforeEach
    void setUp() {
        sven = fixtures.user("sven", Role.SALES);
        fixtures.user("ingrid", Role.FINANCE);
        fixtures.product("TEE", false, "TEE-S");
        fixtures.receive("TEE-S", 5);
    }

    /** The customer's own browser: no session, their language. */
    private Page customerOpens(String link, String locale) {
        BrowserContext customer =
                page.context().browser().newContext(new Browser.NewContextOptions().setLocale(locale));
        Page theirs = customer.newPage();
        theirs.navigate(link);
        return theirs;
    }

    private String invoiceLink() {
        mailSender.run();
        List<MailBox.Received> mails = MailBox.read(smtp);
        assertThat(mails).isNotEmpty();
        return mails.get(mails.size() - 1).payLink();
    }

    @Test
    void aDraftIsInvoicedPaidByCardThroughTheLinkAndShowsPaidAndNumberedInTheBackOffice() {
        signIn("sven");
        page.click("text=New order");
        page.fill("[name='customer.name']", "Jana Schmidt");
        page.fill("[name='customer.email']", "jana@example.de");
        page.fill("[name='shippingAddress.name']", "Jana Schmidt");
        page.fill("[name='shippingAddress.street']", "Hauptstraße 12");
        page.fill("[name='shippingAddress.postalCode']", "50667");
        page.fill("[name='shippingAddress.city']", "Köln");
        page.selectOption("[name='shippingAddress.country']", "DE");
        page.fill("[name='lines[0].sku']", "TEE-S");
        page.fill("[name='lines[0].name']", "Linen tee");
        page.fill("[name='lines[0].unitPrice']", "29.90");
        page.fill("[name='lines[0].quantity']", "2");
        page.fill("[name='shipping']", "4.90");
        page.click("#save-draft");
        assertThat(page.locator("#order-number")).hasText("D-000001");

        page.click("#send-invoice");
        assertThat(page.locator(".flash")).containsText("The invoice is on its way");
        assertThat(page.locator("tr[data-mail=invoice] .mail-state")).containsText("Not yet sent");
        String shared = page.locator("#payment-link-url").inputValue();

        String link = invoiceLink();
        assertThat(link).as("the link on the draft page is the one in the mail").isEqualTo(shared);
        page.reload();
        assertThat(page.locator("tr[data-mail=invoice] .mail-state")).containsText("Sent");

        Page customer = customerOpens(link, "en-GB");
        assertThat(customer.locator("h1")).containsText("D-000001");
        assertThat(customer.locator("#pay-total")).hasText("€64.70");
        assertThat(customer.locator("#pay-total")).hasCSS("text-transform", "none"); // not a grey header
        customer.check("input[value=DHL_EXPRESS]");
        assertThat(customer.locator("#pay-total")).hasText("€74.70");
        customer.check("input[value=test-card]");
        customer.fill("#cardNumber", "4242 4242 4242 4242");
        customer.click("#pay-button");
        assertThat(customer.locator("[data-state=paid]")).containsText("Order SO-000001 is paid (€74.70)");
        customer.reload();
        assertThat(customer.locator("#pay-form")).hasCount(0);
        assertThat(customer.locator("[data-state=paid]")).isVisible();

        page.reload();
        assertThat(page.locator("#order-number")).hasText("SO-000001");
        assertThat(page.locator(".badges")).containsText("Paid");
        assertThat(page.locator(".badges")).containsText("Approved");
        assertThat(page.locator("#payment-link-state")).containsText("paid through the link");
        var timeline = page.locator("ol.timeline");
        assertThat(timeline).containsText("Kontor (payment link) approved the order");
        assertThat(timeline).containsText("Kontor (payment link) submitted the order for review");
        assertThat(timeline).containsText("Kontor (payment link) settled a payment");
        assertThat(timeline).containsText("DHL Express");
        assertThat(timeline).containsText("Sven sent the invoice");
    }

    @Test
    void theMarketSetsTheDraftsCurrencyByShippingCountryOrByChoice() {
        signIn("sven");
        page.click("text=New order");
        assertThat(page.locator("#total-total")).isVisible(); // the form's scripts are at work
        page.selectOption("[name='shippingAddress.country']", "NO");
        page.locator("[name='shippingAddress.country']").dispatchEvent("change");
        assertThat(page.locator("#currency")).hasValue("NOK");
        page.selectOption("#market", "CN");
        assertThat(page.locator("#currency")).hasValue("CNY");
        page.selectOption("[name='shippingAddress.country']", "DE");
        page.locator("[name='shippingAddress.country']").dispatchEvent("change");
        assertThat(page.locator("#currency")).hasValue("CNY"); // a chosen market wins over the country
    }

    @Test
    void aDeclinedCardIsExplainedAndTheDraftStaysADraft() {
        Order draft = orderIntake
                .place(sven, Fixtures.input("MANUAL", null, Fixtures.line("TEE-S", 2990, 1)), true)
                .order();
        signIn("sven");
        page.navigate(url("/orders/" + draft.id()));
        page.click("#send-invoice");

        Page customer = customerOpens(invoiceLink(), "de-DE");
        assertThat(customer.locator("h1")).containsText("Ihr Auftrag D-000001");
        customer.fill("#cardNumber", "4000 0000 0000 0002");
        customer.click("#pay-button");
        assertThat(customer.locator(".flash-error")).containsText("Ihre Karte wurde abgelehnt");
        assertThat(customer.locator("#pay-form")).isVisible();

        page.reload();
        assertThat(page.locator("#order-number")).hasText("D-000001");
        assertThat(page.locator(".badges")).containsText("Draft");
        assertThat(page.locator("#payments")).containsText("Failed");
    }

    @Test
    void aBankTransferWaitsAsPaymentPendingUntilFinanceRecordsTheMoney() {
        Order draft = orderIntake
                .place(sven, Fixtures.input("MANUAL", null, Fixtures.line("TEE-S", 2990, 1)), true)
                .order();
        signIn("sven");
        page.navigate(url("/orders/" + draft.id()));
        page.click("#send-invoice");

        Page customer = customerOpens(invoiceLink() + "?lang=en", "en-GB");
        customer.check("input[value=bank-transfer]");
        customer.click("#pay-button");
        assertThat(customer.locator("[data-state=pending]")).containsText("Please transfer the amount");
        assertThat(customer.locator("#bank-reference")).hasText("D-000001");

        context.clearCookies();
        signIn("ingrid");
        page.navigate(url("/orders/" + draft.id()));
        assertThat(page.locator("#order-number")).hasText("SO-000001");
        assertThat(page.locator(".badges")).containsText("Payment pending");
        page.click("#payments button:has-text('Money arrived')");
        assertThat(page.locator(".badges")).containsText("Paid");
        assertThat(page.locator(".badges")).containsText("Approved");

        customer.reload();
        assertThat(customer.locator("[data-state=paid]")).containsText("SO-000001");
    }
}
