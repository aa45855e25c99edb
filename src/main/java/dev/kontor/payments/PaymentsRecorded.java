package dev.kontor.payments;

import java.util.List;

/**
 * Many payments were recorded by one command ({@link PaymentBatches#recordAll}, a marketplace import): one event for
 * all of them, so that a thousand imported payments are one publication, not a thousand. Each is what a
 * {@link PaymentRecorded} says of one payment; none of them went through a payment link.
 */
public record PaymentsRecorded(List<PaymentRecorded> payments) {

    public PaymentsRecorded {
        payments = List.copyOf(payments);
    }
}
