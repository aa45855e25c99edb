package dev.kontor.browser;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.ProductInput;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Issue 8's journeys: exchange a colour; re-ship a lost parcel and see the lineage. */
@KontorTest
class AfterSalesJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    Catalog catalog;

    Order order;

    @BeforeEach
    void setUp() {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        catalog.create(
                Actor.system("test"),
                new ProductInput(
                        "SHIRT",
                        "Linen shirt",
                        List.of(
                                new ProductInput.VariantInput(
                                        "SHIRT-BLUE",
                                        Map.of("colour", "blue"),
                                        null,
                                        false,
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of("EUR", 4990L)),
                                new ProductInput.VariantInput(
                                        "SHIRT-RED",
                                        Map.of("colour", "red"),
                                        null,
                                        false,
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of("EUR", 4990L)))));
        fixtures.receive("SHIRT-BLUE", 10);
        fixtures.receive("SHIRT-RED", 10);
        order = orderIntake
                .place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT-BLUE", 4990, 1)), false)
                .order();
        order = orderLifecycle
                .act(lina, order.id(), null, OrderAction.APPROVE, null)
                .order();
    }

    @Test
    void customerServiceExchangesAColourThenReshipsALostParcel() {
        signIn("li.na");
        page.navigate(url("/orders/" + order.id()));
        page.click("#open-exchange");
        page.fill("#exchange-sku", "SHIRT-RED");
        page.fill("#exchange-reason", "Customer prefers red");
        page.click("#exchange-form button.primary");
        assertThat(page.locator(".flash")).containsText("The variant is exchanged.");
        assertThat(page.locator("table.list.lines")).containsText("SHIRT-RED");
        assertThat(page.locator("ol.timeline > li").first()).containsText("exchanged a variant");
        assertThat(page.locator("ol.timeline > li").first()).containsText("Customer prefers red");

        page.click("#open-reship");
        page.fill("#reship-reason", "DHL lost the parcel");
        page.click("#reship-form button.primary");
        assertThat(page.locator("#order-number")).hasText("RE" + order.number());
        assertThat(page.locator(".badges")).containsText("Approved");
        assertThat(page.locator(".badges")).containsText("Paid");
        assertThat(page.locator("#lineage [data-relation=ORIGINAL] a")).hasText(order.number());
        assertThat(page.locator("#lineage [data-relation=RESHIP] strong[aria-current=page]"))
                .hasText("RE" + order.number());

        page.click("#lineage [data-relation=ORIGINAL] a");
        assertThat(page.locator("#lineage [data-relation=RESHIP] a")).hasText("RE" + order.number());
    }

    @Test
    void anOrderIsSplitIntoTwoChildrenAndTheLineageShowsThem() {
        Actor lina = fixtures.user("lina2", Role.CUSTOMER_SERVICE);
        Order three = orderIntake
                .place(
                        lina,
                        Fixtures.input(
                                "MANUAL",
                                null,
                                Fixtures.line("SHIRT-BLUE", 4990, 1),
                                Fixtures.line("SHIRT-RED", 4990, 1),
                                Fixtures.line("SOCKS", 990, 2)),
                        false)
                .order();
        signIn("lina2");
        page.navigate(url("/orders/" + three.id()));
        page.click("#open-split");
        page.check("#split-form input[data-sku='SHIRT-RED']");
        page.fill("#split-reason", "Red ships later");
        page.click("#split-form button.primary");
        assertThat(page.locator(".flash")).containsText("split off into a new order");
        page.click("#open-split");
        page.check("#split-form input[data-sku='SOCKS']");
        page.fill("#split-reason", "Socks from the other warehouse");
        page.click("#split-form button.primary");

        assertThat(page.locator("#lineage [data-relation=SPLIT]")).hasCount(2);
        assertThat(page.locator("#lineage [data-relation=SPLIT] a").first()).hasText(three.number() + "-OSP1");
        assertThat(page.locator("table.list.lines tbody tr")).hasCount(1);
        page.click("#lineage [data-relation=SPLIT] a >> nth=1");
        assertThat(page.locator("#order-number")).hasText(three.number() + "-OSP2");
        assertThat(page.locator("#lineage [data-relation=ORIGINAL] a")).hasText(three.number());

        // a re-shipment of a split part: the whole tree shows on every order of it, each under its parent
        page.click("#open-reship");
        page.fill("#reship-reason", "Lost in the post");
        page.click("#reship-form button.primary");
        assertThat(page.locator("#order-number")).hasText("RE" + three.number() + "-OSP2");
        page.click("#lineage [data-relation=ORIGINAL] a");
        assertThat(page.locator("#lineage li")).hasCount(4);
        assertThat(page.locator("#lineage li[data-depth='2'][data-relation=RESHIP] a"))
                .hasText("RE" + three.number() + "-OSP2");
        assertThat(page.locator("#lineage li").nth(2)).containsText(three.number() + "-OSP2");
    }
}
