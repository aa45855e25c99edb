package dev.kontor.catalog;

/** Which order stock is held for: its id, and its number as the ledger shows it. */
public record OrderRef(long id, String label) {}
