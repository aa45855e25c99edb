/**
 * Integration: what makes the HTTP API safe for machines to call. Creating commands honour an
 * {@code Idempotency-Key}: the first answer is stored with the command's own changes, in one transaction,
 * and replayed to every retry; the OpenAPI description is configured here. Later: webhooks and the
 * marketplace connectors.
 *
 * <p>Knows no business module; publishes nothing, listens to nothing yet.
 */
@ApplicationModule(displayName = "Integration")
package dev.kontor.integration;

import org.springframework.modulith.ApplicationModule;
