package dev.kontor.orders;

/** A note was left on an order (published in the note's transaction). */
public record OrderNoteAdded(long orderId, String number, NoteKind kind, String body, Long byId, String byName) {}
