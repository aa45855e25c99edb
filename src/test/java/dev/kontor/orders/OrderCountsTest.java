package dev.kontor.orders;

import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.internal.OrderQueries;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The views' counts come from bucket deltas; they must agree with counting the orders, before and after folding. */
@KontorTest
class OrderCountsTest {

    @Autowired
    Orders orders;

    @Autowired
    OrderQueries queries;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsFollowEveryChangeOfStatusChannelAndMark() {
        Actor boss = fixtures.user("boss", Role.SUPERVISOR);
        Order a = orders.place(boss, Fixtures.input("EBAY", "E-1", Fixtures.line("A", 1000, 1)), false)
                .order();
        Order b = orders.place(boss, Fixtures.input("EBAY", "E-2", Fixtures.line("A", 1000, 1)), false)
                .order();
        Order c = orders.place(boss, Fixtures.input("TAOBAO", "T-1", Fixtures.line("A", 1000, 1)), false)
                .order();
        Order draft = orders.place(boss, Fixtures.input("MANUAL", null, Fixtures.line("A", 1000, 1)), true)
                .order();
        orders.act(boss, a.id(), null, OrderAction.APPROVE, null);
        orders.act(boss, b.id(), null, OrderAction.CANCEL, "duplicate");
        orders.act(boss, draft.id(), null, OrderAction.DELETE, null);

        OrderFilter newOnes =
                new OrderFilter(null, Set.of(LifecycleStatus.NEW), Set.of(), Set.of(), Set.of(), null, null, null);
        OrderFilter ebayUnpaid = OrderFilter.unpaid();
        ebayUnpaid = new OrderFilter(
                null, ebayUnpaid.lifecycle(), ebayUnpaid.payment(), Set.of(), Set.of("EBAY"), null, null, null);
        for (int round = 0; round < 2; round++) {
            assertThat(orders.count(boss, OrderFilter.all()))
                    .as("deleted drafts are not counted")
                    .isEqualTo(3);
            assertThat(orders.count(boss, newOnes)).isEqualTo(1);
            assertThat(orders.count(boss, ebayUnpaid)).isEqualTo(1);
            assertThat(orders.countByChannel(boss, OrderFilter.unpaid()))
                    .containsEntry("EBAY", 1L)
                    .containsEntry("TAOBAO", 1L)
                    .doesNotContainKey("MANUAL");
            assertThat(orders.countByLifecycle(boss))
                    .containsEntry(LifecycleStatus.APPROVED, 1L)
                    .containsEntry(LifecycleStatus.CANCELLED, 1L)
                    .containsEntry(LifecycleStatus.NEW, 1L);
            assertThat(orders.count(boss, OrderFilter.all().flagged())).isZero();
            queries.foldCounts();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM order_counts")
                        .query(Long.class)
                        .single())
                .as("folded into one row per bucket")
                .isLessThanOrEqualTo(4);
        assertThat(orders.count(
                        boss, new OrderFilter(c.number(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null)))
                .as("a search is counted on the orders")
                .isEqualTo(1);
    }
}
