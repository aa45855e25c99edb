package dev.kontor.aftersales;

/**
 * Lines of an order were moved into a new child order. Published in the splitting transaction, so the payments
 * module carries over, in the same transaction, what the parent holds beyond its new total.
 */
public record OrderSplit(long parentId, String parentNumber, long childId, String childNumber) {}
