/**
 * Integration: what makes the HTTP API safe for machines to call, and what leaves Kontor on its own. Creating commands
 * honour an {@code Idempotency-Key}: the first answer is stored with the command's own changes, in one transaction,
 * and replayed to every retry; the OpenAPI description is configured here. The order's events
 * ({@link dev.kontor.integration.OrderEvents}, docs/events.md) are derived from the order's timeline inside the
 * change's transaction, numbered per order and sequenced in commit order, for the polling feed and webhooks
 * ({@link dev.kontor.integration.Webhooks}); what a marketplace must hear goes to its
 * {@link dev.kontor.integration.ChannelConnector} (docs/channels.md).
 *
 * <p>Listens to {@link dev.kontor.timeline.TimelineRecorded} (synchronously); depends on timeline, access, documents
 * (mail to admins), workbench (the list's "not yet confirmed" filter) and shared; reads the order's state from its
 * own events, never the orders module's services.
 */
@ApplicationModule(displayName = "Integration")
package dev.kontor.integration;

import org.springframework.modulith.ApplicationModule;
