package dev.kontor.crm.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.workbench.OrderCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The board's read model: the orders of one pipeline by the stage they stand in, counted and summed per stage and
 * currency, and each stage's newest cards with their next open activity. An order's stage is worked out in the
 * statement (the stage it was moved to while that belongs to its state, else its state's first stage), so nothing is
 * written when an order is placed or its state changes elsewhere. Reads the orders table, as the workbench's lists do.
 */
@Repository
public class BoardQueries {

    private final JdbcClient jdbc;

    BoardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the board shows.
     *
     * @param orders        the order list's filter (search, channels, statuses, dates, custom fields…) and who may
     *                      see what, as a condition over {@code orders o} (see {@link OrderCondition})
     * @param responsibleId one responsible colleague, or any
     * @param closedSince   completed and cancelled orders only when changed since then
     */
    public record Filter(OrderCondition orders, Long responsibleId, Instant closedSince) {}

    /** How many orders stand in a stage in one currency, and what they add up to. */
    public record Sum(long stageId, String currency, long count, long total) {}

    /** One order on the board. */
    public record Card(
            long stageId,
            long orderId,
            String number,
            String customerName,
            String currency,
            long total,
            String responsibleName,
            String lifecycle,
            Instant placedAt,
            Instant nextDueAt,
            String nextKind) {}

    private static final List<String> OWN_PARAMETERS =
            List.of("pipeline", "default", "closedSince", "responsible", "limit");

    private static String placed(Filter filter) {
        String condition = filter.orders().sql();
        return PLACED.replace("/* orders */", condition.isEmpty() ? "" : "AND " + condition);
    }

    private static final String PLACED = """
            WITH firsts AS (
                SELECT DISTINCT ON (lifecycle) lifecycle, id FROM stages WHERE pipeline_id = :pipeline
                ORDER BY lifecycle, position, id
            ), placed AS (
                SELECT o.id, o.number, o.customer_name, o.currency, o.total, o.responsible_id, o.placed_at,
                       o.lifecycle, CASE WHEN st.lifecycle = o.lifecycle THEN st.id ELSE f.id END AS stage_id
                FROM orders o
                JOIN firsts f ON f.lifecycle = o.lifecycle
                LEFT JOIN order_stages os ON os.order_id = o.id
                LEFT JOIN stages st ON st.id = os.stage_id
                LEFT JOIN channel_pipelines cp ON cp.channel = o.channel
                WHERE (o.lifecycle IN ('DRAFT', 'NEW', 'APPROVED', 'ON_HOLD') OR o.updated_at >= :closedSince)
                  AND coalesce(st.pipeline_id, cp.pipeline_id, :default) = :pipeline
                  AND (CAST(:responsible AS BIGINT) IS NULL OR o.responsible_id = :responsible)
                  /* orders */
            )
            """;

    public List<Sum> sums(long pipelineId, long defaultPipelineId, Filter filter) {
        return jdbc.sql(placed(filter) + """
                        SELECT stage_id, currency, count(*) AS n, sum(total) AS total FROM placed
                        GROUP BY stage_id, currency ORDER BY stage_id, currency""")
                .params(params(pipelineId, defaultPipelineId, filter))
                .query((rs, n) ->
                        new Sum(rs.getLong("stage_id"), rs.getString("currency"), rs.getLong("n"), rs.getLong("total")))
                .list();
    }

    /** The newest orders of each stage, at most {@code perStage} of each. */
    public List<Card> cards(long pipelineId, long defaultPipelineId, Filter filter, int perStage) {
        Map<String, Object> params = params(pipelineId, defaultPipelineId, filter);
        params.put("limit", perStage);
        return jdbc.sql(placed(filter) + """
                        SELECT p.*, u.display_name AS responsible_name, a.due_at, a.kind
                        FROM (SELECT placed.*, row_number() OVER (PARTITION BY stage_id
                                  ORDER BY placed_at DESC, id DESC) AS n FROM placed) p
                        LEFT JOIN users u ON u.id = p.responsible_id
                        LEFT JOIN LATERAL (SELECT due_at, kind FROM activities
                                  WHERE subject_type = 'order' AND subject_id = p.id AND done_at IS NULL
                                  ORDER BY due_at LIMIT 1) a ON TRUE
                        WHERE p.n <= :limit ORDER BY p.stage_id, p.n""")
                .params(params)
                .query((rs, n) -> new Card(
                        rs.getLong("stage_id"),
                        rs.getLong("id"),
                        rs.getString("number"),
                        rs.getString("customer_name"),
                        rs.getString("currency").strip(),
                        rs.getLong("total"),
                        rs.getString("responsible_name"),
                        rs.getString("lifecycle"),
                        rs.getTimestamp("placed_at").toInstant(),
                        rs.getTimestamp("due_at") == null
                                ? null
                                : rs.getTimestamp("due_at").toInstant(),
                        rs.getString("kind")))
                .list();
    }

    private static Map<String, Object> params(long pipelineId, long defaultPipelineId, Filter filter) {
        if (filter.orders().clashesWith(OWN_PARAMETERS)) {
            throw new IllegalStateException("the order list's condition names a parameter of the board's statement");
        }
        Map<String, Object> params = new LinkedHashMap<>(filter.orders().params());
        params.put("pipeline", pipelineId);
        params.put("default", defaultPipelineId);
        params.put("closedSince", Timestamp.from(filter.closedSince()));
        params.put("responsible", filter.responsibleId());
        return params;
    }
}
