package dev.kontor.browser;

import com.microsoft.playwright.Page;
import dev.kontor.access.Role;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The order form as customer service types it, keyboard only: an item found by part of its code in the picker
 * (price in the order's currency, stock available), picked with ↓ and Enter; live totals from the server as
 * quantities and tax change; Enter in a line adds the next; lines moved and removed; lists instead of free text for
 * country, currency and payment method.
 */
@KontorTest
class OrderFormJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.user("anna", Role.CUSTOMER_SERVICE);
        fixtures.product("TEA", false, "TEA-100");
        fixtures.receive("TEA-100", 10);
    }

    @Test
    void pickAnItemByKeyboardAndWatchTheTotals() {
        signIn("anna");
        page.navigate(url("/orders/new?lang=en"));
        page.selectOption("#currency", "EUR");
        page.selectOption("#paymentMethod", "ALIPAY");
        page.selectOption("[name='shippingAddress.country']", "DE");
        assertThat(page.locator("#total-total")).hasText("€0.00");

        page.locator("[name='lines[0].sku']").pressSequentially("tea");
        assertThat(page.locator("#picks-0 .pick")).hasCount(1);
        assertThat(page.locator("#picks-0 .pick")).containsText("TEA-100");
        assertThat(page.locator("#picks-0 .pick")).containsText("€29.90");
        assertThat(page.locator("#picks-0 .pick")).containsText("10 available");
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("#picks-0 .pick")).isFocused();
        page.keyboard().press("Enter");

        assertThat(page.locator("[name='lines[0].sku']")).hasValue("TEA-100");
        assertThat(page.locator("[name='lines[0].name']")).hasValue("Product TEA");
        assertThat(page.locator("[name='lines[0].colour']")).hasValue("blue");
        assertThat(page.locator("[name='lines[0].unitPrice']")).hasValue("29.90");
        assertThat(page.locator("[name='lines[0].quantity']")).isFocused();
        assertThat(page.locator("#total-subtotal")).hasText("€29.90");

        page.keyboard().type("3");
        page.keyboard().press("Tab"); // to the discount: the quantity's change counts
        assertThat(page.locator("#total-subtotal")).hasText("€89.70");
        page.fill("[name='lines[0].taxRate']", "19");
        page.locator("[name='lines[0].taxRate']").dispatchEvent("change");
        assertThat(page.locator("#form-totals")).containsText("incl. 19% tax");
        assertThat(page.locator("#form-totals dd[data-rate='1900']")).hasText("€14.32");

        page.locator("[name='lines[0].quantity']").press("Enter"); // the next line, ready to type into
        assertThat(page.locator("#lines tr.line-row")).hasCount(2);
        assertThat(page.locator("[name='lines[1].sku']")).isFocused();
        page.keyboard().type("mug");
        assertThat(page.locator("#picks-1")).containsText("No item matches");
        page.fill("[name='lines[1].name']", "Gift wrap");
        page.fill("[name='lines[1].unitPrice']", "3.50");
        page.locator("[name='lines[1].unitPrice']").dispatchEvent("change");
        assertThat(page.locator("#total-subtotal")).hasText("€93.20");

        page.click("#lines tr.line-row >> nth=1 >> button[aria-label='Move up']");
        assertThat(page.locator("[name='lines[0].name']")).hasValue("Gift wrap");
        page.click("#lines tr.line-row >> nth=0 >> text=Remove");
        assertThat(page.locator("#lines tr.line-row")).hasCount(1);
        assertThat(page.locator("#total-subtotal")).hasText("€89.70");
        screenshot();
    }

    @Test
    void aCustomerFoundFillsTheAddressAndContacts() {
        fixtures.order(fixtures.user("lina", Role.CUSTOMER_SERVICE), false); // Jana Schmidt in Köln
        signIn("anna");
        page.navigate(url("/orders/new?lang=en"));
        page.locator("#customer-query").pressSequentially("Schmidt");
        page.click("#customer-suggestions [data-pick-customer]");
        assertThat(page.locator("#customer-selected strong")).hasText("Jana Schmidt");
        assertThat(page.locator("[name='shippingAddress.street']")).hasValue("Hauptstraße 12");
        assertThat(page.locator("[name='shippingAddress.city']")).hasValue("Köln");
        assertThat(page.locator("[name='shippingAddress.country']")).hasValue("DE");
        assertThat(page.locator("[name='email']")).hasValue("jana@example.de");
        // observers: every colleague's whole name, a box to tick
        page.getByLabel("Lina").check();
        assertThat(page.locator("#observers input:checked")).hasCount(1);
    }

    private void screenshot() {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(dir.resolve("order-form-en.png"))
                .setFullPage(true));
    }
}
