package dev.kontor.browser;

import java.util.regex.Pattern;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The list as customer service and finance use it: what a search matched, chosen columns, finance's notes. */
@KontorTest
class OrderListJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderNotes orderNotes;

    Order ebay;
    Order taobao;

    @BeforeEach
    void setUp() {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        fixtures.user("ingrid", Role.FINANCE);
        ebay = orderIntake
                .place(lina, Fixtures.input("EBAY", "E-1", Fixtures.line("A-1", 1000, 1)), false)
                .order();
        taobao = orderIntake
                .place(lina, Fixtures.input("TAOBAO", "T-1", Fixtures.line("A-1", 1000, 1)), false)
                .order();
        orderNotes.add(lina, ebay.id(), NoteKind.FINANCE, "Pays by cheque on Friday");
    }

    @Autowired
    dev.kontor.orders.OrderLifecycle lifecycle;

    @Autowired
    dev.kontor.payments.Payments payments;

    @Test
    void everyTabHasItsCountAndTheWarehouseQueueToo() {
        Actor boss = fixtures.user("wang.lei", Role.SUPERVISOR);
        lifecycle.act(boss, taobao.id(), null, dev.kontor.orders.OrderAction.APPROVE, null);
        payments.record(
                fixtures.user("ingrid2", Role.FINANCE),
                taobao.id(),
                new dev.kontor.payments.PaymentRequest(
                        dev.kontor.payments.PaymentKind.PAYMENT,
                        taobao.total().minor(),
                        taobao.currency(),
                        "ALIPAY",
                        null,
                        null,
                        null,
                        null));
        signIn("wang.lei");
        assertThat(page.locator(".mainnav a.active")).hasText("Orders"); // the navigation says where one is
        assertThat(page.locator("#count-all")).hasText("2");
        assertThat(page.locator("#count-to-ship")).hasText("1");
        page.click("#view-to-ship");
        assertThat(page.locator("main")).containsText(taobao.number());
    }

    @Test
    void aSearchShowsWhatMatchedAndColumnsStayWithTheView() {
        signIn("li.na");
        page.fill("form.filters input[name=q]", "170 1234567");
        page.press("form.filters input[name=q]", "Enter");
        assertThat(page.locator("table.orders tbody tr")).hasCount(2);
        assertThat(page.locator("tr[data-order='" + ebay.number() + "'] .match"))
                .hasText("phone");

        page.fill("form.filters input[name=q]", "schmidt");
        page.press("form.filters input[name=q]", "Enter");
        assertThat(page.locator("tr[data-order='" + ebay.number() + "'] mark").first())
                .hasText("Schmidt");
        assertThat(page.locator("tr[data-order='" + ebay.number() + "'] .match"))
                .hasText("name");

        page.fill("form.filters input[name=q]", "<script>alert(1)</script>");
        page.press("form.filters input[name=q]", "Enter");
        assertThat(page.locator("p.empty")).isVisible();

        page.navigate(url("/orders?q=" + "x".repeat(10_000)));
        assertThat(page.locator(".flash-error")).hasText("Search: At most 200 characters.");
        assertThat(page.locator("p.empty")).isVisible(); // no list that would look like a match

        page.navigate(url("/orders?channel=EBAY"));
        page.click("#choose-columns");
        page.uncheck("#columns-form input[value=channel]");
        page.check("#columns-form input[value=tags]");
        page.click("#columns-form button.primary");
        assertThat(page.locator("table.orders thead th")).containsText(new String[] {"Tags"});
        assertThat(page.locator("table.orders thead")).not().containsText("Channel");
        assertThat(page.locator("table.orders tbody tr")).hasCount(1);
        page.click("#save-view");
        page.fill("#view-name", "eBay, tags");
        page.click(".save-view button.primary");
        page.click(".mainnav >> text=Orders");
        page.click("a.saved-view[data-view='eBay, tags']");
        assertThat(page.locator("table.orders thead")).not().containsText("Channel");
        assertThat(page.locator("table.orders tbody tr")).hasCount(1);
    }

    @Test
    void theUnpaidViewKeepsItsStatusesAndShowsFinanceNotes() {
        signIn("ingrid");
        page.click("#view-unpaid");
        assertThat(page.locator("tr[data-order='" + ebay.number() + "'] .finance-note"))
                .containsText("Pays by cheque on Friday");
        assertThat(page.locator("select[name=lifecycle] option:checked")).containsText("Awaiting review");
        assertThat(page.locator("select[name=lifecycle] option:checked")).containsText("On hold");
        page.click("form.filters button[type=submit]");
        assertThat(page.locator("table.orders tbody tr")).hasCount(2);
        assertThat(page.locator("#view-unpaid")).hasClass(Pattern.compile("active"));

        page.navigate(url("/orders/" + ebay.id()));
        assertThat(page.locator("#finance-notes")).containsText("Pays by cheque on Friday");
    }
}
