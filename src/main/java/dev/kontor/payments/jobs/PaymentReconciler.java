package dev.kontor.payments.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.kontor.payments.Checkouts;
import dev.kontor.payments.Payment;
import dev.kontor.payments.internal.PaymentRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks providers again about payments left pending or unknown (a card awaiting confirmation, a timeout) and
 * moves them on. Each round claims its payments (FOR UPDATE SKIP LOCKED, pushing their next check ahead), so
 * two instances never ask about the same payment at once.
 */
@Component
public class PaymentReconciler {

    private static final int BATCH = 50;

    private final PaymentRepository payments;
    private final Checkouts checkouts;
    private final Clock clock;

    PaymentReconciler(PaymentRepository payments, Checkouts checkouts, Clock clock) {
        this.payments = payments;
        this.checkouts = checkouts;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${kontor.payments.reconcile-interval:PT1M}",
            initialDelayString = "${kontor.payments.reconcile-interval:PT1M}")
    void run() {
        reconcileDue();
    }

    /** One round; returns how many payments it asked about. */
    public int reconcileDue() {
        Instant now = clock.instant();
        List<Payment> due = payments.claimDueChecks(now, now.plus(checkouts.recheckAfter()), BATCH);
        due.forEach(checkouts::recheck);
        return due.size();
    }
}
