package dev.kontor.browser;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.customers.Customer;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.Customers;
import dev.kontor.documents.Document;
import dev.kontor.documents.DocumentIssuing;
import dev.kontor.documents.DocumentKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.support.AnOrder;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Customer service corrects a customer as a colleague would: the buyer turns out to be a Norwegian company, so the
 * kind, company, tax number and a landline are set and a second address added; a wrong e-mail is said at its row,
 * the foreign-business rule at its field; saved, the page shows the new details and what changed, by whom.
 */
@KontorTest
class CustomerEditJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Customers customers;

    @Autowired
    OrderIntake intake;

    @Test
    void aCustomerIsCorrectedOnTheirPageAndTheChangeIsInTheirHistory() {
        fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Customer kari = customers.create(CustomerDetails.of(
                CustomerKind.PERSON,
                "Kari Nordmann",
                null,
                "NO",
                "nb",
                "kari@example.no",
                "+47 912 34 567",
                null,
                null,
                null,
                Fixtures.address("Kari Nordmann", "NO")));
        signIn("li.na");

        page.navigate(url("/customers/" + kari.id() + "?lang=en"));
        page.click("text=Edit");
        page.selectOption("[name=kind]", "COMPANY");
        page.fill("[name=company]", "Nordmann Handel AS");
        page.fill("[name=taxId]", "NO 912 345 678 MVA");
        page.fill("[name='contacts[0].value']", "kari(at)nordmann.no");
        page.selectOption("[name='contacts[2].kind']", "LANDLINE");
        page.fill("[name='contacts[2].value']", "22 12 34 56");
        page.fill("[name='contacts[2].label']", "office");
        page.fill("[name='addresses[1].name']", "Nordmann Handel AS");
        page.fill("[name='addresses[1].street']", "Lagerveien 7");
        page.fill("[name='addresses[1].postalCode']", "2000");
        page.fill("[name='addresses[1].city']", "Lillestrøm");
        page.selectOption("[name='addresses[1].country']", "NO");
        page.click("button:has-text('Save')");

        assertThat(page.locator("#contacts-0")).hasClass(java.util.regex.Pattern.compile("invalid"));
        assertThat(page.locator("table.contacts tbody tr").first().locator(".field-error"))
                .isVisible();
        assertThat(page.locator("[name=company]")).hasValue("Nordmann Handel AS");
        assertThat(page.locator("[name='addresses[1].city']")).hasValue("Lillestrøm");

        page.fill("[name='contacts[0].value']", "kari@nordmann.no");
        page.click("button:has-text('Save')");

        assertThat(page.locator(".flash-ok")).hasText("Customer saved.");
        assertThat(page.locator("h1")).hasText("Nordmann Handel AS");
        assertThat(page.locator(".facts").first()).containsText("NO 912 345 678 MVA");
        assertThat(page.locator("#timeline")).containsText("Li.na");
        assertThat(page.locator("#timeline")).containsText("changed the customer");
        assertThat(page.locator("#timeline")).containsText("Tax number");
        assertThat(page.locator("#timeline")).containsText("Lagerveien 7");

        page.navigate(url("/customers/" + kari.id() + "?lang=de"));
        assertThat(page.locator("#timeline")).containsText("hat den Kunden geändert");
        assertThat(page.locator("#timeline")).containsText("Steuernummer");
        // the people one deals with there, and the office address for the bills
        page.navigate(url("/customers/" + kari.id() + "/edit?lang=en"));
        page.fill("#persons-0-name", "Ola Berg");
        page.fill("[name='persons[0].role']", "purchasing");
        page.fill("#persons-0-email", "ola(at)nordmann.no");
        page.locator("input[name=billTo][value='1']").check();
        page.click("button:has-text('Save')");
        assertThat(page.locator("#persons-0-email + .field-error")).containsText("not an e-mail address");
        page.fill("#persons-0-email", "ola@nordmann.no");
        page.click("button:has-text('Save')");
        assertThat(page.locator(".flash-ok")).hasText("Customer saved.");
        assertThat(page.locator("#persons")).containsText("Ola Berg");
        assertThat(page.locator("#persons")).containsText("purchasing");
        assertThat(page.locator("#timeline")).containsText("New orders are billed to");
    }

    @Test
    void aDuplicateIsFoundAndMergedIntoTheCustomerOnTheirPage() {
        fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Customer kept = customers.create(CustomerDetails.of(
                CustomerKind.PERSON, "王小明", null, "CN", "zh_CN", "xiaoming@example.cn", null, null, null, null, null));
        Customer duplicate = customers.create(CustomerDetails.of(
                CustomerKind.PERSON,
                "tb_xiaoming",
                null,
                "CN",
                null,
                null,
                null,
                null,
                "xiaoming@alipay.cn",
                "Alipay",
                Fixtures.address("王小明", "CN")));
        Order theirs = intake.place(
                        fixtures.user("ada"),
                        AnOrder.from("TAOBAO")
                                .externalId("T-77")
                                .customer(duplicate.id())
                                .lines(Fixtures.line("TEA", 2900, 1))
                                .build(),
                        false)
                .order();
        signIn("li.na");

        page.navigate(url("/customers/" + kept.id() + "?lang=en"));
        page.click("#merge-customer");
        page.fill("#merge-search", "tb_xiaoming");
        page.press("#merge-search", "Enter");
        assertThat(page.locator("#merge-candidates tbody tr")).hasCount(1);
        page.onDialog(dialog -> dialog.accept());
        page.click("#merge-candidates button");

        assertThat(page.locator(".flash-ok")).hasText("Merged into 王小明.");
        assertThat(page.locator(".card").nth(1)).containsText("xiaoming@alipay.cn");
        assertThat(page.locator("#timeline")).containsText("merged a duplicate into this customer");
        assertThat(page.locator("#timeline")).containsText("tb_xiaoming");
        assertThat(page.locator("#customer-orders")).containsText(theirs.number());
        assertThat(page.locator("#customer-orders [data-count=all] .count")).hasText("1");
    }

    @Autowired
    DocumentIssuing issuing;

    @Test
    void theCustomerPageShowsTheDocumentsOfTheirOrders() {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Order order = intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT", 2990, 1)), false)
                .order();
        Document invoice = issuing.issue(lina, order.id(), DocumentKind.INVOICE, "en");
        signIn("li.na");

        page.navigate(url("/customers/" + order.content().customerId() + "?lang=en"));
        assertThat(page.locator("#customer-documents")).containsText(invoice.number());
        assertThat(page.locator("#customer-documents")).containsText(order.number());
        assertThat(page.locator("#customer-documents")).containsText("Invoice");
    }
}
