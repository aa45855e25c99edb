package dev.kontor.orders.internal;

import java.util.List;
import java.util.function.IntFunction;

import dev.kontor.orders.FamilyMember;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.RelatedOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders made from others (re-shipments, splits): their numbers, their links, the lineage. */
@Repository
public class OrderLineage {

    private final JdbcClient jdbc;

    OrderLineage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The first number {@code candidate.apply(1, 2, …)} that no order has yet: a child order's number (re-ship
     * {@code RE<number>}, {@code RE<number>-2}; split {@code <number>-OSP1}, {@code -OSP2}). The parent is locked, so
     * its children are numbered one at a time.
     */
    public String firstFreeNumber(IntFunction<String> candidate) {
        for (int n = 1; ; n++) {
            String number = candidate.apply(n);
            if (jdbc.sql("SELECT 1 FROM orders WHERE number = :number")
                    .param("number", number)
                    .query(Integer.class)
                    .optional()
                    .isEmpty()) {
                return number;
            }
        }
    }

    public void link(long childId, long parentId, String relation) {
        jdbc.sql("UPDATE orders SET parent_id = :parent, relation = :relation WHERE id = :id")
                .param("parent", parentId)
                .param("relation", relation)
                .param("id", childId)
                .update();
    }

    /** The parent (relation {@code PARENT}) and the children of an order. */
    public List<RelatedOrder> lineage(long id) {
        return jdbc.sql("""
                        SELECT p.id, p.number, 'PARENT' AS relation, p.lifecycle FROM orders o
                        JOIN orders p ON p.id = o.parent_id WHERE o.id = :id
                        UNION ALL
                        SELECT c.id, c.number, c.relation, c.lifecycle FROM orders c WHERE c.parent_id = :id
                        ORDER BY 1""")
                .param("id", id)
                .query((rs, n) -> new RelatedOrder(
                        rs.getLong(1), rs.getString(2), rs.getString(3), LifecycleStatus.valueOf(rs.getString(4))))
                .list();
    }

    /**
     * The whole family the order belongs to, from its original down (at most 20 generations), each parent before its
     * children; empty for an order that was neither made from another nor had any made from it.
     */
    public List<FamilyMember> family(long id) {
        List<FamilyMember> members = jdbc.sql("""
                        WITH RECURSIVE up AS (
                            SELECT id, parent_id, 0 AS steps FROM orders WHERE id = :id
                            UNION ALL
                            SELECT p.id, p.parent_id, up.steps + 1 FROM orders p JOIN up ON p.id = up.parent_id
                            WHERE up.steps < 20),
                        root AS (SELECT id FROM up ORDER BY steps DESC LIMIT 1),
                        down AS (
                            SELECT o.id, o.number, CAST(NULL AS TEXT) AS relation, o.lifecycle, 0 AS depth,
                                   ARRAY[o.id] AS path
                            FROM orders o JOIN root ON o.id = root.id
                            UNION ALL
                            SELECT c.id, c.number, c.relation, c.lifecycle, d.depth + 1, d.path || c.id
                            FROM orders c JOIN down d ON c.parent_id = d.id WHERE d.depth < 20)
                        SELECT id, number, relation, lifecycle, depth FROM down ORDER BY path""")
                .param("id", id)
                .query((rs, n) -> new FamilyMember(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        LifecycleStatus.valueOf(rs.getString(4)),
                        rs.getInt(5)))
                .list();
        return members.size() > 1 ? members : List.of();
    }
}
