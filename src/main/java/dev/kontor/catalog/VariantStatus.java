package dev.kontor.catalog;

/** What purchasing says about a variant (the Taobao back office's 正常 / 缺货 / 停产). */
public enum VariantStatus {
    /** Sold and restocked as usual. */
    NORMAL,
    /** Cannot be had from the supplier for now; only the stock on hand is sold. */
    OUT_OF_STOCK,
    /** No longer sold: never backordered, never restocked. */
    DISCONTINUED
}
