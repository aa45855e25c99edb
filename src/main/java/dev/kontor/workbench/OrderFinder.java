package dev.kontor.workbench;

import java.util.List;

/**
 * Another module's way to find orders from the search box (fulfillment: by tracking number), so the one search
 * finds them without the orders module knowing that module's tables.
 */
public interface OrderFinder {

    /** The ids of orders this text points to (exactly, not by likeness); few, or none. */
    List<Long> find(String query);

    /** What the text was to this finder, for showing why an order matched: a key of {@code search.matched.*}. */
    String key();
}
