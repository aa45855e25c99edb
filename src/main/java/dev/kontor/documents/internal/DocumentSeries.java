package dev.kontor.documents.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gapless running numbers per document kind and year. The counter row stays locked until the issuing transaction
 * ends, and a rollback gives the number back: no holes, no doubles, across instances too.
 */
@Repository
public class DocumentSeries {

    private final JdbcClient jdbc;

    DocumentSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the kind's series for the year, taken in the caller's transaction. */
    public long next(String kind, int year) {
        return jdbc.sql("""
                        INSERT INTO document_series (kind, year, next_value) VALUES (:kind, :year, 2)
                        ON CONFLICT (kind, year) DO UPDATE SET next_value = document_series.next_value + 1
                        RETURNING next_value - 1""")
                .param("kind", kind)
                .param("year", year)
                .query(Long.class)
                .single();
    }
}
