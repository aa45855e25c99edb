package dev.kontor.crm;

/** Who called whom: the customer us, or we the customer. */
public enum CallDirection {
    INBOUND,
    OUTBOUND
}
