package dev.kontor.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up which PostgreSQL Kontor uses, without ever printing a password. */
@Component
class DatabaseReport {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReport.class);

    private final DataSource dataSource;
    private final ObjectProvider<EmbeddedPostgresServer> embedded;
    private final String schema;

    DatabaseReport(
            DataSource dataSource,
            ObjectProvider<EmbeddedPostgresServer> embedded,
            @Value("${kontor.db.schema}") String schema) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.schema = schema;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        try (Connection c = dataSource.getConnection()) {
            String version = c.getMetaData().getDatabaseProductVersion();
            EmbeddedPostgresServer server = embedded.getIfAvailable();
            if (server != null) {
                log.info(
                        "Kontor database: embedded PostgreSQL {} with its data in {} (port {}, schema {})",
                        version,
                        server.dataDir(),
                        server.port(),
                        schema);
            } else {
                log.info(
                        "Kontor database: PostgreSQL {} at {} (schema {})",
                        version,
                        withoutSecrets(c.getMetaData().getURL()),
                        schema);
            }
        } catch (SQLException e) {
            log.warn("Kontor could not ask its database for its version: {}", e.getMessage());
        }
    }

    /** A JDBC URL may carry a password as a parameter; show only the address. */
    static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.replaceAll("//[^/@]*@", "//");
    }
}
