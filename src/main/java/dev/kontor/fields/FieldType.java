package dev.kontor.fields;

/** What a custom field holds, and so how its value is written in JSON. */
public enum FieldType {
    /** Text, at most 500 characters: {@code "Hall 4, gate B"}. */
    TEXT,
    /** A number: {@code 12.5}. */
    NUMBER,
    /** An amount in a currency: {@code {"minor": 125000, "currency": "EUR"}}. */
    MONEY,
    /** A day: {@code "2026-12-24"}. */
    DATE,
    /** Yes or no: {@code true}. */
    YES_NO,
    /** One of the field's choices, by its key: {@code "express"}. */
    CHOICE,
    /** A colleague, by user id: {@code 7}. */
    USER
}
