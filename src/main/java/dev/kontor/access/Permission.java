package dev.kontor.access;

import java.util.Locale;

/**
 * Everything a user can be allowed to do. Who may do which, where and when is in {@link AccessPolicy}.
 */
public enum Permission {
    ORDER_CREATE,
    /** Change a draft's or new order's content; an approved order's content only with approval. */
    ORDER_EDIT,
    ORDER_SUBMIT,
    ORDER_APPROVE,
    ORDER_HOLD,
    ORDER_RELEASE,
    /** Void an order. */
    ORDER_CANCEL,
    ORDER_COMPLETE,
    ORDER_DELETE,
    ORDER_NOTE,
    /** Customer service's after-sales verbs: exchange a variant, add a gift, give a rebate, re-ship. */
    ORDER_SERVICE,
    /** Add or remove tags and say who is responsible, in any state (it is not the order's content). */
    ORDER_TAG,
    /** Record a payment or settle a pending one. */
    PAYMENT_RECORD,
    REFUND_RECORD,
    SHIPMENT_RECORD,
    /** Issue quotes, confirmations, invoices and delivery notes for an order, and send customers their link. */
    DOCUMENT_ISSUE,
    /** Correct issued documents: credit notes, voids. */
    DOCUMENT_CORRECT,
    /** Create and change products, variants, prices and suppliers. */
    CATALOG_EDIT,
    /** Book goods in. */
    STOCK_RECEIVE,
    /** Correct counts and book defective units. */
    STOCK_ADJUST,
    /** Mark a new order received (the order desk's 已接收): from then on sales void it only with approval. */
    ORDER_RECEIVE,
    /** Move an order to another sales stage (within the rights each stage adds). */
    ORDER_STAGE,
    /** Plan calls, meetings, tasks and e-mails on orders and customers, and complete them. */
    ACTIVITY_PLAN,
    /** Change a customer's name, company, tax number, contacts and addresses. */
    CUSTOMER_EDIT,
    CUSTOMER_BLACKLIST,
    CUSTOMER_UNBLACKLIST,
    PURCHASING_VIEW,
    APPROVAL_DECIDE,
    USERS_MANAGE,
    /** Locations, holidays and other settings of the shop. */
    SETTINGS_EDIT,
    /** Read every order's events (the feed) and keep the webhooks that receive them. */
    INTEGRATION_MANAGE,
    AUDIT_READ;

    /** The key in messages and URLs: {@code order-cancel}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
