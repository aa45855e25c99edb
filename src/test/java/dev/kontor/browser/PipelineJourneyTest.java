package dev.kontor.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.options.SelectOption;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.support.AnOrder;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin builds a "B2B sales" pipeline with a "Negotiation" stage only sales may leave, and lets the shop's own
 * orders start in it; the salesperson drags their order across the board into Negotiation and plans a call, which
 * the card then shows; customer service may not take it out of Negotiation (the card says why and stays); the
 * salesperson closes it as lost with a reason, which voids the order and shows on its page.
 */
@KontorTest
class PipelineJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Autowired
    Orders orders;

    @Test
    void aSalesPipelineIsBuiltAndAnOrderMovesAcrossTheBoardUntilItIsLost() {
        fixtures.user("ada", Role.ADMIN);
        Actor sven = fixtures.user("sven", Role.SALES);
        fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Order order = intake.place(
                        sven,
                        AnOrder.from("MANUAL")
                                .lines(Fixtures.line("SHIRT-BLUE-M", 2990, 2))
                                .responsible(sven.userId())
                                .build(),
                        false)
                .order();

        signIn("ada");
        page.navigate(url("/settings/pipelines?lang=en"));
        page.fill("#pipeline-name-en", "B2B sales");
        page.fill("#pipeline-name-de", "B2B-Vertrieb");
        page.click("#add-pipeline button:has-text('New pipeline')");
        assertThat(page.locator(".flash-ok")).hasText("Pipeline created.");
        assertThat(page.locator("#stages tbody tr")).hasCount(6);
        page.click("#add-stage summary");
        page.fill("#new-name-en", "Negotiation");
        page.fill("#new-name-de", "Verhandlung");
        page.selectOption("#new-lifecycle", "NEW");
        page.selectOption("#new-outcome", "OPEN");
        page.check("#stage-form-new input[name=leaveRoles][value=SALES]");
        page.click("#stage-form-new button:has-text('Add a stage')");
        assertThat(page.locator(".flash-ok")).hasText("Stage added.");
        assertThat(page.locator("#stages tbody tr").nth(2)).containsText("Negotiation");
        assertThat(page.locator("#stages tbody tr").nth(2)).containsText("Sales");
        page.navigate(url("/settings/pipelines?lang=en"));
        page.locator("tr:has-text('Manual') select[name=pipeline]")
                .selectOption(new SelectOption().setLabel("B2B sales"));
        page.locator("tr:has-text('Manual') button:has-text('Save')").click();
        assertThat(page.locator(".flash-ok")).hasText("Saved.");
        context.clearCookies();

        signIn("sven");
        page.navigate(url("/board?lang=en"));
        page.click("nav.tabs >> text=B2B sales");
        var card = page.locator(".board-card[data-order='" + order.id() + "']");
        assertThat(columnOf(card)).containsText("New");
        assertThat(card).containsText("Nothing planned");
        Locator customer = card.locator(".customer");
        page.waitForResponse(
                r -> r.url().endsWith("/board/move"),
                () -> drag(customer, page.locator("section.board-column:has(h2:has-text('Negotiation')) ol.cards")));
        assertThat(page.locator("section.board-column:has(h2:has-text('Negotiation')) .board-card"))
                .hasCount(1);
        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        assertThat(page.locator("#current-stage")).hasText("Negotiation");
        assertThat(page.locator("#timeline")).containsText("moved the order to another stage");
        page.click("#plan-activity");
        page.fill("#activity-note", "Second offer");
        page.click("button:has-text('Plan')");
        page.navigate(url("/board?pipeline=2&lang=en"));
        assertThat(page.locator(".board-card[data-order='" + order.id() + "'] .next"))
                .containsText("Call");
        context.clearCookies();

        signIn("li.na");
        page.navigate(url("/board?pipeline=2&lang=en"));
        page.click("#board-more summary"); // the order list's filters, on the board
        page.selectOption("#board-payment", "PAID");
        page.click("#board-filters button[type=submit]");
        assertThat(page.locator(".board-card[data-order='" + order.id() + "']")).hasCount(0);
        page.selectOption("#board-payment", "");
        page.fill("#board-q", order.number());
        page.click("#board-filters button[type=submit]");
        card = page.locator(".board-card[data-order='" + order.id() + "']");
        assertThat(card).hasCount(1);
        assertThat(card.locator("input[name=filters]")).hasValue(java.util.regex.Pattern.compile(order.number()));
        card.locator("summary:has-text('Move to')").click();
        card.locator("select[name=to]").selectOption(new SelectOption().setLabel("Approved"));
        card.locator("button:has-text('Move')").click();
        card = page.locator(".board-card[data-order='" + order.id() + "']");
        assertThat(card.locator(".card-message")).containsText("may not move orders out of the stage “Negotiation”");
        assertThat(columnOf(card)).containsText("Negotiation");
        assertThat(page.locator("#board-q")).hasValue(order.number()); // still filtered after the refusal
        context.clearCookies();

        signIn("sven");
        page.navigate(url("/board?pipeline=2&lang=en"));
        card = page.locator(".board-card[data-order='" + order.id() + "']");
        card.locator("summary:has-text('Move to')").click();
        card.locator("select[name=to]").selectOption(new SelectOption().setLabel("Lost"));
        card.locator("button:has-text('Move')").click();
        card = page.locator(".board-card[data-order='" + order.id() + "']");
        assertThat(card.locator(".card-message")).containsText("Lost because: Required");
        card.locator("select[name=lostReasonId]").selectOption(new SelectOption().setLabel("Chose a competitor"));
        card.locator("select[name=to]").selectOption(new SelectOption().setLabel("Lost"));
        card.locator("button:has-text('Move')").click();
        assertThat(columnOf(page.locator(".board-card[data-order='" + order.id() + "']")))
                .containsText("Lost");
        assertThat(orders.get(order.id()).lifecycle()).isEqualTo(LifecycleStatus.CANCELLED);
        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        assertThat(page.locator("#lost-reason")).hasText("Lost because: Chose a competitor");
    }

    /** Drags as a hand does: press on the card, move across in steps, let go over the other column. */
    private void drag(Locator what, Locator onto) {
        var from = what.boundingBox();
        var to = onto.boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse().move(to.x + to.width / 2, to.y + 20, new Mouse.MoveOptions().setSteps(12));
        page.mouse().up();
    }

    private static Locator columnOf(Locator card) {
        return card.locator("xpath=ancestor::section[contains(@class,'board-column')]//h2");
    }
}
