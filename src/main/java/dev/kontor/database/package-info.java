/**
 * Kontor's PostgreSQL: when no {@code spring.datasource.url} (or {@code KONTOR_DB_URL}) is set, starts
 * an embedded PostgreSQL 17 whose data lives under {@code ./data/postgres}; otherwise stays out of the
 * way and Spring Boot connects to the configured server. Logs at start-up which database Kontor uses.
 *
 * <p>Publishes nothing, listens to nothing. Every other module reaches the database only through its
 * own repositories; SQL never names a schema (Flyway's schema is the connection's search path).
 */
@ApplicationModule(displayName = "Database")
package dev.kontor.database;

import org.springframework.modulith.ApplicationModule;
