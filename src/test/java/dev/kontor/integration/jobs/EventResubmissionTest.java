package dev.kontor.integration.jobs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Holding;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.Reservations;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import dev.kontor.support.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox: what a listener does after its event's transaction committed is recorded as a publication, and a
 * publication that failed (its listener threw, or its instance died) is delivered again by the resubmission job,
 * with the same effect however often it arrives.
 */
@KontorTest
class EventResubmissionTest {

    @Autowired
    FailedEventResubmission resubmission;

    @Autowired
    OrderIntake intake;

    @Autowired
    Inventory inventory;

    @Autowired
    Reservations reservations;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailedPublicationIsDeliveredAgainAndItsTimelineEntryWrittenOnce() {
        Actor anna = fixtures.user("anna");
        fixtures.product("SHIRT", false, "WLY0QU1098");
        fixtures.receive("WLY0QU1098", 10);
        Order draft = intake.place(anna, Fixtures.input("MANUAL", null, Fixtures.line("WLY0QU1098", 4990, 2)), true)
                .order();
        Holding hold = inventory.holdingsOf(draft.id()).get(0);
        clock.set(hold.expiresAt());

        assertThat(reservations.releaseExpired(Actor.system("job"), 100)).isEqualTo(1);
        Outbox.awaitDelivered(jdbc);
        assertThat(holdExpiredEntries(draft))
                .as("the listener ran after the release")
                .isEqualTo(1);
        assertThat(publications("COMPLETED")).isEqualTo(1);

        // as if the listener had failed: its entry never written, its publication failed a while ago
        jdbc.sql("DELETE FROM timeline_entries WHERE action = 'order.hold-expired'")
                .update();
        failEveryPublication();
        resubmission.resubmit();
        Outbox.awaitDelivered(jdbc);
        assertThat(holdExpiredEntries(draft)).as("delivered again").isEqualTo(1);
        assertThat(publications("COMPLETED")).isEqualTo(1);

        failEveryPublication(); // delivered once more: nothing more is written
        resubmission.resubmit();
        Outbox.awaitDelivered(jdbc);
        assertThat(holdExpiredEntries(draft)).isEqualTo(1);
    }

    private long holdExpiredEntries(Order order) {
        return jdbc.sql("""
                        SELECT count(*) FROM timeline_entries
                        WHERE subject_id = :id AND action = 'order.hold-expired'""").param("id", order.id()).query(Long.class).single();
    }

    private long publications(String status) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE status = :status")
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private void failEveryPublication() {
        jdbc.sql("""
                        UPDATE event_publication SET status = 'FAILED', completion_date = NULL,
                            publication_date = :long_ago""")
                .param("long_ago", Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))))
                .update();
    }
}
