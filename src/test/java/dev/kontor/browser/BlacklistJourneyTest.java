package dev.kontor.browser;

import java.util.regex.Pattern;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.support.AnOrder;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 8's blacklist journey: customer service blacklists a customer from an order, the customer's orders turn
 * red, a new order from their Alipay account under another name goes on hold, a supervisor lifts it. And the
 * search box finds an order by the customer's Alipay account.
 */
@KontorTest
class BlacklistJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    Actor lina;
    Order order;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        fixtures.user("wang.lei", Role.SUPERVISOR);
        order = place("骗子", "fraud@163.com");
    }

    private Order place(String name, String alipay) {
        CustomerDetails customer = CustomerDetails.of(
                CustomerKind.PERSON,
                name,
                null,
                "CN",
                "zh_CN",
                null,
                "+86 139 0000 0001",
                null,
                alipay,
                "Alipay",
                Fixtures.address(name, "CN"));
        OrderInput base = Fixtures.input("TAOBAO", "TB" + System.nanoTime(), Fixtures.line("GADGET", 9900, 1));
        return orderIntake
                .place(
                        lina,
                        AnOrder.from(base.channel())
                                .externalId(base.externalId())
                                .customer(OrderInput.CustomerChoice.create(customer))
                                .shippingAddress(Fixtures.address(name, "CN"))
                                .currency("CNY")
                                .lines(base.lines())
                                .shipping(0L)
                                .paymentMethod("ALIPAY")
                                .build(),
                        false)
                .order();
    }

    @Test
    void aFraudstersOrdersTurnRedANewOneIsHeldAndASupervisorLiftsIt() {
        signIn("li.na");
        page.fill(".quicksearch input[name=q]", "fraud@163.com");
        page.press(".quicksearch input[name=q]", "Enter");
        page.click("tr[data-order='" + order.number() + "'] a");

        page.click("#blacklist-customer");
        page.fill("#blacklist-reason", "Chargebacks on three cards");
        page.click(".blacklist-form button.danger");
        assertThat(page.locator("#fraud-banner")).containsText("Chargebacks on three cards");
        // seed 001: how many of this customer's orders were fraud
        assertThat(page.locator("#customer-counts [data-count=flagged] .count")).hasText("1");

        page.click(".mainnav >> text=Orders");
        assertThat(page.locator("tr[data-order='" + order.number() + "']")).hasClass(Pattern.compile("fraud"));

        Order again = place("李四", "fraud@163.com");
        page.navigate(url("/orders?flagged=true"));
        assertThat(page.locator("tr[data-order='" + again.number() + "']")).containsText("On hold");
        assertThat(page.locator("#lift-blacklist")).hasCount(0);

        context.clearCookies();
        signIn("wang.lei");
        page.navigate(url("/orders/" + order.id()));
        page.click("#lift-blacklist");
        page.fill("#lift-reason", "Bank confirmed the payments");
        page.click("#fraud-banner form button.primary");
        assertThat(page.locator("#fraud-banner")).hasCount(0);
        page.navigate(url("/orders?flagged=true"));
        assertThat(page.locator("table.orders tbody tr")).hasCount(0);
    }
}
