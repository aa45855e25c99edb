package dev.kontor.documents;

/** What a document is. Each kind has its own gapless number series per year. */
public enum DocumentKind {
    QUOTE,
    ORDER_CONFIRMATION,
    PROFORMA,
    INVOICE,
    CREDIT_NOTE,
    DELIVERY_NOTE;

    /** Whether it asks for money: these show the amount due, the due date and the bank details. */
    public boolean asksForMoney() {
        return this == INVOICE || this == PROFORMA;
    }

    /** Whether it shows prices at all (a delivery note lists goods only). */
    public boolean showsPrices() {
        return this != DELIVERY_NOTE;
    }

    /** The kinds a user issues from an order; a credit note is issued from an invoice. */
    public boolean issuedFromOrder() {
        return this != CREDIT_NOTE;
    }
}
