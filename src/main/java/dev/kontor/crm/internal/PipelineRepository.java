package dev.kontor.crm.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.kontor.access.Role;
import dev.kontor.crm.LostReason;
import dev.kontor.crm.Pipeline;
import dev.kontor.crm.Stage;
import dev.kontor.crm.StageOutcome;
import dev.kontor.crm.StageRequirement;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.shared.Names;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pipelines, their stages, lost reasons, the channels' pipelines and the stage each order was moved to. */
@Repository
public class PipelineRepository {

    private final JdbcClient jdbc;

    PipelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every pipeline with its stages, in their order. */
    public List<Pipeline> all() {
        Map<Long, List<Stage>> stages = jdbc
                .sql("SELECT * FROM stages ORDER BY pipeline_id, position, id")
                .query(PipelineRepository::stage)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Stage::pipelineId, LinkedHashMap::new, Collectors.toList()));
        return jdbc.sql("SELECT * FROM pipelines ORDER BY position, id")
                .query((rs, n) -> new Pipeline(
                        rs.getLong("id"),
                        Names.read(rs.getString("names")),
                        rs.getInt("position"),
                        rs.getBoolean("is_default"),
                        stages.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    public long insertPipeline(Names names) {
        return jdbc.sql("""
                        INSERT INTO pipelines (names, position)
                        VALUES (CAST(:names AS JSONB), (SELECT coalesce(max(position), -1) + 1 FROM pipelines))
                        RETURNING id""").param("names", names.json()).query(Long.class).single();
    }

    public void renamePipeline(long id, Names names) {
        jdbc.sql("UPDATE pipelines SET names = CAST(:names AS JSONB) WHERE id = :id")
                .param("names", names.json())
                .param("id", id)
                .update();
    }

    /** Locks a pipeline's stages while they are changed, so two admins' changes cannot break its rules together. */
    public void lockPipeline(long id) {
        jdbc.sql("SELECT id FROM pipelines WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    /** What a stage is made of, as an admin writes it. */
    public record StageRow(
            Names names,
            String colour,
            LifecycleStatus lifecycle,
            StageOutcome outcome,
            Set<Role> enterRoles,
            Set<Role> leaveRoles,
            Set<StageRequirement> requires,
            Set<String> requiredFields) {}

    public long insertStage(long pipelineId, StageRow row) {
        return jdbc.sql("""
                        INSERT INTO stages (pipeline_id, names, colour, position, lifecycle, outcome, enter_roles,
                            leave_roles, requires, required_fields)
                        VALUES (:pipeline, CAST(:names AS JSONB), :colour,
                            (SELECT coalesce(max(position), -1) + 1 FROM stages WHERE pipeline_id = :pipeline),
                            :lifecycle, :outcome, :enter, :leave, :requires, :fields)
                        RETURNING id""")
                .param("pipeline", pipelineId)
                .params(stageParams(row))
                .query(Long.class)
                .single();
    }

    public void updateStage(long id, StageRow row) {
        jdbc.sql("""
                        UPDATE stages SET names = CAST(:names AS JSONB), colour = :colour, lifecycle = :lifecycle,
                            outcome = :outcome, enter_roles = :enter, leave_roles = :leave, requires = :requires,
                            required_fields = :fields
                        WHERE id = :id""").params(stageParams(row)).param("id", id).update();
    }

    private static Map<String, Object> stageParams(StageRow row) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("names", row.names().json());
        params.put("colour", row.colour());
        params.put("lifecycle", row.lifecycle().name());
        params.put("outcome", row.outcome().name());
        params.put("enter", names(row.enterRoles()));
        params.put("leave", names(row.leaveRoles()));
        params.put("requires", names(row.requires()));
        params.put("fields", row.requiredFields().stream().sorted().toArray(String[]::new));
        return params;
    }

    /** Puts a pipeline's stages in the given order (ids of other pipelines are ignored). */
    public void reorder(long pipelineId, List<Long> stageIds) {
        jdbc.sql("""
                        UPDATE stages s SET position = o.position - 1
                        FROM unnest(CAST(:ids AS BIGINT[])) WITH ORDINALITY AS o(id, position)
                        WHERE s.id = o.id AND s.pipeline_id = :pipeline""")
                .param("ids", stageIds.toArray(Long[]::new))
                .param("pipeline", pipelineId)
                .update();
    }

    public void deleteStage(long id) {
        jdbc.sql("DELETE FROM stages WHERE id = :id").param("id", id).update();
    }

    /** How many orders were moved to this stage by someone (and so would be left without it). */
    public long ordersMovedTo(long stageId) {
        return jdbc.sql("SELECT count(*) FROM order_stages WHERE stage_id = :stage")
                .param("stage", stageId)
                .query(Long.class)
                .single();
    }

    /** Moves the orders someone put in one stage to another (a stage about to be deleted). */
    public int moveOrders(long fromStageId, long toStageId, Instant now, String by) {
        return jdbc.sql("""
                        UPDATE order_stages SET stage_id = :to, entered_at = :now, entered_by = :by
                        WHERE stage_id = :from""")
                .param("from", fromStageId)
                .param("to", toStageId)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
    }

    public List<LostReason> lostReasons() {
        return jdbc.sql("SELECT * FROM lost_reasons ORDER BY position, id")
                .query((rs, n) -> new LostReason(
                        rs.getLong("id"),
                        Names.read(rs.getString("names")),
                        rs.getInt("position"),
                        rs.getBoolean("active")))
                .list();
    }

    public long insertLostReason(Names names) {
        return jdbc.sql("""
                        INSERT INTO lost_reasons (names, position)
                        VALUES (CAST(:names AS JSONB), (SELECT coalesce(max(position), -1) + 1 FROM lost_reasons))
                        RETURNING id""").param("names", names.json()).query(Long.class).single();
    }

    public int updateLostReason(long id, Names names, boolean active) {
        return jdbc.sql("UPDATE lost_reasons SET names = CAST(:names AS JSONB), active = :active WHERE id = :id")
                .param("names", names.json())
                .param("active", active)
                .param("id", id)
                .update();
    }

    /** The pipeline each channel's orders start in, for the channels given one. */
    public Map<String, Long> channelPipelines() {
        return jdbc
                .sql("SELECT channel, pipeline_id FROM channel_pipelines ORDER BY channel")
                .query((rs, n) -> Map.entry(rs.getString("channel"), rs.getLong("pipeline_id")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    public void assignChannel(String channel, Long pipelineId) {
        if (pipelineId == null) {
            jdbc.sql("DELETE FROM channel_pipelines WHERE channel = :channel")
                    .param("channel", channel)
                    .update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO channel_pipelines (channel, pipeline_id) VALUES (:channel, :pipeline)
                        ON CONFLICT (channel) DO UPDATE SET pipeline_id = EXCLUDED.pipeline_id""").param("channel", channel).param("pipeline", pipelineId).update();
    }

    /** The stage someone moved an order to, and the reason it was lost. */
    public record Stored(long stageId, Long lostReasonId, Instant enteredAt, String enteredBy) {}

    public Optional<Stored> stored(long orderId) {
        return jdbc.sql("SELECT * FROM order_stages WHERE order_id = :order")
                .param("order", orderId)
                .query(PipelineRepository::stored)
                .optional();
    }

    /**
     * Stores the stage an order was moved to, if its stored stage is still what the mover saw (none, or the one
     * they read, entered at the same moment); answers whether it was written.
     */
    public boolean store(long orderId, Optional<Stored> seen, long stageId, Long lostReasonId, Instant now, String by) {
        if (seen.isEmpty()) {
            return jdbc.sql("""
                            INSERT INTO order_stages (order_id, stage_id, lost_reason_id, entered_at, entered_by)
                            VALUES (:order, :stage, :reason, :now, :by) ON CONFLICT (order_id) DO NOTHING""")
                            .param("order", orderId)
                            .param("stage", stageId)
                            .param("reason", lostReasonId)
                            .param("now", Timestamp.from(now))
                            .param("by", by)
                            .update()
                    == 1;
        }
        return jdbc.sql("""
                        UPDATE order_stages SET stage_id = :stage, lost_reason_id = :reason, entered_at = :now,
                            entered_by = :by
                        WHERE order_id = :order AND stage_id = :seenStage AND entered_at = :seenAt""")
                        .param("order", orderId)
                        .param("stage", stageId)
                        .param("reason", lostReasonId)
                        .param("now", Timestamp.from(now))
                        .param("by", by)
                        .param("seenStage", seen.get().stageId())
                        .param("seenAt", Timestamp.from(seen.get().enteredAt()))
                        .update()
                == 1;
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(
                rs.getLong("stage_id"),
                (Long) rs.getObject("lost_reason_id"),
                rs.getTimestamp("entered_at").toInstant(),
                rs.getString("entered_by"));
    }

    private static Stage stage(ResultSet rs, int n) throws SQLException {
        return new Stage(
                rs.getLong("id"),
                rs.getLong("pipeline_id"),
                Names.read(rs.getString("names")),
                rs.getString("colour"),
                rs.getInt("position"),
                LifecycleStatus.valueOf(rs.getString("lifecycle")),
                StageOutcome.valueOf(rs.getString("outcome")),
                enums(rs.getArray("enter_roles"), Role.class, Role::valueOf),
                enums(rs.getArray("leave_roles"), Role.class, Role::valueOf),
                enums(rs.getArray("requires"), StageRequirement.class, StageRequirement::valueOf),
                Set.of((String[]) rs.getArray("required_fields").getArray()));
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type, Function<String, E> parse)
            throws SQLException {
        Set<E> values = EnumSet.noneOf(type);
        for (String name : (String[]) array.getArray()) {
            values.add(parse.apply(name));
        }
        return values;
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.name()));
        String[] sorted = names.toArray(String[]::new);
        Arrays.sort(sorted);
        return sorted;
    }
}
