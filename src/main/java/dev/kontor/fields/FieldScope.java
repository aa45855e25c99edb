package dev.kontor.fields;

/** What a custom field belongs to: orders or customers. A field's scope is kept for good once it exists. */
public enum FieldScope {
    ORDER,
    CUSTOMER
}
