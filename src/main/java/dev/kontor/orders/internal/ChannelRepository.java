package dev.kontor.orders.internal;

import java.util.List;

import dev.kontor.orders.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channels orders come from, each with its own number series. */
@Repository
public class ChannelRepository {

    private final JdbcClient jdbc;

    ChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Channel> findAll() {
        return jdbc.sql("""
                        SELECT c.code, c.name, s.prefix FROM channels c JOIN number_series s ON s.series = c.code
                        ORDER BY c.position, c.code""")
                .query((rs, n) -> new Channel(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Adds a channel from the settings unless it exists; safe when several instances start at once. */
    public void addIfAbsent(Channel channel) {
        jdbc.sql("""
                        INSERT INTO channels (code, name, position)
                        VALUES (:code, :name, (SELECT coalesce(max(position), 0) + 1 FROM channels))
                        ON CONFLICT (code) DO NOTHING""")
                .param("code", channel.code())
                .param("name", channel.name())
                .update();
        jdbc.sql("INSERT INTO number_series (series, prefix) VALUES (:code, :prefix) ON CONFLICT DO NOTHING")
                .param("code", channel.code())
                .param("prefix", channel.numberPrefix())
                .update();
    }
}
