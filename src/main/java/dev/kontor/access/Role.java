package dev.kontor.access;

/** What a user does in the back office. A user may hold several roles. */
public enum Role {
    /** Manages users, settings and everything else. */
    ADMIN,
    /** Approves what others may not: voiding a paid order, large discounts, lifting a blacklist. */
    SUPERVISOR,
    /** Writes orders for customers and follows them through. */
    SALES,
    /** Finds orders, answers customers, exchanges, splits, re-ships. */
    CUSTOMER_SERVICE,
    /** Records payments and refunds; the only role that changes payment status. */
    FINANCE,
    /** Ships what is approved and in stock. */
    WAREHOUSE,
    /** Buys what is out of stock. */
    PURCHASING
}
