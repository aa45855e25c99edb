/**
 * Payments: money received for orders and given back, as records with their own states (initiated →
 * pending → succeeded / failed / unknown, see {@link dev.kontor.payments.PaymentState}). The order's
 * payment status is derived from these records: {@link dev.kontor.payments.Payments} sums them and hands
 * the sums to the orders module in the same transaction. Nothing is marked paid without a payment.
 * {@link dev.kontor.payments.PaymentBatches} records many at once (an import's paid orders) by the same rules.
 *
 * <p>Depends on orders (to lock and update the order), timeline and access. Publishes
 * {@link dev.kontor.payments.PaymentRecorded}, and {@link dev.kontor.payments.PaymentsRecorded} for a batch.
 */
@ApplicationModule(displayName = "Payments")
package dev.kontor.payments;

import org.springframework.modulith.ApplicationModule;
