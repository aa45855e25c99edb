package dev.kontor.orders;

import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderLists;
import dev.kontor.workbench.internal.ListQueries;
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
    OrderIntake orderIntake;

    @Autowired
    OrderLifecycle orderLifecycle;

    @Autowired
    OrderLists orderLists;

    @Autowired
    ListQueries queries;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsFollowEveryChangeOfStatusChannelAndMark() {
        Actor boss = fixtures.user("boss", Role.SUPERVISOR);
        Order a = orderIntake
                .place(boss, Fixtures.input("EBAY", "E-1", Fixtures.line("A", 1000, 1)), false)
                .order();
        Order b = orderIntake
                .place(boss, Fixtures.input("EBAY", "E-2", Fixtures.line("A", 1000, 1)), false)
                .order();
        Order c = orderIntake
                .place(boss, Fixtures.input("TAOBAO", "T-1", Fixtures.line("A", 1000, 1)), false)
                .order();
        Order draft = orderIntake
                .place(boss, Fixtures.input("MANUAL", null, Fixtures.line("A", 1000, 1)), true)
                .order();
        orderLifecycle.act(boss, a.id(), null, OrderAction.APPROVE, null);
        orderLifecycle.act(boss, b.id(), null, OrderAction.CANCEL, "duplicate");
        orderLifecycle.act(boss, draft.id(), null, OrderAction.DELETE, null);

        OrderFilter newOnes =
                new OrderFilter(null, Set.of(LifecycleStatus.NEW), Set.of(), Set.of(), Set.of(), null, null, null);
        OrderFilter ebayUnpaid = OrderFilter.unpaid();
        ebayUnpaid = new OrderFilter(
                null, ebayUnpaid.lifecycle(), ebayUnpaid.payment(), Set.of(), Set.of("EBAY"), null, null, null);
        for (int round = 0; round < 2; round++) {
            assertThat(orderLists.count(boss, OrderFilter.all()))
                    .as("deleted drafts are not counted")
                    .isEqualTo(3);
            assertThat(orderLists.count(boss, newOnes)).isEqualTo(1);
            assertThat(orderLists.count(boss, ebayUnpaid)).isEqualTo(1);
            assertThat(orderLists.countByChannel(boss, OrderFilter.unpaid()))
                    .containsEntry("EBAY", 1L)
                    .containsEntry("TAOBAO", 1L)
                    .doesNotContainKey("MANUAL");
            assertThat(orderLists.countByLifecycle(boss))
                    .containsEntry(LifecycleStatus.APPROVED, 1L)
                    .containsEntry(LifecycleStatus.CANCELLED, 1L)
                    .containsEntry(LifecycleStatus.NEW, 1L);
            assertThat(orderLists.count(boss, OrderFilter.all().flagged())).isZero();
            queries.foldCounts();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM order_counts")
                        .query(Long.class)
                        .single())
                .as("folded into one row per bucket")
                .isLessThanOrEqualTo(4);
        assertThat(orderLists.count(
                        boss, new OrderFilter(c.number(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null)))
                .as("a search is counted on the orders")
                .isEqualTo(1);
    }
}
