package dev.kontor.documents;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents over HTTP as an integrator uses them: issue, read, PDF, XML, credit, and the refusals as problem+json. */
@KontorTest
class DocumentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Test
    void anInvoiceIsIssuedReadDownloadedAndCreditedOverTheApi() {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Actor ingrid = fixtures.user("ingrid", Role.FINANCE);
        Order order = intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT", 2990, 2)), false)
                .order();
        Api api = new Api(port).bearer(fixtures.token(lina));

        Api.Response wrongKind = api.post("/api/orders/" + order.id() + "/documents", "{\"kind\": \"RECEIPT\"}");
        assertThat(wrongKind.status()).isBetween(400, 422);
        assertThat(wrongKind.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongKind.body()).contains("kind");
        Api.Response wrongLanguage =
                api.post("/api/orders/" + order.id() + "/documents", Map.of("kind", "INVOICE", "language", "fr"));
        assertThat(wrongLanguage.status()).isEqualTo(422);
        assertThat(wrongLanguage.body()).contains("language");

        Api.Response issued = api.post("/api/orders/" + order.id() + "/documents", Map.of("kind", "INVOICE"));
        assertThat(issued.status()).isEqualTo(201);
        long id = issued.json().get("id").asLong();
        assertThat(issued.header("Location")).endsWith("/api/documents/" + id);
        assertThat(issued.json().get("number").asString()).startsWith("RE-");
        assertThat(issued.json().get("content").get("lines").size()).isEqualTo(1);

        Api.Response again = api.post("/api/orders/" + order.id() + "/documents", Map.of("kind", "INVOICE"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains(issued.json().get("number").asString());

        Api.Response pdf = api.get("/api/documents/" + id + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        Api.Response xml = api.get("/api/documents/" + id + "/xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.body())
                .contains("CrossIndustryInvoice", issued.json().get("number").asString());
        assertThat(api.get("/api/orders/" + order.id() + "/documents").json().size())
                .isEqualTo(1);
        assertThat(api.get("/api/documents?kind=INVOICE").body())
                .contains(issued.json().get("number").asString());
        assertThat(api.get("/api/documents/999999").status()).isEqualTo(404);

        long line =
                issued.json().get("content").get("lines").get(0).get("lineId").asLong();
        Api finance = new Api(port).bearer(fixtures.token(ingrid));
        Api.Response tooMany = finance.post(
                "/api/documents/" + id + "/credit-note",
                Map.of("lines", List.of(Map.of("lineId", line, "quantity", 3))));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body()).contains("lines[" + line + "].quantity");
        Api.Response credit = finance.post(
                "/api/documents/" + id + "/credit-note",
                Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1)), "reason", "torn"));
        assertThat(credit.status()).isEqualTo(201);
        assertThat(credit.json().get("correctsId").asLong()).isEqualTo(id);
        assertThat(credit.json().get("total").asLong()).isEqualTo(2990);

        Api.Response voidPaidOrCredited = finance.post("/api/documents/" + id + "/void", Map.of("reason", "mistake"));
        assertThat(voidPaidOrCredited.status()).isEqualTo(409);
        Api.Response link = api.post("/api/documents/" + id + "/link", "{}");
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.json().get("url").asString()).contains("/d/");
    }
}
