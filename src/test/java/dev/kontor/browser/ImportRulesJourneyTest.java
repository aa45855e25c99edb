package dev.kontor.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Page;
import dev.kontor.access.Role;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An admin sets which imported orders skip review; a wrong amount is said on the page, not saved. */
@KontorTest
class ImportRulesJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures.user("boss", Role.ADMIN);
    }

    @Test
    void anAdminSetsTheReviewRules() throws Exception {
        page.navigate(url("/login"));
        page.fill("#username", "boss");
        page.fill("#password", Fixtures.PASSWORD);
        page.click("button[type=submit]");
        page.navigate(url("/admin/users"));
        page.click("nav.tabs >> text=Import rules");

        page.check("#rules-enabled");
        page.uncheck("#rules-message");
        page.fill("#max-CNY", "lots");
        page.click("#rules-save");
        assertThat(page.locator(".flash-error")).containsText("CNY: Not an amount");
        assertThat(page.locator("#rules-enabled")).not().isChecked();

        page.check("#rules-enabled");
        page.uncheck("#rules-message");
        page.fill("#max-CNY", "2000");
        page.click("#rules-save");
        assertThat(page.locator(".flash-ok")).containsText("Import rules saved.");
        assertThat(page.locator("#rules-enabled")).isChecked();
        assertThat(page.locator("#rules-message")).not().isChecked();
        assertThat(page.locator("#max-CNY")).hasValue("2000.00");

        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        for (String lang : List.of("en", "de", "zh_CN", "nb")) {
            page.navigate(url("/settings/import-rules?lang=" + lang));
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("import-rules-" + lang + ".png")));
        }
        page.navigate(url("/settings/import-rules?lang=en"));
    }
}
