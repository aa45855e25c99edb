package dev.kontor.customers;

import java.util.Map;

import dev.kontor.access.Actor;

/**
 * A section another module adds to the customer page (their orders…), so the page shows it without the customers
 * module knowing that module: it depends on customers, not the other way round (as {@code OrderPanel} for orders).
 */
public interface CustomerPanel {

    /** Where the panel goes: lower first. */
    int position();

    /** The Thymeleaf template holding a fragment named {@code panel(customer, data)}. */
    String template();

    /** What the panel shows for this customer and user. */
    Map<String, Object> data(Customer customer, Actor actor);
}
