package dev.kontor.orders.web;

import java.util.Arrays;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;

/** The lifecycle actions to offer a user on an order: the rules allow them now and the user may take or ask. */
final class OrderActions {

    private OrderActions() {}

    static List<OrderAction> offered(Orders orders, Actor actor, Order order) {
        return Arrays.stream(OrderAction.values())
                .filter(order::allows)
                .filter(a -> orders.verdict(actor, order, OrderLifecycle.permissionFor(a))
                        .isOffered())
                .toList();
    }
}
