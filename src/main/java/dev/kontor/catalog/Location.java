package dev.kontor.catalog;

/**
 * A warehouse or stock location.
 *
 * @param isDefault where stock is reserved first and received when no location is named
 */
public record Location(String code, String name, String country, boolean isDefault) {}
