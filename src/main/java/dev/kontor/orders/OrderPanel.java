package dev.kontor.orders;

import java.util.Map;

import dev.kontor.access.Actor;

/**
 * A section another module adds to the order page (payments, shipments…), so the page can show them
 * without the orders module knowing those modules: they depend on orders, not the other way round.
 */
public interface OrderPanel {

    /** Where the panel goes: lower first. */
    int position();

    /** The Thymeleaf template holding a fragment named {@code panel(order, data)}, e.g. {@code payments/panel}. */
    String template();

    /** What the panel shows for this order and user. */
    Map<String, Object> data(Order order, Actor actor);
}
