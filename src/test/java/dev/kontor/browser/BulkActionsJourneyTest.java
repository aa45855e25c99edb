package dev.kontor.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Ticking orders in the list and acting on them at once: a background job with progress and a result per order. */
@KontorTest
class BulkActionsJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    BulkJobWorker worker;

    Order first;
    Order second;
    Order cancelled;

    @BeforeEach
    void setUp() {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        first = orderIntake
                .place(lina, Fixtures.input("EBAY", "E-1", Fixtures.line("A-1", 1000, 1)), false)
                .order();
        second = orderIntake
                .place(lina, Fixtures.input("EBAY", "E-2", Fixtures.line("A-1", 1000, 1)), false)
                .order();
        cancelled = orderIntake
                .place(lina, Fixtures.input("EBAY", "E-3", Fixtures.line("A-1", 1000, 1)), false)
                .order();
        orderLifecycle.act(
                fixtures.user("boss", Role.SUPERVISOR), cancelled.id(), null, OrderAction.CANCEL, "duplicate");
    }

    @Test
    void approveTheTickedOrdersAndSeeWhatBecameOfEach() {
        signIn("li.na");
        page.navigate(url("/orders?channel=EBAY"));
        page.check("tr[data-order='" + first.number() + "'] input[name=ids]");
        page.check("tr[data-order='" + second.number() + "'] input[name=ids]");
        page.check("tr[data-order='" + cancelled.number() + "'] input[name=ids]");
        page.selectOption("#bulk-action", "approve");
        page.click("#bulk-apply");

        assertThat(page.locator(".flash-ok")).containsText("3");
        assertThat(page.locator("#progress .status")).containsText("0");
        worker.run();
        assertThat(page.locator("#progress .status"))
                .containsText("Finished", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(page.locator("[data-status=DONE] strong")).hasText("2");
        assertThat(page.locator("tr[data-order='" + cancelled.number() + "']")).containsText("Refused");
        page.click("#toggle-problems");
        assertThat(page.locator("table.bulk-items tbody tr")).hasCount(1);
        page.click(".page-head a");
        assertThat(page.locator(".bulk-jobs tbody tr")).hasCount(1);
        assertThat(page.locator(".bulk-jobs tbody tr")).containsText("Approve");
        page.goBack();
        assertThat(page.locator("table.bulk-items tbody tr")).hasCount(1);
        Assertions.assertThat(orders.get(first.id()).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);

        page.navigate(url("/orders?channel=EBAY"));
        page.check("#bulk-all");
        page.selectOption("#bulk-action", "hold");
        page.click("#bulk-apply");
        assertThat(page.locator(".flash-error")).containsText("Reason");
        page.check("#bulk-all");
        page.selectOption("#bulk-action", "tag");
        page.fill("#bulk-tag", "chase");
        page.click("#bulk-apply");
        worker.run();
        assertThat(page.locator("#progress .status")).containsText("Finished");
        page.navigate(url("/orders?channel=EBAY"));
        assertThat(page.locator("table.orders .tag", new Page.LocatorOptions().setHasText("chase")))
                .hasCount(3);

        page.navigate(url("/orders/" + first.id()));
        page.click("#order-tags [data-untag=chase]");
        assertThat(page.locator("#order-tags")).not().containsText("chase");
        page.fill("#add-tag", "no/slash");
        page.click("#order-tags form:last-child button");
        assertThat(page.locator(".flash-error")).containsText("Tag");
        page.selectOption("#responsible-select", new SelectOption().setLabel("Li.na"));
        page.click("form.organise button");
        assertThat(page.locator("#responsible-select option:checked")).hasText("Li.na");
        assertThat(page.locator(".timeline")).containsText("changed who is responsible");

        page.navigate(url("/orders?channel=EBAY"));
        Download download = page.waitForDownload(() -> page.click("#bulk-export"));
        try {
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            Assertions.assertThat(csv).contains(first.number(), second.number(), "chase");
            Assertions.assertThat(csv.lines()
                            .filter(l -> l.startsWith(first.number()))
                            .findFirst()
                            .orElseThrow())
                    .as("the tag removed on the order page")
                    .doesNotContain("chase");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
