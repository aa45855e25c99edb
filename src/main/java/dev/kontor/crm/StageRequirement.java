package dev.kontor.crm;

/** What an order must have before it may enter a stage (Bitrix's fields required in a phase). */
public enum StageRequirement {
    /** Someone is responsible for it. */
    RESPONSIBLE,
    /** It has a shipping address. */
    SHIPPING_ADDRESS,
    /** The customer's e-mail address is known. */
    EMAIL,
    /** It is paid in full. */
    PAID,
    /** The customer's signed order document has arrived (the documents module's 到单). */
    SIGNED_DOCUMENT
}
