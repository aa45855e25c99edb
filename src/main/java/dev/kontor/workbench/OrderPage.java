package dev.kontor.workbench;

import java.util.List;

/**
 * One page of an order list, with the cursor for the next page (keyset paging: no OFFSET, so the
 * thousandth page is as fast as the first).
 *
 * @param next the cursor to pass for the following page; {@code null} on the last page
 */
public record OrderPage(List<OrderSummary> items, String next) {}
