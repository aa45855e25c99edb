package dev.kontor.customers;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.kontor.support.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer can be changed — who they are, their tax number, every contact and address — over the API at the
 * version read (412 when a colleague was quicker), by the roles the permission table allows, checked as a new
 * customer is (the foreign-business rule too), with every change in the customer's timeline. Orders keep the
 * name they were placed with.
 */
@KontorTest
class CustomerEditTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Customers customers;

    @Autowired
    OrderIntake intake;

    @Autowired
    Orders orders;

    Actor lina;
    Api api;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        api = new Api(port).bearer(fixtures.token(lina));
    }

    private Customer customer() {
        return customers.create(CustomerDetails.of(
                CustomerKind.PERSON,
                "Jana Schmidt",
                null,
                "DE",
                "de",
                "jana@example.de",
                "0170 5065756",
                null,
                null,
                null,
                Fixtures.address("Jana Schmidt", "DE")));
    }

    private static Map<String, Object> company(String company, List<Map<String, Object>> contacts) {
        return Map.of(
                "kind", "COMPANY",
                "name", "Kari Nordmann",
                "company", company,
                "taxId", "NO 912 345 678 MVA",
                "country", "NO",
                "language", "nb",
                "contacts", contacts,
                "addresses",
                        List.of(Map.of(
                                "name", "Kari Nordmann",
                                "street", "Storgata 1",
                                "postalCode", "0155",
                                "city", "Oslo",
                                "country", "NO")));
    }

    @Test
    void aCustomerIsChangedAtTheVersionReadAndTheTimelineSaysWhat() {
        Customer jana = customer();
        Order before = intake.place(
                        lina,
                        AnOrder.from("MANUAL")
                                .customer(jana.id())
                                .lines(line("MUG", 1200, 1))
                                .build(),
                        false)
                .order();
        Api.Response read = api.get("/api/customers/" + jana.id());
        assertThat(read.header("ETag")).isEqualTo("\"0\"");

        Api.Response saved = api.header("If-Match", read.header("ETag"))
                .put(
                        "/api/customers/" + jana.id(),
                        company(
                                "Nordmann Handel AS",
                                List.of(
                                        Map.of("kind", "EMAIL", "value", "kari@nordmann.no"),
                                        Map.of("kind", "LANDLINE", "value", "22 12 34 56", "label", "office"))));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"1\"");
        JsonNode body = saved.json();
        assertThat(body.get("company").asText()).isEqualTo("Nordmann Handel AS");
        assertThat(body.get("taxId").asText()).isEqualTo("NO 912 345 678 MVA");
        Customer now = customers.get(jana.id());
        assertThat(now.contacts())
                .extracting(Contact::kind, Contact::value, Contact::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ContactKind.EMAIL, "kari@nordmann.no", null),
                        org.assertj.core.groups.Tuple.tuple(ContactKind.LANDLINE, "+47 22 12 34 56", "office"));
        assertThat(now.address()).hasValueSatisfying(a -> assertThat(a.city()).isEqualTo("Oslo"));

        List<TimelineEntry> history = customers.timeline(jana.id());
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("customer.edited");
            assertThat(e.actorName()).isEqualTo("Li.na");
            assertThat(e.changes())
                    .extracting(c -> c.field())
                    .contains("customerKind", "company", "taxId", "country", "language", "contacts", "addresses");
            assertThat(e.changes())
                    .filteredOn(c -> c.field().equals("contacts"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(String.valueOf(c.before())).contains("jana@example.de");
                        assertThat(String.valueOf(c.after())).contains("kari@nordmann.no");
                    });
        });
        assertThat(orders.get(before.id()).content().customerName())
                .as("an order keeps the name it was placed with")
                .isEqualTo("Jana Schmidt");

        Api.Response stale = api.header("If-Match", "\"0\"")
                .put(
                        "/api/customers/" + jana.id(),
                        company("Someone Else AS", List.of(Map.of("kind", "LANDLINE", "value", "22 00 00 00"))));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body()).contains("Li.na");
        assertThat(customers.get(jana.id()).company()).isEqualTo("Nordmann Handel AS");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingChanges() {
        Customer jana = customer();

        Api.Response noLandline = api.put(
                "/api/customers/" + jana.id(),
                company("Nordmann Handel AS", List.of(Map.of("kind", "EMAIL", "value", "kari@nordmann.no"))));
        assertThat(noLandline.status()).isEqualTo(422);
        assertThat(noLandline.json().get("errors").get(0).get("field").asText()).isEqualTo("landline");

        Api.Response badMail = api.put(
                "/api/customers/" + jana.id(),
                company(
                        "Nordmann Handel AS",
                        List.of(
                                Map.of("kind", "LANDLINE", "value", "22 12 34 56"),
                                Map.of("kind", "EMAIL", "value", "not-a-mail"))));
        assertThat(badMail.status()).isEqualTo(422);
        assertThat(badMail.json().get("errors").get(0).get("field").asText()).isEqualTo("contacts[1]");

        Api.Response chineseCompany = api.put(
                "/api/customers/" + jana.id(),
                company("挪威贸易公司", List.of(Map.of("kind", "LANDLINE", "value", "22 12 34 56"))));
        assertThat(chineseCompany.status()).isEqualTo(422);
        assertThat(chineseCompany.json().get("errors").get(0).get("field").asText())
                .isEqualTo("company");

        assertThat(customers.get(jana.id()).version()).isZero();
        assertThat(customers.timeline(jana.id())).isEmpty();
    }

    @Test
    void onlyTheRolesThePermissionTableNamesMayChangeACustomer() {
        Customer jana = customer();
        Actor jonas = fixtures.user("jonas", Role.WAREHOUSE);

        Api.Response refused = new Api(port)
                .bearer(fixtures.token(jonas))
                .put(
                        "/api/customers/" + jana.id(),
                        company("Nordmann Handel AS", List.of(Map.of("kind", "LANDLINE", "value", "22 12 34 56"))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("permission").asText()).isEqualTo("CUSTOMER_EDIT");
        assertThat(customers.get(jana.id()).kind()).isEqualTo(CustomerKind.PERSON);
    }
}
