package dev.kontor.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.timeline.Change;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's own fields on customers, over the API on PostgreSQL: an admin adds a required segment to choose from and
 * a credit limit; an edit without the segment or with one that is no choice is refused naming the field, nothing
 * written; a good one keeps them (in the history, one change per field); an edit that does not mention them keeps
 * them; the customer list filters by them; an order field is not a customer's; a merge keeps the values of both.
 */
@KontorTest
class CustomerCustomFieldsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Customers customers;

    @Autowired
    CustomerMerging merging;

    Api api;
    Actor lina;
    Customer company;

    @BeforeEach
    void setUp() {
        Api admin = new Api(port).bearer(fixtures.token(fixtures.user("ada", Role.ADMIN)));
        define(
                admin,
                Map.of(
                        "key",
                        "segment",
                        "names",
                        Map.of("en", "Segment", "de", "Segment"),
                        "type",
                        "CHOICE",
                        "scope",
                        "CUSTOMER",
                        "required",
                        true,
                        "choices",
                        List.of(
                                Map.of("key", "wholesale", "names", Map.of("en", "Wholesale")),
                                Map.of("key", "retail", "names", Map.of("en", "Retail")))));
        define(
                admin,
                Map.of(
                        "key",
                        "creditLimit",
                        "names",
                        Map.of("en", "Credit limit"),
                        "type",
                        "MONEY",
                        "scope",
                        "CUSTOMER"));
        define(admin, Map.of("key", "hall", "names", Map.of("en", "Hall"), "type", "TEXT")); // an order's
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
                Fixtures.address("Schmidt Textil GmbH", "DE")));
    }

    private static void define(Api admin, Map<String, Object> field) {
        Api.Response created = admin.post("/api/custom-fields", field);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private Api.Response put(Customer at, Map<String, Object> customFields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "COMPANY");
        body.put("name", "Jana Schmidt");
        body.put("company", "Schmidt Textil GmbH");
        body.put("country", "DE");
        body.put("contacts", List.of(Map.of("kind", "EMAIL", "value", "einkauf@schmidt-textil.de")));
        body.put(
                "addresses",
                List.of(Map.of(
                        "name",
                        "Schmidt Textil GmbH",
                        "street",
                        "Domplatz 1",
                        "postalCode",
                        "50667",
                        "city",
                        "Köln",
                        "country",
                        "DE")));
        if (customFields != null) {
            body.put("customFields", customFields);
        }
        return api.header("If-Match", "\"" + at.version() + "\"").put("/api/customers/" + at.id(), body);
    }

    @Test
    void valuesAreCheckedKeptInTheHistoryAndFilteredBy() {
        Api.Response missing = put(company, Map.of("creditLimit", "5000 EUR"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("customFields.segment");
        Api.Response wrong = put(company, Map.of("segment", "vip", "creditLimit", "lots"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("customFields.segment").contains("customFields.creditLimit");
        Api.Response ordersOwn = put(company, Map.of("segment", "retail", "hall", "4B"));
        assertThat(ordersOwn.status()).isEqualTo(422);
        assertThat(ordersOwn.body()).contains("customFields.hall");
        assertThat(customers.get(company.id()).version()).isEqualTo(company.version()); // nothing written

        Api.Response saved = put(company, Map.of("segment", "wholesale", "creditLimit", "5000.00 EUR"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("customFields").path("segment").asString()).isEqualTo("wholesale");
        Customer now = customers.get(company.id());
        assertThat(now.customFields()).containsEntry("segment", "wholesale").containsKey("creditLimit");
        assertThat(customers.timeline(company.id()).get(0).changes())
                .extracting(Change::field, Change::after)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("customFields.segment", "wholesale"),
                        org.assertj.core.groups.Tuple.tuple("customFields.creditLimit", "5000.00 EUR"));

        Api.Response silent = put(now, null); // says nothing of them: kept
        assertThat(silent.status()).as(silent.body()).isEqualTo(200);
        assertThat(customers.get(company.id()).customFields()).containsEntry("segment", "wholesale");

        Customer other = customers.create(CustomerDetails.of(
                CustomerKind.PERSON, "Ola Berg", null, "NO", null, "ola@example.no", null, null, null, null, null));
        assertThat(api.get("/api/customers?cf.segment=wholesale").json())
                .extracting(c -> c.path("id").asLong())
                .containsExactly(company.id())
                .doesNotContain(other.id());
        assertThat(api.get("/api/customers?q=schmidt&cf.segment=retail").json()).isEmpty();
        Api.Response badFilter = api.get("/api/customers?cf.segment=vip");
        assertThat(badFilter.status()).isEqualTo(422);
        assertThat(badFilter.body()).contains("customFields.segment");
    }

    @Test
    void aMergeKeepsTheValuesOfBoth() {
        assertThat(put(company, Map.of("segment", "wholesale")).status()).isEqualTo(200);
        Customer twin = customers.create(CustomerDetails.of(
                        CustomerKind.COMPANY,
                        "Jana Schmidt",
                        "Schmidt Textil",
                        "DE",
                        null,
                        "jana@schmidt-textil.de",
                        null,
                        "0221 123456",
                        null,
                        null,
                        null)
                .withCustomFields(Map.of("segment", "retail", "creditLimit", "900.00 EUR")));
        assertThat(twin.customFields()).containsEntry("segment", "retail");

        Customer kept = merging.merge(lina, company.id(), twin.id());

        assertThat(kept.customFields())
                .containsEntry("segment", "wholesale") // the kept customer's own value wins
                .containsKey("creditLimit"); // the other's value it had none of
    }
}
