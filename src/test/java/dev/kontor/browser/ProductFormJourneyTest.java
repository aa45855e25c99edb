package dev.kontor.browser;

import java.util.UUID;

import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The product form as purchasing uses it: variant rows added and taken back before saving, Enter saves (it does not
 * add a row), a wrong price is said at its field, and a saved variant is retired by its status, never removed.
 */
@KontorTest
class ProductFormJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void variantRowsAreAddedAndTakenBackAndEnterSaves() {
        fixtures.user("ada");
        signIn("ada");
        String code = "P-" + UUID.randomUUID().toString().substring(0, 8);
        page.navigate(url("/catalog/products/new?lang=en"));
        page.fill("[name=code]", code);
        page.fill("[name=name]", "Linen shirt");
        page.fill("[name='variants[0].sku']", code + "-S");
        page.fill("[name='variants[0].attributes']", "size=S");
        assertThat(page.locator(".remove-variant")).hasCount(0);

        page.click("text=Add a variant");
        page.fill("[name='variants[1].sku']", code + "-M");
        page.click("text=Add a variant");
        page.fill("[name='variants[2].sku']", code + "-XL");
        assertThat(page.locator("[name='variants[1].sku']")).hasValue(code + "-M");
        page.locator(".remove-variant").nth(1).click();
        assertThat(page.locator("table.edit-variants tbody tr")).hasCount(2);
        assertThat(page.locator("[name='variants[1].sku']")).hasValue(code + "-XL");

        page.fill("[name='variants[1].prices[EUR]']", "12,x");
        page.press("[name=name]", "Enter");
        assertThat(page.locator("table.edit-variants tbody tr")).hasCount(2);
        assertThat(page.locator("[name='variants[1].prices[EUR]']"))
                .hasClass(java.util.regex.Pattern.compile("invalid"));
        assertThat(page.locator("table.edit-variants tbody tr").nth(1).locator(".field-error"))
                .isVisible();

        page.fill("[name='variants[1].prices[EUR]']", "12.50");
        page.press("[name=name]", "Enter");
        assertThat(page.locator(".flash")).containsText(code);
        assertThat(page.locator("table.edit-variants tbody tr")).hasCount(2);
        assertThat(page.locator(".remove-variant")).hasCount(0);
        page.click("text=Add a variant");
        assertThat(page.locator(".remove-variant")).hasCount(1);
    }
}
