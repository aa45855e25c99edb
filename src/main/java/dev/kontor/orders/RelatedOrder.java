package dev.kontor.orders;

/**
 * An order made from another, or the one it was made from: the lineage as the order page shows it.
 *
 * @param relation {@code PARENT} for the order it was made from; {@code RESHIP} or {@code SPLIT} for what was made
 *     from it
 */
public record RelatedOrder(long id, String number, String relation, LifecycleStatus lifecycle) {}
