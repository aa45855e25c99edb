package dev.kontor.orders;

/**
 * What the lifecycle rules look at when deciding whether an action is allowed. Taken from an
 * {@link Order} with {@link Order#facts()}; tests build them directly.
 */
public record OrderFacts(
        LifecycleStatus lifecycle,
        LifecycleStatus heldFrom,
        boolean hasLines,
        boolean hasShippingAddress,
        PaymentStatus payment,
        FulfilmentStatus fulfilment,
        long paid,
        long refunded,
        long pending) {

    /** Money the shop has received and still holds. */
    public long moneyKept() {
        return paid - refunded;
    }

    public boolean anythingShipped() {
        return fulfilment != FulfilmentStatus.UNFULFILLED;
    }
}
