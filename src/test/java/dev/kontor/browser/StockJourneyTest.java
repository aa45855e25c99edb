package dev.kontor.browser;

import java.util.regex.Pattern;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Issue 5's journey: goods in, an order takes them, the stock page shows it, cancelling gives them back. */
@KontorTest
class StockJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @BeforeEach
    void setUp() {
        fixtures.user("anna", Role.CUSTOMER_SERVICE);
        fixtures.user("jonas", Role.WAREHOUSE);
        fixtures.user("ola", Role.PURCHASING);
        fixtures.user("wang", Role.SUPERVISOR);
        fixtures.product("WLY0QU", false, "WLY0QU1098");
    }

    @Test
    void receivedStockIsReservedByAnApprovedOrderAndReturnsWhenItIsCancelled() {
        signIn("jonas");
        page.click(".mainnav >> text=Stock");
        page.fill("input[name=q]", "1098");
        page.click("form.filters button");
        page.click("tr[data-sku=WLY0QU1098] a >> text=WLY0QU1098");
        page.click("#receive-stock");
        page.fill("#receive-qty", "10");
        page.fill("#receive-ref", "LS-4711");
        page.click("#receive-stock + form button");
        assertThat(page.locator(".flash")).containsText("Goods received");
        assertThat(page.locator("#on-hand")).hasText("10");
        assertThat(page.locator("#available")).hasText("10");
        assertThat(page.locator("#movements tbody tr").first()).containsText("LS-4711");

        Order order = orderIntake
                .place(
                        Actor.system("web shop"),
                        Fixtures.input("WEBSHOP", "WS-1", Fixtures.line("WLY0QU1098", 4990, 3)),
                        false)
                .order();
        context.clearCookies();
        signIn("anna");
        page.navigate(url("/orders/" + order.id()));
        page.click("[data-action=approve]");
        assertThat(page.locator(".badges")).containsText("Approved");
        assertThat(page.locator("tr[data-sku=WLY0QU1098] td.stock")).hasText("3 reserved");

        page.click(".mainnav >> text=Stock");
        page.click("tr[data-sku=WLY0QU1098] a >> text=WLY0QU1098");
        assertThat(page.locator("#available")).hasText("7");
        assertThat(page.locator("#demand")).hasText("3");
        assertThat(page.locator("#holdings")).containsText(order.number());
        page.click("#holdings a >> text=" + order.number());
        assertThat(page.locator("#order-number")).hasText(order.number());

        context.clearCookies();
        signIn("wang");
        page.navigate(url("/orders/" + order.id()));

        page.onDialog(dialog -> dialog.accept());
        page.click("[data-action=cancel]");
        assertThat(page.locator(".badges")).containsText("Void");

        page.click(".mainnav >> text=Stock");
        var row = page.locator("tr[data-sku=WLY0QU1098]");
        assertThat(row.locator("td.available")).hasText("10");
        page.click("tr[data-sku=WLY0QU1098] a >> text=WLY0QU1098");
        assertThat(page.locator("#demand")).hasText("0");
        assertThat(page.locator("#movements tbody tr").first()).containsText("Release");
    }

    @Test
    void aShortVariantShowsOnPurchasingsListAndCustomerServiceCanAskForMore() {
        fixtures.receive("WLY0QU1098", 4);
        signIn("anna");
        page.click(".mainnav >> text=Stock");
        assertThat(page.locator("tr[data-sku=WLY0QU1098]")).hasClass(Pattern.compile("low"));
        assertThat(page.locator(".mainnav >> text=Purchasing")).hasCount(0);
        page.click("tr[data-sku=WLY0QU1098] a >> text=WLY0QU1098");
        assertThat(page.locator("#receive-stock")).hasCount(0);
        page.click("#notify-purchasing");
        page.fill("#notify-qty", "");
        page.click("#notify-purchasing + form button");
        assertThat(page.locator("#notify-qty:invalid")).hasCount(1);
        page.fill("#notify-qty", "20");
        page.fill("#notify-note", "Asked for by Müller Textil");
        page.click("#notify-purchasing + form button");
        assertThat(page.locator(".flash")).containsText("Purchasing has been told");

        context.clearCookies();
        signIn("ola");
        page.click(".mainnav >> text=Purchasing");
        var line = page.locator("#to-buy tr[data-sku=WLY0QU1098]");
        assertThat(line.locator("td.to-buy")).hasText("1");
        assertThat(line).containsText("Zhejiang Linen Mill");
        assertThat(page.locator("#notices")).containsText("Asked for by Müller Textil");
        page.click("#notices button");
        assertThat(page.locator("#notices")).containsText("done by Ola");

        page.click(".mainnav >> text=Stock");
        page.click("text=Suppliers");
        var supplier = page.locator("form.supplier").first();
        supplier.locator("[name=contactName]").fill("Chen Jing");
        supplier.locator("[name=phone]").fill("call me");
        supplier.locator("button").click();
        assertThat(page.locator("form.supplier .field-error")).containsText("Not a phone number");
        supplier = page.locator("form.supplier").first();
        assertThat(supplier.locator("[name=contactName]")).hasValue("Chen Jing");
        supplier.locator("[name=phone]").fill("+86 571 8888 0000");
        supplier.locator("button").click();
        assertThat(page.locator(".flash")).containsText("Supplier Zhejiang Linen Mill saved");
        page.click(".mainnav >> text=Purchasing");
        assertThat(page.locator("#to-buy tr[data-sku=WLY0QU1098]")).containsText("+86 571 8888 0000");
    }

    @Test
    void aBadCountIsRefusedWithAMessageAndNothingChanges() {
        fixtures.receive("WLY0QU1098", 5);
        signIn("jonas");
        page.click(".mainnav >> text=Stock");
        page.click("tr[data-sku=WLY0QU1098] a >> text=WLY0QU1098");
        page.click("summary >> text=Correct the count");
        page.fill("#adjust-qty", "-9");
        page.fill("#adjust-reason", "counted");
        page.click("#adjust-reason + button");
        assertThat(page.locator(".flash-error")).containsText("That would leave -4 on hand");
        assertThat(page.locator("#on-hand")).hasText("5");
    }
}
