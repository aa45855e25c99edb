package dev.kontor.catalog;

/** What one order line needs from stock. */
public record Need(long orderLineId, String sku, int quantity) {}
