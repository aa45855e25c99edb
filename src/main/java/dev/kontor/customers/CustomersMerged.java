package dev.kontor.customers;

/**
 * Two customers turned out to be one: {@code mergedId} was merged into {@code keptId} and is gone. Published in the
 * merging transaction, so that what refers to the merged customer (the orders module's orders) follows in it.
 */
public record CustomersMerged(long keptId, String keptName, long mergedId, String mergedName, String by) {}
