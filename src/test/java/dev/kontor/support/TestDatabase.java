package dev.kontor.support;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties Kontor's tables between tests. The rows the migrations insert (channels, number series…) are
 * copied aside once and put back after each truncation, so every test starts from a freshly migrated
 * database without running Flyway again.
 */
public class TestDatabase {

    private static final String SNAPSHOT = "kontor_test_snapshot";

    private final JdbcTemplate jdbc;
    private List<String> tables;
    private List<String> seeded;
    private List<String[]> identities;

    TestDatabase(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public synchronized void reset() {
        if (tables == null) {
            snapshot();
        }
        // listeners of the last test still running after its commit would write into this one's database
        Outbox.awaitDelivered(JdbcClient.create(jdbc));
        jdbc.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
        for (String table : seeded) {
            jdbc.execute("INSERT INTO " + table + " SELECT * FROM " + SNAPSHOT + "." + table);
        }
        // the restored rows keep their ids: the next one a test adds comes after them
        for (String[] identity : identities) {
            jdbc.queryForList(
                    "SELECT setval(pg_get_serial_sequence(?, ?), (SELECT max(" + identity[1] + ") FROM " + identity[0]
                            + "))",
                    identity[0],
                    identity[1]);
        }
    }

    private void snapshot() {
        tables = jdbc.queryForList("""
                SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
                AND tablename <> 'flyway_schema_history' ORDER BY tablename""", String.class);
        jdbc.execute("DROP SCHEMA IF EXISTS " + SNAPSHOT + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + SNAPSHOT);
        seeded = new ArrayList<>();
        for (String table : tables) {
            Integer rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
            if (rows != null
                    && rows > 0
                    && !table.startsWith("spring_session")
                    && !table.equals("users")
                    && !table.equals("user_roles")) {
                jdbc.execute("CREATE TABLE " + SNAPSHOT + "." + table + " AS SELECT * FROM " + table);
                seeded.add(table);
            }
        }
        identities = jdbc.queryForList("""
                        SELECT table_name, column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND is_identity = 'YES'""").stream()
                .filter(row -> seeded.contains((String) row.get("table_name")))
                .map(row -> new String[] {(String) row.get("table_name"), (String) row.get("column_name")})
                .toList();
    }
}
