package dev.kontor.calendar.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.kontor.calendar.Holiday;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holidays per country. */
@Repository
public class HolidayRepository {

    private final JdbcClient jdbc;

    HolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<LocalDate> between(String country, LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("SELECT day FROM holidays WHERE country = :country AND day BETWEEN :from AND :to")
                .param("country", country)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> rs.getDate(1).toLocalDate())
                .list());
    }

    public List<Holiday> all(String country) {
        return jdbc.sql("""
                        SELECT country, day, name FROM holidays
                        WHERE CAST(:country AS text) IS NULL OR country = :country ORDER BY country, day""")
                .param("country", country)
                .query((rs, n) -> new Holiday(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3)))
                .list();
    }

    public void upsert(Holiday holiday) {
        jdbc.sql("""
                        INSERT INTO holidays (country, day, name) VALUES (:country, :day, :name)
                        ON CONFLICT (country, day) DO UPDATE SET name = EXCLUDED.name""")
                .param("country", holiday.country())
                .param("day", Date.valueOf(holiday.day()))
                .param("name", holiday.name())
                .update();
    }

    public boolean delete(String country, LocalDate day) {
        return jdbc.sql("DELETE FROM holidays WHERE country = :country AND day = :day")
                        .param("country", country)
                        .param("day", Date.valueOf(day))
                        .update()
                == 1;
    }
}
