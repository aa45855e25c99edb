package dev.kontor.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.kontor.access.Role;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A shop's own export in: a sample file read, the columns guessed and corrected, the mapping saved, the file imported. */
@KontorTest
class ImportMappingJourneyTest extends BrowserTest {

    private static final String EXPORT = """
            Order ID,Order Date,Billing Name,Address 1,Postcode,City,Country,Paid,SKU,Item Name,Qty,Item Cost
            5001,2026-12-03 09:30,Anna Berg,Hauptstraße 12,50667,Köln,DE,yes,SHIRT-M,Linen shirt M,2,29.90
            """;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.user("li.na", Role.CUSTOMER_SERVICE);
    }

    @Test
    void mapOnceThenImport() throws Exception {
        FilePayload file = new FilePayload("shop-export.csv", "text/csv", EXPORT.getBytes(StandardCharsets.UTF_8));
        signIn("li.na");
        page.navigate(url("/imports"));
        page.click("#mappings-link");
        page.setInputFiles("#mapping-sample", file);
        page.click("#mapping-read");

        assertThat(page.locator("#col-externalId")).hasValue("Order ID");
        assertThat(page.locator("#col-quantity")).hasValue("Qty");
        assertThat(page.locator(".mapping-preview")).containsText("Linen shirt M");
        page.selectOption("#col-unitPrice", "Item Cost");
        page.selectOption("#col-street", "Address 1");
        page.fill("#mapping-name", "Our web shop");
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(dir.resolve("import-mapping-en.png"))
                .setFullPage(true));
        page.click("#mapping-save");

        assertThat(page.locator(".flash-ok")).containsText("Our web shop");
        assertThat(page.locator("tr[data-mapping='Our web shop']")).containsText("Unit price ← Item Cost");

        page.navigate(url("/imports"));
        page.setInputFiles("#import-files", file);
        page.click("#import-upload");
        page.waitForURL("**/imports/*");
        assertThat(page.locator(".import-files")).containsText("Other system (column mapping)");
        assertThat(page.locator("[data-verdict=REJECTED] strong")).hasText("0");
    }
}
