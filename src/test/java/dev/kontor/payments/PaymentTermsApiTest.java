package dev.kontor.payments;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.kontor.access.Role;
import dev.kontor.orders.OrdersApiTestAccess;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MailBox;
import dev.kontor.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment terms, the overdue view and the invoice over the API: what a finance colleague or an integration sees.
 */
@KontorTest
class PaymentTermsApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = MailBox.server();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    Api sales;
    Api finance;

    @BeforeEach
    void setUp() {
        sales = new Api(port).bearer(fixtures.token(fixtures.user("sven", Role.SALES, Role.SUPERVISOR)));
        finance = new Api(port).bearer(fixtures.token(fixtures.user("ingrid", Role.FINANCE)));
    }

    private Map<String, Object> order(Map<String, Object> terms, boolean draft) {
        Map<String, Object> body = new HashMap<>(OrdersApiTestAccess.taobaoOrder(null));
        body.put("channel", "MANUAL");
        body.remove("externalId");
        body.put("draft", draft);
        if (terms != null) {
            body.put("paymentTerms", terms);
        }
        return body;
    }

    private JsonNode create(Map<String, Object> terms, boolean draft) {
        Api.Response created = sales.post("/api/orders", order(terms, draft));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void termsGiveTheDueDateAndUnpaidOrdersPastItAreListedAsOverdue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        JsonNode onReceipt = create(null, false);
        JsonNode net30 = create(Map.of("kind", "NET_30"), false);
        JsonNode fixed = create(
                Map.of("kind", "FIXED_DATE", "fixedDate", today.plusDays(3).toString()), false);

        assertThat(onReceipt.get("paymentTerms").get("kind").asString()).isEqualTo("DUE_ON_RECEIPT");
        assertThat(onReceipt.get("dueDate").asString()).isEqualTo(today.toString());
        assertThat(net30.get("dueDate").asString()).isEqualTo(today.plusDays(30).toString());
        assertThat(fixed.get("dueDate").asString()).isEqualTo(today.plusDays(3).toString());
        assertThat(sales.get("/api/orders?overdue=true").json().get("items"))
                .as("nothing is late today")
                .isEmpty();

        clock.advance(Duration.ofDays(5));
        assertThat(sales.get("/api/orders?overdue=true").json().get("items"))
                .extracting(n -> n.get("number").asString())
                .containsExactlyInAnyOrder(
                        onReceipt.get("number").asString(), fixed.get("number").asString());

        long id = fixed.get("id").asLong();
        Api.Response paid = finance.post(
                "/api/orders/" + id + "/payments",
                Map.of("amount", fixed.get("totals").get("total").asLong(), "currency", "CNY", "method", "ALIPAY"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(sales.get("/api/orders?overdue=true").json().get("items"))
                .extracting(n -> n.get("number").asString())
                .containsExactly(onReceipt.get("number").asString());

        clock.advance(Duration.ofDays(30));
        assertThat(sales.get("/api/orders?overdue=true").json().get("items")).hasSize(2);
    }

    @Test
    void fixedDateTermsWithoutADateAreRefusedNamingTheField() {
        Api.Response refused = sales.post("/api/orders", order(Map.of("kind", "FIXED_DATE"), false));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("paymentTerms.fixedDate");
        Api.Response unknown = sales.post("/api/orders", order(Map.of("kind", "NET_90"), false));
        assertThat(unknown.status()).as(unknown.body()).isBetween(400, 422);
        assertThat(unknown.body()).contains("paymentTerms");
    }

    @Test
    void theInvoiceIsSentOverTheApiAndRefusedForWhatIsNotADraftOrHasNoEmail() {
        JsonNode draft = create(null, true);
        long id = draft.get("id").asLong();
        Api.Response sent = sales.post("/api/orders/" + id + "/invoice", Map.of());
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("url").asString()).matches("http://localhost:\\d+/pay/[A-Za-z0-9_-]{43}");
        assertThat(sent.json().get("status").asString()).isEqualTo("OPEN");
        Api.Response again = sales.post("/api/orders/" + id + "/payment-link", Map.of());
        assertThat(again.json().get("url").asString())
                .as("the open link is reused")
                .isEqualTo(sent.json().get("url").asString());
        assertThat(sales.get("/api/orders/" + id + "/payment-link")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");

        JsonNode submitted = create(null, false);
        long submittedId = submitted.get("id").asLong();
        Api.Response owing = sales.post("/api/orders/" + submittedId + "/invoice", Map.of());
        assertThat(owing.status())
                .as("a submitted order still owing money gets its invoice (Shopify)")
                .isEqualTo(200);
        assertThat(sales.post("/api/orders/" + submittedId + "/cancel", Map.of("reason", "customer withdrew"))
                        .status())
                .isEqualTo(200);
        Api.Response voided = sales.post("/api/orders/" + submittedId + "/invoice", Map.of());
        assertThat(voided.status()).isEqualTo(409);
        assertThat(voided.json().get("reason").asString()).isEqualTo("payment-link.refused.not-open");

        Map<String, Object> noMail = order(null, true);
        noMail.put("customer", Map.of("name", "王磊", "country", "CN", "phone", "+86 138 0013 8001"));
        Api.Response created = sales.post("/api/orders", noMail);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response refused =
                sales.post("/api/orders/" + created.json().get("id").asLong() + "/invoice", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"email\"");
        assertThat(sales.get("/api/orders/" + created.json().get("id").asLong() + "/payment-link")
                        .status())
                .as("nothing half-written: no link without the mail")
                .isEqualTo(404);
    }

    @Test
    void unknownAndExpiredLinksGetAFriendlyPageThatTellsNothingAboutTheOrder() {
        JsonNode draft = create(null, true);
        String url = sales.post("/api/orders/" + draft.get("id").asLong() + "/invoice", Map.of())
                .json()
                .get("url")
                .asString();
        Api customer = new Api(port);
        String path = url.substring(url.indexOf("/pay/"));
        Api.Response open = customer.get(path + "?lang=en");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains(draft.get("number").asString()).contains("Pay now");

        Api.Response unknown = customer.get("/pay/" + "x".repeat(43) + "?lang=en");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This payment link does not work").doesNotContain("D-0");
        Api.Response silly = customer.get("/pay/%3Cscript%3E" + "a".repeat(500));
        assertThat(silly.status()).isEqualTo(404);

        clock.advance(Duration.ofDays(31));
        Api.Response expired = customer.get(path + "?lang=en");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body())
                .contains("This payment link has expired")
                .doesNotContain(draft.get("number").asString())
                .doesNotContain("Pay now");
        Api.Response late = customer.post(path, Map.of());
        assertThat(late.status())
                .as("a form post without its CSRF token is refused")
                .isEqualTo(403);
    }

    @Test
    void dueDatesFollowTheTerms() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        assertThat(PaymentTerms.DUE_ON_RECEIPT.dueDate(day)).isEqualTo(day);
        assertThat(PaymentTerms.of(PaymentTerms.Kind.NET_7).dueDate(day)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(PaymentTerms.of(PaymentTerms.Kind.NET_15).dueDate(day)).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(PaymentTerms.of(PaymentTerms.Kind.NET_30).dueDate(day)).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(new PaymentTerms(PaymentTerms.Kind.FIXED_DATE, LocalDate.of(2027, 1, 15)).dueDate(day))
                .isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(new PaymentTerms(PaymentTerms.Kind.NET_30, LocalDate.of(2027, 1, 15)).fixedDate())
                .as("a date only belongs to fixed-date terms")
                .isNull();
    }
}
