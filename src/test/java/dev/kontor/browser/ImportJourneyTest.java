package dev.kontor.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.kontor.access.Role;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.imports.ImportUploadsTest;
import dev.kontor.imports.MarketFilesForBrowser;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Seed 001's morning in the browser: upload the Taobao pair with a few broken rows, read the problems, commit, read
 * the reconciliation, find an imported order by its Alipay account, upload the same files again (nothing new), then
 * a later file (the paid order updated, with its timeline entry).
 */
@KontorTest
class ImportJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    BulkJobWorker worker;

    @BeforeEach
    void setUp() {
        fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        fixtures.product("TEA", false, "TEA-100");
        fixtures.receive("TEA-100", 10);
    }

    private void upload(FilePayload... files) {
        page.navigate(url("/imports"));
        page.setInputFiles("#import-files", files);
        page.click("#import-upload");
        page.waitForURL("**/imports/*");
    }

    private static FilePayload orders(byte[] bytes) {
        return new FilePayload("ExportOrderList202612040930.csv", "text/csv", bytes);
    }

    private static FilePayload items() {
        return new FilePayload(
                "ExportOrderDetailList202612040930.csv", "text/csv", MarketFilesForBrowser.taobaoItems());
    }

    @Test
    void uploadReviewCommitReconcileAndNeverTwice() throws Exception {
        signIn("li.na");
        page.click("nav >> text=Imports");
        upload(orders(MarketFilesForBrowser.taobaoOrders()), items());

        assertThat(page.locator("h1")).containsText("Import ");
        assertThat(page.locator("[data-verdict=REJECTED] strong")).hasText("3");
        assertThat(page.locator("#problems")).containsText("The order time is missing.");
        assertThat(page.locator("#problems tr[data-code='import.problem.time-missing']"))
                .containsText("订单创建时间");
        page.click("#problems a[data-code='import.problem.orphan-item']");
        assertThat(page.locator("#problems tbody tr")).hasCount(1);
        assertThat(page.locator("#problems tbody tr")).containsText("9999");
        screenshots("import-review");

        // the scarf was missing from the catalog: add it, check again, its warning is gone
        page.click("#problems .problem-kinds a >> nth=0");
        assertThat(page.locator("#problems")).containsText("SCARF-CAMEL");
        fixtures.product("SCARF", false, "SCARF-CAMEL");
        fixtures.receive("SCARF-CAMEL", 3);
        page.click("#recheck");
        assertThat(page.locator(".flash-ok")).isVisible();
        assertThat(page.locator("#problems")).not().containsText("SCARF-CAMEL");
        assertThat(page.locator("#problems")).containsText("The order time is missing.");

        // the order without a time is fixed in the review, not in the file
        page.click("tr[data-external='1005'] a.fix-link");
        assertThat(page.locator(".fix-problems")).containsText("The order time is missing.");
        page.fill("#fix-placedAt", "2026-12-03 11:00");
        page.click("#fix-save");
        assertThat(page.locator(".flash-ok")).containsText("Order 1005 corrected");
        assertThat(page.locator("tr[data-external='1005']")).containsText("corrected by Li.na");

        page.click("#commit");
        assertThat(page.locator(".flash-ok")).isVisible();
        worker.run();
        page.reload();
        assertThat(page.locator("#rec-imported")).hasText("5");
        assertThat(page.locator("#rec-rejected")).hasText("2");
        assertThat(page.locator("tr[data-external='1003']")).containsText("Waits for review");
        screenshots("import-reconciled");

        page.fill("input[name=q]", "lina@alipay.cn");
        page.press("input[name=q]", "Enter");
        assertThat(page.locator("main")).containsText("TB-");

        upload(orders(MarketFilesForBrowser.taobaoOrders()), items());
        assertThat(page.locator("#in-kontor strong")).hasText("5");
        page.click("#commit");
        assertThat(page.locator(".flash-ok")).isVisible();
        worker.run();
        page.reload();
        assertThat(page.locator("#rec-imported")).hasText("0");
        assertThat(page.locator("#rec-unchanged")).hasText("5");

        upload(orders(MarketFilesForBrowser.laterOrders()));
        page.click("#commit");
        assertThat(page.locator(".flash-ok")).isVisible();
        worker.run();
        page.reload();
        assertThat(page.locator("#rec-updated")).hasText("1");
        page.click("tr[data-external='1003'] a");
        assertThat(page.locator("main")).containsText("updated the order from a marketplace file");
        screenshots("import-updated-order");
        page.navigate(url("/imports"));
        assertThat(page.locator("table.list tbody tr")).hasCount(3);
        screenshots("imports-list");
    }

    @Test
    void aFileKontorDoesNotKnowIsNamedWithItsColumnsAndNothingIsKept() {
        signIn("li.na");
        page.navigate(url("/imports"));
        page.setInputFiles(
                "#import-files",
                new FilePayload(
                        "notes.csv",
                        "text/csv",
                        "Datum,Notiz\n2026-12-04,Anrufen\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.click("#import-upload");
        assertThat(page.locator(".flash-error"))
                .hasText("Files: notes.csv is not an order export Kontor knows (its first columns: Datum, Notiz).");
        assertThat(page).hasURL(url("/imports"));
        assertThat(page.locator("table.list tbody tr")).hasCount(0);

        // a file over the limit is said before a byte is sent (the limit made tiny here, the page's own check)
        page.evaluate("() => document.querySelector('form.import-upload').setAttribute('data-max-bytes', '10')");
        page.setInputFiles(
                "#import-files",
                new FilePayload(
                        "big.csv", "text/csv", "x".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.click("#import-upload");
        assertThat(page.locator(".flash-error")).containsText("100 MB");
    }

    @Test
    void aBigUploadShowsItsProgressAndCanBeCancelled() throws Exception {
        Path big = Files.createTempFile("kontor-big-", ".csv");
        Files.write(big, ImportUploadsTest.exportFile(100_000)); // 200,000 rows: several seconds of reading
        try {
            signIn("li.na");
            page.navigate(url("/imports"));
            assertThat(page.locator("#upload-progress")).isHidden();
            page.setInputFiles("#import-files", big);
            page.click("#import-upload");
            assertThat(page.locator("#upload-progress .progress-status"))
                    .containsText(
                            java.util.regex.Pattern.compile("[1-9][\\d,]* rows per second · about \\d+ (s|min) left"),
                            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                    .setTimeout(30_000));
            assertThat(page.locator("#upload-progress progress")).isVisible();
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("import-progress-en.png")));
            page.click("#upload-cancel");
            assertThat(page.locator(".flash-error, .error"))
                    .containsText(
                            "The upload was cancelled",
                            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                    .setTimeout(30_000));
            assertThat(page.locator("table.list tbody tr")).hasCount(0);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    /** The review page in the four languages, for a person to look at (target/screenshots). */
    private void screenshots(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        String at = page.url().replaceFirst("#.*$", "");
        for (String lang : List.of("en", "de", "zh_CN", "nb")) {
            page.navigate(at + (at.contains("?") ? "&" : "?") + "lang=" + lang);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(dir.resolve(name + "-" + lang + ".png"))
                    .setFullPage(true));
        }
        page.navigate(at + (at.contains("?") ? "&" : "?") + "lang=en");
    }
}
