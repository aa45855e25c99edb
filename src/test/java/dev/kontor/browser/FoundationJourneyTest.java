package dev.kontor.browser;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Role;
import dev.kontor.support.Api;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 2's journey: an order made through the API, seen in the browser, in Chinese. */
@KontorTest
class FoundationJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void anOrderCreatedWithATokenShowsUpInTheChineseUi() {
        fixtures.user("mei", Role.CUSTOMER_SERVICE);
        Api.Response issued =
                new Api(port).basic("mei", Fixtures.PASSWORD).post("/api/tokens", Map.of("name", "script"));
        Api api = new Api(port).bearer(issued.json().get("token").asString());
        Api.Response created = api.post(
                "/api/orders",
                Map.of(
                        "channel",
                        "TAOBAO",
                        "externalId",
                        "2026112300001",
                        "customer",
                        Map.of("name", "王芳", "country", "CN", "email", "wang.fang@example.cn"),
                        "shippingAddress",
                        Map.of("name", "王芳", "street", "南京路 100 号", "city", "上海", "country", "CN"),
                        "currency",
                        "CNY",
                        "lines",
                        List.of(Map.of("sku", "WLY0QU1098", "name", "亚麻衬衫", "unitPrice", 12900, "quantity", 1))));
        assertThat(created.status()).isEqualTo(201);

        signIn("mei");
        page.navigate(url("/orders?lang=zh_CN"));
        assertThat(page.locator("h1")).hasText("订单");
        var row = page.locator("tr[data-order='TB-000001']");
        assertThat(row).containsText("王芳");
        assertThat(row).containsText("淘宝");
        assertThat(row).containsText("等待审核");
        assertThat(row).containsText("未付款");
        assertThat(row).containsText("未发货");

        page.navigate(url("/orders"));
        assertThat(page.locator("h1")).hasText("订单");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
    }

    @Test
    void theSignInPageSpeaksEachLanguageAndRemembersTheChoice() {
        List<List<String>> titles = List.of(
                List.of("en", "Sign in"), List.of("de", "Anmelden"), List.of("zh_CN", "登录"), List.of("nb", "Logg inn"));
        for (List<String> language : titles) {
            page.navigate(url("/login?lang=" + language.get(0)));
            assertThat(page.locator("button[type=submit]")).hasText(language.get(1));
        }
        page.navigate(url("/login"));
        assertThat(page.locator("button[type=submit]")).hasText("Logg inn");
    }

    @Test
    void anUnknownAddressShowsAFriendly404InTheUsersLanguage() {
        fixtures.user("mei", Role.CUSTOMER_SERVICE);
        signIn("mei");
        page.navigate(url("/orders?lang=de"));
        var response = page.navigate(url("/no/such/page"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Nicht gefunden");
        assertThat(page.content()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        fixtures.user("mei", Role.CUSTOMER_SERVICE);
        page.navigate(url("/login?lang=en"));
        page.fill("#username", "mei");
        page.fill("#password", "not-her-password");
        page.click("button[type=submit]");
        assertThat(page.locator(".flash-error")).hasText("Wrong user name or password.");
    }
}
