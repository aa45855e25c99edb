package dev.kontor.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company customer keeps the people one deals with there, and which of its addresses new orders ship and bill to:
 * set over the API at the version read, in the customer's history, used by the next order that names only the
 * customer; a person without a name or with a broken e-mail is refused naming the row.
 */
@KontorTest
class ContactPersonsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Customers customers;

    @Autowired
    OrderIntake intake;

    Actor lina;
    Api api;
    Customer company;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        api = new Api(port).bearer(fixtures.token(lina));
        company = customers.create(CustomerDetails.of(
                CustomerKind.COMPANY,
                "Jana Schmidt",
                "Schmidt Textil GmbH",
                "DE",
                "de",
                "einkauf@schmidt-textil.de",
                null,
                "0221 123456",
                null,
                null,
                Fixtures.address("Schmidt Textil GmbH, Lager", "DE")));
    }

    private Map<String, Object> update(List<Map<String, Object>> persons, Map<String, Object> addressUse) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "COMPANY");
        body.put("name", "Jana Schmidt");
        body.put("company", "Schmidt Textil GmbH");
        body.put("country", "DE");
        body.put("contacts", List.of(Map.of("kind", "EMAIL", "value", "einkauf@schmidt-textil.de")));
        body.put(
                "addresses",
                List.of(
                        Map.of(
                                "name",
                                "Schmidt Textil GmbH, Lager",
                                "street",
                                "Industriestr. 4",
                                "postalCode",
                                "50667",
                                "city",
                                "Köln",
                                "country",
                                "DE"),
                        Map.of(
                                "name",
                                "Schmidt Textil GmbH, Buchhaltung",
                                "street",
                                "Domplatz 1",
                                "postalCode",
                                "50667",
                                "city",
                                "Köln",
                                "country",
                                "DE")));
        body.put("persons", persons);
        body.put("addressUse", addressUse);
        return body;
    }

    @Test
    void peopleAndTheAddressesNewOrdersUseAreKeptAndUsed() {
        Api.Response updated = api.header("If-Match", "\"" + company.version() + "\"")
                .put(
                        "/api/customers/" + company.id(),
                        update(
                                List.of(
                                        Map.of(
                                                "name",
                                                "Jana Schmidt",
                                                "role",
                                                "purchasing",
                                                "email",
                                                "jana@schmidt-textil.de"),
                                        Map.of("name", "Tom Weber", "role", "accounts", "phone", "0221 123457")),
                                Map.of("shipping", 0, "billing", 1)));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode json = api.get("/api/customers/" + company.id()).json();
        assertThat(json.get("persons")).hasSize(2);
        assertThat(json.get("persons").get(1).get("role").asString()).isEqualTo("accounts");
        assertThat(json.get("addressUse").get("billing").asInt()).isEqualTo(1);

        TimelineEntry entry = customers.timeline(company.id()).get(0);
        assertThat(entry.changes()).extracting(c -> c.field()).contains("contactPersons", "billsTo", "addresses");

        Order order = intake.place(
                        lina,
                        AnOrder.from("MANUAL")
                                .customer(OrderInput.CustomerChoice.existing(company.id()))
                                .shippingAddress(null)
                                .lines(Fixtures.line("SHIRT-BLUE-M", 2990, 10))
                                .build(),
                        false)
                .order();
        assertThat(order.content().shippingAddress().name()).isEqualTo("Schmidt Textil GmbH, Lager");
        assertThat(order.content().billingAddress().name()).isEqualTo("Schmidt Textil GmbH, Buchhaltung");
    }

    @Test
    void aPersonWithoutANameOrWithABrokenEmailIsRefusedNamingTheRow() {
        Api.Response refused = api.header("If-Match", "\"" + company.version() + "\"")
                .put(
                        "/api/customers/" + company.id(),
                        update(
                                List.of(Map.of("role", "purchasing"), Map.of("name", "Tom", "email", "tom(at)x.de")),
                                null));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("persons[0].name").contains("persons[1].email");
        assertThat(customers.get(company.id()).persons()).isEmpty();
    }
}
