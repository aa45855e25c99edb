package dev.kontor.orders;

import java.time.LocalDate;

/**
 * When the customer must pay: on receipt, 7, 15 or 30 days after ordering, or by a date agreed with them.
 *
 * @param fixedDate the agreed date; only with {@link Kind#FIXED_DATE}
 */
public record PaymentTerms(Kind kind, LocalDate fixedDate) {

    public enum Kind {
        DUE_ON_RECEIPT(0),
        NET_7(7),
        NET_15(15),
        NET_30(30),
        FIXED_DATE(0);

        private final int days;

        Kind(int days) {
            this.days = days;
        }
    }

    public static final PaymentTerms DUE_ON_RECEIPT = new PaymentTerms(Kind.DUE_ON_RECEIPT, null);

    public PaymentTerms {
        kind = kind == null ? Kind.DUE_ON_RECEIPT : kind;
        fixedDate = kind == Kind.FIXED_DATE ? fixedDate : null;
    }

    public static PaymentTerms of(Kind kind) {
        return new PaymentTerms(kind, null);
    }

    /** The day payment is due for an order placed on {@code orderDay}. */
    public LocalDate dueDate(LocalDate orderDay) {
        return kind == Kind.FIXED_DATE ? fixedDate : orderDay.plusDays(kind.days);
    }

    /** For the timeline: {@code NET_30}, or {@code FIXED_DATE 2026-12-31}. */
    @Override
    public String toString() {
        return kind == Kind.FIXED_DATE ? kind + " " + fixedDate : kind.name();
    }
}
