package dev.kontor.imports.read;

/** Where an order stands on its marketplace, as its file says: what Kontor records about it on import. */
public enum MarketStatus {
    /** Waiting for the buyer's payment (等待买家付款): imported awaiting payment. */
    UNPAID,
    /** Paid, not shipped (买家已付款，等待卖家发货): imported with its payment. */
    PAID,
    /** Shipped (卖家已发货，等待买家确认): imported with its payment and its shipment. */
    SHIPPED,
    /** Received by the buyer (交易成功): as shipped. */
    COMPLETED,
    /** Closed without a sale (交易关闭): imported void, its payment refunded if there was one. */
    CLOSED,
    /** A status the reader does not know: imported for review. */
    UNKNOWN
}
