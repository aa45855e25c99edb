package dev.kontor.access;

import java.time.Instant;

/**
 * One line of the audit log. Never holds a secret: no password, no token.
 *
 * @param username who did it, or tried to (as typed, for failed sign-ins)
 */
public record AuditEntry(
        long id, Instant occurredAt, String username, AuditEvent event, String detail, String remoteAddress) {}
