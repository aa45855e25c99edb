package dev.kontor.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL and points the data source at it, but only when no
 * {@code spring.datasource.url} is configured; Spring Boot's own data source takes over otherwise.
 * Spring closes the pool before the server, because the pool depends on it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    /** Tests start several Spring contexts; they all share one throw-away server per JVM. */
    private static EmbeddedPostgresServer sharedEphemeral;

    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedDatabaseProperties properties) {
        if (properties.ephemeral()) {
            return sharedEphemeral(properties.database());
        }
        return EmbeddedPostgresServer.durable(
                properties.dataDir(), properties.port(), properties.database(), properties.settings());
    }

    private static synchronized EmbeddedPostgresServer sharedEphemeral(String database) {
        if (sharedEphemeral == null) {
            sharedEphemeral = EmbeddedPostgresServer.ephemeral(database);
        }
        return sharedEphemeral;
    }

    /** Hikari, tuned by the usual {@code spring.datasource.hikari.*} settings. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPoolName("kontor");
        return dataSource;
    }
}
