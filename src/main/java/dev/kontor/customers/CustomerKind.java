package dev.kontor.customers;

/** Whether a customer is a private person or a company. */
public enum CustomerKind {
    PERSON,
    COMPANY
}
