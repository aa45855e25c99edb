package dev.kontor.browser;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.options.FilePayload;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.Payments;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 7's journey: the warehouse opens its queue, ships two of an order's three lines with a tracking number,
 * then the rest; the tracking number finds the order. And a bulk file shipped twice ships once.
 */
@KontorTest
class WarehouseJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    OrderNotes orderNotes;

    @Autowired
    Payments payments;

    Order order;

    @BeforeEach
    void setUp() {
        Actor sven = fixtures.user("sven", Role.SALES, Role.SUPERVISOR);
        Actor ingrid = fixtures.user("ingrid", Role.FINANCE);
        fixtures.user("jonas", Role.WAREHOUSE);
        fixtures.product("TEE", false, "TEE-S", "TEE-M", "TEE-L");
        for (String sku : List.of("TEE-S", "TEE-M", "TEE-L")) {
            fixtures.receive(sku, 10);
        }
        order = orderIntake
                .place(
                        sven,
                        Fixtures.input(
                                "MANUAL",
                                null,
                                Fixtures.line("TEE-S", 2990, 1),
                                Fixtures.line("TEE-M", 2990, 2),
                                Fixtures.line("TEE-L", 2990, 1)),
                        false)
                .order();
        order = orderLifecycle
                .act(sven, order.id(), null, OrderAction.APPROVE, null)
                .order();
        payments.record(
                ingrid,
                order.id(),
                new PaymentRequest(PaymentKind.PAYMENT, order.total().minor(), "EUR", "CARD", null, null, null, null));
        orderNotes.add(sven, order.id(), NoteKind.SHIPPING, "Leave with the neighbour at no. 14");
    }

    @Test
    void theWarehouseShipsAnOrderInTwoPartsAndFindsItByTrackingNumber() {
        signIn("jonas");
        page.click(".mainnav >> text=Warehouse");
        var row = page.locator("tr[data-order='" + order.number() + "']");
        assertThat(row).containsText("Leave with the neighbour at no. 14");
        assertThat(row).containsText("4");
        row.locator("a").first().click();

        page.click("#record-shipment");
        page.fill("input[data-sku='TEE-L']", "0");
        page.selectOption("#ship-carrier", "DHL");
        page.fill("#ship-tracking", "JJD 0001 2345 6789");
        page.click(".ship-form button.primary");
        assertThat(page.locator(".badges")).containsText("Partly shipped");

        page.click("#record-shipment");
        page.selectOption("#ship-carrier", "SF");
        page.fill("#ship-tracking", "12345");
        page.click(".ship-form button.primary");
        assertThat(page.locator(".flash-error")).containsText("12345 is not a SF Express tracking number");
        assertThat(page.locator(".badges")).containsText("Partly shipped");

        page.click("#record-shipment");
        page.selectOption("#ship-carrier", "UPS");
        page.fill("#ship-tracking", "1Z999AA10123456784");
        page.click(".ship-form button.primary");
        assertThat(page.locator(".badges")).containsText("Shipped");
        assertThat(page.locator("#shipments")).containsText("JJD000123456789");

        page.fill(".quicksearch input[name=q]", "jjd000123456789");
        page.press(".quicksearch input[name=q]", "Enter");
        assertThat(page.locator("tr[data-order='" + order.number() + "']")).isVisible();
        assertThat(page.locator("table.orders tbody tr")).hasCount(1);

        page.click(".mainnav >> text=Warehouse");
        assertThat(page.locator("tr[data-order='" + order.number() + "']")).hasCount(0);
    }

    @Test
    void aBulkFileReportsEachRowAndUploadedAgainShipsNothingTwice() {
        signIn("jonas");
        page.navigate(url("/warehouse/bulk-ship"));
        byte[] csv = ("order,carrier,tracking\n" + order.number() + ",DHL,JJD0001111111\nSO-999999,DHL,JJD0002222222\n")
                .getBytes(StandardCharsets.UTF_8);
        page.setInputFiles("#bulk-file", new FilePayload("dhl.csv", "text/csv", csv));
        page.click("#bulk-submit");
        assertThat(page.locator("#bulk-summary")).hasText("1 shipped, 0 shipped before, 1 not shipped.");
        assertThat(page.locator("#bulk-report tr[data-line='3']")).containsText("There is no order SO-999999.");

        page.setInputFiles("#bulk-file", new FilePayload("dhl.csv", "text/csv", csv));
        page.click("#bulk-submit");
        assertThat(page.locator("#bulk-summary")).hasText("0 shipped, 1 shipped before, 1 not shipped.");

        page.navigate(url("/orders/" + order.id()));
        assertThat(page.locator(".badges")).containsText("Shipped");
        assertThat(page.locator("#shipments table.shipment-list tbody tr")).hasCount(1);
    }
}
