package dev.kontor.crm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.catalog.Inventory;
import dev.kontor.orders.LifecycleStatus;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pipelines over the API on PostgreSQL: an admin adds a "Negotiation" stage only sales may leave; a salesperson moves
 * their order into it and on to "Approved", which approves it through the lifecycle and reserves its stock; customer
 * service may not take it out of Negotiation (403 naming the right); a lost stage wants a reason and voids the order;
 * what the lifecycle refuses leaves the stage as it was; a stage with orders in it is deleted only with somewhere to
 * put them, a state's last stage not at all; a move from a stage the order no longer stands in is a conflict.
 */
@KontorTest
class PipelinesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Autowired
    Orders orders;

    @Autowired
    Inventory inventory;

    Actor sven;
    Api admin;
    Api sales;
    Api service;
    Order order;

    @BeforeEach
    void setUp() {
        Actor ada = fixtures.user("ada", Role.ADMIN);
        sven = fixtures.user("sven", Role.SALES);
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        admin = new Api(port).bearer(fixtures.token(ada));
        sales = new Api(port).bearer(fixtures.token(sven));
        service = new Api(port).bearer(fixtures.token(lina));
        fixtures.product("TEA", false, "TEA-100");
        fixtures.receive("TEA-100", 10);
        order = intake.place(
                        sven,
                        AnOrder.from("MANUAL")
                                .lines(Fixtures.line("TEA-100", 1500, 3))
                                .responsible(sven.userId())
                                .build(),
                        false)
                .order();
    }

    private static Map<String, Object> stage(String en, String lifecycle, String outcome, List<String> leave) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("names", Map.of("en", en, "de", en + " (de)"));
        body.put("colour", "#7A5AF8");
        body.put("lifecycle", lifecycle);
        body.put("outcome", outcome);
        body.put("leaveRoles", leave);
        return body;
    }

    private long stageNamed(String pipelinePath, String en) {
        for (JsonNode s : admin.get(pipelinePath).json().get("stages")) {
            if (s.get("names").get("en").asString().equals(en)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no stage " + en);
    }

    private Api.Response move(Api who, long stageId, Long lostReason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stageId", stageId);
        body.put("lostReasonId", lostReason);
        return who.put("/api/orders/" + order.id() + "/stage", body);
    }

    @Test
    void aStageOnlySalesMayLeaveAndAnApprovedStageThatApprovesAndReserves() {
        Api.Response added =
                admin.post("/api/pipelines/1/stages", stage("Negotiation", "NEW", "OPEN", List.of("SALES")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long negotiation = added.json().get("id").asLong();
        assertThat(added.json().get("colour").asString()).isEqualTo("#7a5af8");
        List<String> order = admin.get("/api/pipelines/1")
                .json()
                .get("stages")
                .valueStream()
                .map(s -> s.get("names").get("en").asString())
                .toList();
        assertThat(order).containsExactly("Draft", "New", "Negotiation", "On hold", "Approved", "Won", "Lost");

        assertThat(sales.get("/api/orders/" + this.order.id() + "/stage")
                        .json()
                        .get("stage")
                        .get("names")
                        .get("en")
                        .asString())
                .isEqualTo("New");
        Api.Response moved = move(sales, negotiation, null);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("stage").get("stage").get("id").asLong()).isEqualTo(negotiation);
        assertThat(orders.get(this.order.id()).lifecycle()).isEqualTo(LifecycleStatus.NEW);
        TimelineEntry entry = orders.timeline(sven, this.order.id()).stream()
                .filter(e -> e.action().equals("order.stage"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.changes().get(0).before()).contains("\"en\":\"New\"");
        assertThat(entry.changes().get(0).after()).contains("\"en\":\"Negotiation\"");

        Api.Response refused = move(service, stageNamed("/api/pipelines/1", "Approved"), null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("permission").asString()).isEqualTo("ORDER_STAGE");
        assertThat(refused.json().get("detail").asString()).contains("out of the stage “Negotiation”");
        assertThat(orders.get(this.order.id()).lifecycle()).isEqualTo(LifecycleStatus.NEW);

        Api.Response approved = move(sales, stageNamed("/api/pipelines/1", "Approved"), null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(orders.get(this.order.id()).lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        assertThat(inventory.holdingsOf(this.order.id()))
                .extracting(h -> h.reserved())
                .containsExactly(3);
    }

    @Test
    void aLostStageWantsAReasonAndVoidsTheOrder() {
        long lost = stageNamed("/api/pipelines/1", "Lost");
        Api.Response noReason = move(sales, lost, null);
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(422);
        assertThat(noReason.body()).contains("lostReasonId");
        Api.Response unknownReason = move(sales, lost, 999L);
        assertThat(unknownReason.status()).isEqualTo(422);

        long reason = admin.get("/api/lost-reasons").json().get(0).get("id").asLong();
        Api.Response done = move(sales, lost, reason);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(orders.get(order.id()).lifecycle()).isEqualTo(LifecycleStatus.CANCELLED);
        JsonNode place = sales.get("/api/orders/" + order.id() + "/stage").json();
        assertThat(place.get("stage").get("id").asLong()).isEqualTo(lost);
        assertThat(place.get("lostReason").get("names").get("en").asString()).isEqualTo("Price too high");
        assertThat(inventory.holdingsOf(order.id())).isEmpty();
    }

    @Test
    void whatTheLifecycleRefusesLeavesTheStageAsItWas() {
        var holdings = inventory.holdingsOf(order.id());
        Api.Response won = move(
                new Api(port).bearer(fixtures.token(fixtures.user("ingrid", Role.SUPERVISOR))),
                stageNamed("/api/pipelines/1", "Won"),
                null);
        // approving is allowed, completing an unpaid, unshipped order is not: neither happens
        assertThat(won.status()).as(won.body()).isEqualTo(409);
        assertThat(orders.get(order.id()).lifecycle()).isEqualTo(LifecycleStatus.NEW);
        assertThat(inventory.holdingsOf(order.id())).isEqualTo(holdings);
        assertThat(sales.get("/api/orders/" + order.id() + "/stage")
                        .json()
                        .get("moved")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aMoveFromAStageTheOrderNoLongerStandsInIsAConflict() {
        long negotiation = admin.post("/api/pipelines/1/stages", stage("Negotiation", "NEW", "OPEN", List.of()))
                .json()
                .get("id")
                .asLong();
        long fresh = stageNamed("/api/pipelines/1", "New");
        assertThat(sales.put(
                                "/api/orders/" + order.id() + "/stage",
                                Map.of("stageId", negotiation, "expectedStageId", fresh))
                        .status())
                .isEqualTo(200);
        Api.Response stale =
                service.put("/api/orders/" + order.id() + "/stage", Map.of("stageId", fresh, "expectedStageId", fresh));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("Sven");
    }

    @Test
    void aStageWithOrdersIsDeletedOnlyWithSomewhereToPutThemAndEveryStateKeepsAStage() {
        long negotiation = admin.post("/api/pipelines/1/stages", stage("Negotiation", "NEW", "OPEN", List.of()))
                .json()
                .get("id")
                .asLong();
        assertThat(move(sales, negotiation, null).status()).isEqualTo(200);
        Api.Response refused = admin.delete("/api/stages/" + negotiation);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("1 orders");
        long fresh = stageNamed("/api/pipelines/1", "New");
        assertThat(admin.delete("/api/stages/" + negotiation + "?moveTo=" + fresh)
                        .status())
                .isEqualTo(204);
        assertThat(sales.get("/api/orders/" + order.id() + "/stage")
                        .json()
                        .get("stage")
                        .get("id")
                        .asLong())
                .isEqualTo(fresh);
        Api.Response last = admin.delete("/api/stages/" + fresh);
        assertThat(last.status()).as(last.body()).isEqualTo(409);
        assertThat(last.json().get("detail").asString()).contains("last stage");
        assertThat(sales.delete("/api/stages/" + fresh).status()).isEqualTo(403);
    }

    @Test
    void badStagesAreRefusedNamingTheField() {
        Api.Response won = admin.post("/api/pipelines/1/stages", stage("Won early", "NEW", "WON", List.of()));
        assertThat(won.status()).isEqualTo(422);
        assertThat(won.body()).contains("\"outcome\"");
        Map<String, Object> red = stage("Red", "NEW", "OPEN", List.of());
        red.put("colour", "red");
        assertThat(admin.post("/api/pipelines/1/stages", red).body()).contains("\"colour\"");
        assertThat(move(sales, 999, null).body()).contains("\"stageId\"");
        assertThat(admin.post("/api/pipelines", Map.of("names", Map.of())).status())
                .isEqualTo(422);
    }

    @Test
    void aStageCanRequireWhatTheOrderMustHave() {
        Map<String, Object> contract = stage("Contract", "NEW", "OPEN", List.of());
        contract.put("requires", List.of("PAID", "RESPONSIBLE"));
        long id =
                admin.post("/api/pipelines/1/stages", contract).json().get("id").asLong();
        Api.Response refused = service.put("/api/orders/" + order.id() + "/stage", Map.of("stageId", id));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body())
                .contains("\"paymentStatus\"")
                .contains("Contract")
                .doesNotContain("responsibleId");
        assertThat(orders.timeline(sven, order.id())).noneMatch(e -> e.action().equals("order.stage"));
        assertThat(sales.get("/api/orders/" + order.id() + "/stage")
                        .json()
                        .get("moved")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aNewPipelineHasAStageForEveryStateAndTheBoardCountsAndSumsItsOrders() {
        Api.Response created = admin.post("/api/pipelines", Map.of("names", Map.of("en", "B2B sales")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("stages")).hasSize(6);
        JsonNode board = sales.get("/api/pipelines/1/board").json();
        JsonNode fresh = board.get("columns").get(1);
        assertThat(fresh.get("stage").get("names").get("en").asString()).isEqualTo("New");
        assertThat(fresh.get("count").asLong()).isEqualTo(1);
        assertThat(fresh.get("sums").get(0).get("minor").asLong())
                .isEqualTo(order.totals().total());
        assertThat(fresh.get("cards").get(0).get("number").asString()).isEqualTo(order.number());
        assertThat(fresh.get("cards").get(0).has("nextDueAt")).isFalse(); // nothing planned
        assertThat(sales.get("/api/pipelines/" + created.json().get("id").asLong() + "/board")
                        .json()
                        .get("columns")
                        .get(1)
                        .get("count")
                        .asLong())
                .isZero();
    }

    @Test
    void theBoardFiltersAsTheOrderListDoes() {
        Order other = intake.place(
                        sven,
                        AnOrder.from("EBAY")
                                .lines(Fixtures.line("TEA-100", 900, 1))
                                .responsible(sven.userId())
                                .build(),
                        false)
                .order();
        assertThat(newOrders("")).containsExactlyInAnyOrder(order.number(), other.number());
        assertThat(newOrders("?channel=EBAY")).containsExactly(other.number());
        assertThat(newOrders("?q=" + order.number())).containsExactly(order.number());
        assertThat(newOrders("?q=TEA-100&channel=MANUAL")).containsExactly(order.number()); // by item code, as the list
        assertThat(newOrders("?payment=PAID")).isEmpty();
        assertThat(newOrders("?from=2099-01-01")).isEmpty();

        Api.Response badDate = sales.get("/api/pipelines/1/board?from=soon");
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.body()).contains("\"from\"");
        Api.Response noSuchField = sales.get("/api/pipelines/1/board?cf.hall=4");
        assertThat(noSuchField.status()).isEqualTo(422);
        assertThat(noSuchField.body()).contains("customFields.hall");
    }

    /** The numbers on the board's first "New" column for this query string. */
    private List<String> newOrders(String query) {
        Api.Response board = sales.get("/api/pipelines/1/board" + query);
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        List<String> numbers = new java.util.ArrayList<>();
        board.json()
                .get("columns")
                .get(1)
                .get("cards")
                .forEach(c -> numbers.add(c.get("number").asString()));
        return numbers;
    }
}
