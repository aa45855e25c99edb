package dev.kontor.catalog.internal;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import dev.kontor.catalog.Drift;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Recomputes every stock figure from the ledger, and reserved/backordered also from the reservations, and
 * reports where a stored figure differs. Read-only; cheap enough to run after every test.
 */
@Repository
public class InventoryCheck {

    private final JdbcClient jdbc;

    InventoryCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Drift> run() {
        List<Drift> drifts = new ArrayList<>();
        jdbc.sql("""
                        WITH ledger AS (
                            SELECT variant_id, location, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved,
                                   sum(backordered_delta) AS backordered, sum(defective_delta) AS defective
                            FROM stock_movements GROUP BY variant_id, location),
                        holds AS (
                            SELECT variant_id, location, sum(reserved) AS reserved, sum(backordered) AS backordered
                            FROM reservations GROUP BY variant_id, location),
                        levels AS (
                            SELECT coalesce(s.variant_id, g.variant_id, h.variant_id) AS variant_id,
                                   coalesce(s.location, g.location, h.location) AS location,
                                   coalesce(s.on_hand, 0) AS s_on, coalesce(s.reserved, 0) AS s_res,
                                   coalesce(s.backordered, 0) AS s_back, coalesce(s.defective, 0) AS s_def,
                                   coalesce(g.on_hand, 0) AS g_on, coalesce(g.reserved, 0) AS g_res,
                                   coalesce(g.backordered, 0) AS g_back, coalesce(g.defective, 0) AS g_def,
                                   coalesce(h.reserved, 0) AS h_res, coalesce(h.backordered, 0) AS h_back
                            FROM stock_levels s
                            FULL JOIN ledger g ON g.variant_id = s.variant_id AND g.location = s.location
                            FULL JOIN holds h ON h.variant_id = coalesce(s.variant_id, g.variant_id)
                                             AND h.location = coalesce(s.location, g.location))
                        SELECT v.sku, l.location, l.s_on, l.g_on, l.s_res, l.g_res, l.h_res, l.s_back, l.g_back, l.h_back,
                               l.s_def, l.g_def
                        FROM levels l JOIN variants v ON v.id = l.variant_id
                        WHERE l.s_on <> l.g_on OR l.s_res <> l.g_res OR l.s_res <> l.h_res OR l.s_back <> l.g_back
                           OR l.s_back <> l.h_back OR l.s_def <> l.g_def OR l.s_res > l.s_on OR l.s_on < 0""").query((ResultSet rs) -> {
            String sku = rs.getString(1);
            String location = rs.getString(2);
            add(drifts, sku, location, "on hand (ledger)", rs.getLong(3), rs.getLong(4));
            add(drifts, sku, location, "reserved (ledger)", rs.getLong(5), rs.getLong(6));
            add(drifts, sku, location, "reserved (reservations)", rs.getLong(5), rs.getLong(7));
            add(drifts, sku, location, "backordered (ledger)", rs.getLong(8), rs.getLong(9));
            add(drifts, sku, location, "backordered (reservations)", rs.getLong(8), rs.getLong(10));
            add(drifts, sku, location, "defective (ledger)", rs.getLong(11), rs.getLong(12));
            if (rs.getLong(5) > rs.getLong(3)) {
                drifts.add(new Drift(sku, location, "reserved above on hand", rs.getLong(5), rs.getLong(3)));
            }
        });
        return drifts;
    }

    private static void add(
            List<Drift> drifts, String sku, String location, String figure, long stored, long computed) {
        if (stored != computed) {
            drifts.add(new Drift(sku, location, figure, stored, computed));
        }
    }
}
