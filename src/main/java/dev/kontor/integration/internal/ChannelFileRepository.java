package dev.kontor.integration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lines of the marketplaces' daily confirmation files. */
@Repository
public class ChannelFileRepository {

    private final JdbcClient jdbc;

    ChannelFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of a day's file. */
    public record Line(
            String kind,
            String orderNumber,
            String externalId,
            String carrier,
            String tracking,
            Long amount,
            String currency,
            String note,
            Instant at) {}

    /** How many lines a channel's file of a day has. */
    public record Day(String channel, LocalDate day, long lines) {}

    /** Adds a line for an update, once (the same update again adds nothing). */
    public void add(long updateId, String channel, LocalDate day, Line line) {
        jdbc.sql("""
                        INSERT INTO channel_file_lines (update_id, channel, day, kind, order_number, external_id, carrier,
                            tracking, amount, currency, note, at)
                        VALUES (:update, :channel, :day, :kind, :number, :external, :carrier, :tracking, :amount,
                            :currency, :note, :at)
                        ON CONFLICT (update_id) DO NOTHING""")
                .param("update", updateId)
                .param("channel", channel)
                .param("day", day)
                .param("kind", line.kind())
                .param("number", line.orderNumber())
                .param("external", line.externalId())
                .param("carrier", line.carrier())
                .param("tracking", line.tracking())
                .param("amount", line.amount())
                .param("currency", line.currency())
                .param("note", line.note())
                .param("at", Timestamp.from(line.at()))
                .update();
    }

    /** The days with lines, newest first. */
    public List<Day> days(int limit) {
        return jdbc.sql("""
                        SELECT channel, day, count(*) AS lines FROM channel_file_lines
                        GROUP BY channel, day ORDER BY day DESC, channel LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Day(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getLong(3)))
                .list();
    }

    public List<Line> lines(String channel, LocalDate day) {
        return jdbc.sql("""
                        SELECT kind, order_number, external_id, carrier, tracking, amount, currency, note, at
                        FROM channel_file_lines WHERE channel = :channel AND day = :day ORDER BY id""")
                .param("channel", channel)
                .param("day", day)
                .query((rs, n) -> new Line(
                        rs.getString("kind"),
                        rs.getString("order_number"),
                        rs.getString("external_id"),
                        rs.getString("carrier"),
                        rs.getString("tracking"),
                        (Long) rs.getObject("amount"),
                        rs.getString("currency"),
                        rs.getString("note"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }
}
