package dev.kontor.orders;

/**
 * One order of a family tree (an original and everything made from it: re-shipments, split parts, their own
 * re-shipments), in tree order.
 *
 * @param relation how it was made from its parent ({@code RESHIP}, {@code SPLIT}); {@code null} for the original
 * @param depth 0 for the original, 1 for what was made from it, and so on
 */
public record FamilyMember(long id, String number, String relation, LifecycleStatus lifecycle, int depth) {}
