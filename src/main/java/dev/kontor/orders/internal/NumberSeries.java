package dev.kontor.orders.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gapless order numbers per series ({@code TB-000123}). The counter row stays locked until the creating
 * transaction ends, and a rollback returns the number: no gaps, no duplicates, also across instances.
 */
@Repository
public class NumberSeries {

    private final JdbcClient jdbc;

    NumberSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String next(String series) {
        return jdbc.sql("""
                        UPDATE number_series SET next_value = next_value + 1 WHERE series = :series
                        RETURNING prefix, digits, next_value - 1""")
                .param("series", series)
                .query((rs, n) -> format(rs.getString(1), rs.getInt(2), rs.getLong(3)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("No number series " + series));
    }

    /** The next {@code count} numbers of the series, in one statement (the counter row locked as by {@link #next}). */
    public List<String> next(String series, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        UPDATE number_series SET next_value = next_value + :count WHERE series = :series
                        RETURNING prefix, digits, next_value - :count""")
                .param("series", series)
                .param("count", count)
                .query((rs, n) -> {
                    List<String> numbers = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        numbers.add(format(rs.getString(1), rs.getInt(2), rs.getLong(3) + i));
                    }
                    return numbers;
                })
                .optional()
                .orElseThrow(() -> new IllegalStateException("No number series " + series));
    }

    static String format(String prefix, int digits, long value) {
        String number = Long.toString(value);
        return prefix + "0".repeat(Math.max(0, digits - number.length())) + number;
    }
}
