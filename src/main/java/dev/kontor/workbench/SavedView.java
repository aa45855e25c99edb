package dev.kontor.workbench;

/**
 * A view a user saved on the order list: its name and filters.
 *
 * @param query the list's query string ({@code payment=UNPAID&channel=EBAY}), only the list's own parameters
 */
public record SavedView(long id, String name, String query, boolean pinned) {}
