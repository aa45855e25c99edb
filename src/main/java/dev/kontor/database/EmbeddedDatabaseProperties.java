package dev.kontor.database;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used only when no external database is configured.
 *
 * @param dataDir   where the database files live; kept across restarts
 * @param port      the port PostgreSQL listens on (loopback only); {@code 0} picks a free one
 * @param database  the database Kontor creates and uses
 * @param ephemeral for tests: a throw-away database in a temporary folder, shared by every Spring
 *                  context of the JVM, without fsync
 * @param settings  further PostgreSQL settings of the durable server, e.g.
 *                  {@code kontor.embedded-db.settings.shared_preload_libraries=pg_stat_statements} (the order bench's
 *                  profile uses it)
 */
@ConfigurationProperties("kontor.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/postgres") Path dataDir,
        @DefaultValue("15432") int port,
        @DefaultValue("kontor") String database,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue Map<String, String> settings) {}
