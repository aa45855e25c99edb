package dev.kontor.catalog;

/** A stock figure that does not match what the ledger (or the reservations) add up to. */
public record Drift(String sku, String location, String figure, long stored, long computed) {}
