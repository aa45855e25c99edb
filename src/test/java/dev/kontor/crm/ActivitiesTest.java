package dev.kontor.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.customers.Customers;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import dev.kontor.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planned activities over the API: a call planned on an order for a colleague is in their open activities (overdue
 * ones first, counted for the navigation), completed with its outcome; both are in the order's timeline. A due time
 * in the past, an unknown subject, no outcome and a role without the right are refused naming the field.
 */
@KontorTest
class ActivitiesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    MutableClock clock;

    @Autowired
    Activities activities;

    Actor lina;
    Actor sven;
    Order order;
    Api api;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        sven = fixtures.user("sven", Role.SALES);
        order = fixtures.order(sven, false);
        api = new Api(port).bearer(fixtures.token(lina));
    }

    private Map<String, Object> call(Instant due, String note) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("subjectType", "order");
        plan.put("subjectId", order.id());
        plan.put("kind", "CALL");
        plan.put("dueAt", due.toString());
        plan.put("responsibleId", sven.userId());
        plan.put("note", note);
        return plan;
    }

    @Test
    void aCallIsPlannedForAColleagueAndCompletedWithItsOutcome() {
        Instant now = clock.instant();
        Api.Response later = api.post("/api/activities", call(now.plus(Duration.ofDays(2)), "Ask about the fabric"));
        Api.Response soon = api.post("/api/activities", call(now.plus(Duration.ofHours(1)), "Confirm the date"));
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        assertThat(soon.json().get("responsibleName").asText()).isEqualTo("Sven");

        clock.advance(Duration.ofHours(2)); // the first call is overdue now
        Api.Response svens = new Api(port).bearer(fixtures.token(sven)).get("/api/activities");
        JsonNode open = svens.json();
        assertThat(open).hasSize(2);
        assertThat(open.get(0).get("note").asText())
                .as("the earliest (overdue) first")
                .isEqualTo("Confirm the date");

        assertThat(activities.dueToday(sven))
                .as("the count in the navigation: overdue or due today")
                .isEqualTo(1);

        long id = soon.json().get("id").asLong();
        Api.Response noOutcome = api.post("/api/activities/" + id + "/done", Map.of("outcome", " "));
        assertThat(noOutcome.status()).isEqualTo(422);
        assertThat(noOutcome.json().get("errors").get(0).get("field").asText()).isEqualTo("outcome");

        Api.Response done = api.post("/api/activities/" + id + "/done", Map.of("outcome", "Called: the date holds"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("doneBy").asText()).isEqualTo("Li.na");
        assertThat(api.post("/api/activities/" + id + "/done", Map.of("outcome", "again"))
                        .status())
                .as("done once")
                .isEqualTo(404);

        assertThat(orders.timeline(lina, order.id()))
                .extracting(TimelineEntry::action)
                .startsWith("activity.done", "activity.planned", "activity.planned");
        assertThat(orders.timeline(lina, order.id()).get(0).details())
                .containsEntry("result", "Called: the date holds")
                .containsEntry("activityKind", "CALL");
        assertThat(new Api(port)
                        .bearer(fixtures.token(sven))
                        .get("/api/activities")
                        .json())
                .hasSize(1);
    }

    @Test
    void whatCannotBePlannedIsRefusedNamingTheField() {
        Api.Response past = api.post("/api/activities", call(clock.instant().minus(Duration.ofDays(1)), null));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("errors").get(0).get("field").asText()).isEqualTo("dueAt");

        Map<String, Object> nowhere = call(clock.instant().plus(Duration.ofDays(1)), null);
        nowhere.put("subjectType", "invoice");
        Api.Response unknown = api.post("/api/activities", nowhere);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("subjectType");

        Api.Response warehouse = new Api(port)
                .bearer(fixtures.token(fixtures.user("jonas", Role.WAREHOUSE)))
                .post("/api/activities", call(clock.instant().plus(Duration.ofDays(1)), null));
        assertThat(warehouse.status()).isEqualTo(403);
        assertThat(api.get("/api/activities?subjectType=order&subjectId=" + order.id())
                        .json())
                .isEmpty();
    }

    @Autowired
    OrderNotes notes;

    @Test
    void aColleagueMentionedInANoteFindsItAmongTheirActivities() {
        fixtures.user("ingrid", Role.FINANCE);
        notes.add(lina, order.id(), NoteKind.INTERNAL, "@sven please call them. Cc @ghost and @li.na.");

        JsonNode svens = new Api(port)
                .bearer(fixtures.token(sven))
                .get("/api/activities")
                .json();
        assertThat(svens).hasSize(1);
        assertThat(svens.get(0).get("kind").asText()).isEqualTo("MENTION");
        assertThat(svens.get(0).get("subjectLabel").asText()).isEqualTo(order.number());
        assertThat(svens.get(0).get("createdBy").asText()).isEqualTo("Li.na");
        assertThat(svens.get(0).get("note").asText()).contains("please call them");
        assertThat(api.get("/api/activities").json())
                .as("not the writer herself")
                .isEmpty();
        assertThat(activities.dueToday(sven)).isEqualTo(1);

        Map<String, Object> mention = call(clock.instant().plus(Duration.ofDays(1)), null);
        mention.put("kind", "MENTION");
        Api.Response planned = api.post("/api/activities", mention);
        assertThat(planned.status()).isEqualTo(422);
        assertThat(planned.json().get("errors").get(0).get("field").asText()).isEqualTo("kind");
    }

    @Autowired
    Customers customers;

    @Test
    void aCallIsLoggedAfterItHappenedWithItsDirectionLengthAndOutcome() {
        long customer = order.content().customerId();
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("subjectType", "customer");
        call.put("subjectId", customer);
        call.put("direction", "INBOUND");
        call.put("minutes", 6);
        call.put("outcome", "Wants the blue one instead");

        Api.Response logged = api.post("/api/activities/calls", call);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.json().get("callDirection").asText()).isEqualTo("INBOUND");
        assertThat(logged.json().get("doneAt").isNull()).isFalse();
        assertThat(customers.timeline(customer)).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo("call.logged");
            assertThat(e.details())
                    .containsEntry("callDirection", "INBOUND")
                    .containsEntry("minutes", "6")
                    .containsEntry("result", "Wants the blue one instead");
        });
        assertThat(api.get("/api/activities").json())
                .as("a logged call is not open")
                .isEmpty();

        call.put("minutes", -3);
        Api.Response negative = api.post("/api/activities/calls", call);
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("errors").get(0).get("field").asText()).isEqualTo("minutes");
    }
}
