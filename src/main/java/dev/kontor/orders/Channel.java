package dev.kontor.orders;

/**
 * Where orders come from: a marketplace, the web shop, or the sales team by hand.
 *
 * @param code         e.g. {@code TAOBAO}
 * @param numberPrefix the prefix of its order numbers, e.g. {@code TB-}
 */
public record Channel(String code, String name, String numberPrefix) {}
