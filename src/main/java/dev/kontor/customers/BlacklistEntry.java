package dev.kontor.customers;

import java.time.Instant;

/**
 * What is blacklisted, why and by whom.
 *
 * @param kind  {@code CUSTOMER}, {@code PHONE}, {@code EMAIL}, {@code PAYER_ACCOUNT} or {@code ADDRESS}
 * @param value what is compared: the customer's id, a phone's digits, a lower-case e-mail or account, an address key
 */
public record BlacklistEntry(
        long id, String kind, String value, long customerId, String reason, String createdBy, Instant createdAt) {}
