package dev.kontor.orders;

/** Who a note on an order is for (the Taobao back office's three note fields). */
public enum NoteKind {
    /** For colleagues in customer service: what was promised, what was asked. */
    INTERNAL,
    /** For finance: refunds owed, payments to check. */
    FINANCE,
    /** For the warehouse: carrier wishes, gifts to add, items exchanged. Shown on the packing slip. */
    SHIPPING,
    /**
     * What the buyer wrote to the seller with the order (Taobao's 买家留言), as the marketplace passed it: shown to
     * customer service and on the packing slip; written by an import, never typed in.
     */
    BUYER,
    /**
     * For the marketplace: the seller's note the channel shows on its order (Taobao's 卖家备注, seed 001's second note),
     * sent to the channel by its connector.
     */
    MARKETPLACE
}
