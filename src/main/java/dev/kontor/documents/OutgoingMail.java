package dev.kontor.documents;

import java.time.Instant;

/** A mail in the outbox, as the back office sees it (without its body). */
public record OutgoingMail(
        long id,
        String purpose,
        String subjectType,
        Long subjectId,
        String recipient,
        String subject,
        MailStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {}
