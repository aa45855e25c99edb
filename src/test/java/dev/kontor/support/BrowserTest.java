package dev.kontor.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey through the UI in real Chromium. Uses Debian's {@code /usr/bin/chromium} (or
 * {@code KONTOR_CHROMIUM}); Playwright never downloads a browser. A missing browser fails the test with
 * instructions; it is never skipped.
 */
public abstract class BrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        Path chromium = Path.of(System.getenv().getOrDefault("KONTOR_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Browser tests need Chromium at " + chromium
                    + ". Install it with: sudo apt-get install chromium (or set KONTOR_CHROMIUM to its path).");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(
                new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1360, 900));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the form, as a person would. */
    protected void signIn(Page on, String username) {
        on.navigate(url("/login"));
        on.fill("#username", username);
        on.fill("#password", Fixtures.PASSWORD);
        on.click("button[type=submit]");
        try {
            // the first page after signing in is the order list, rendered cold in a fresh context: more time than
            // an action gets on a busy two-core machine (it once took longer than 10 s in CI)
            on.waitForURL("**/orders", new Page.WaitForURLOptions().setTimeout(30_000));
        } catch (TimeoutError e) {
            String shown = on.locator("body").innerText();
            throw new AssertionError(
                    "Signing in as " + username + " did not reach the order list: at " + on.url() + ", showing \""
                            + shown.substring(0, Math.min(300, shown.length())).replaceAll("\\s+", " ") + "\"",
                    e);
        }
    }

    protected void signIn(String username) {
        signIn(page, username);
    }
}
