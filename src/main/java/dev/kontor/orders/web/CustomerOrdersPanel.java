package dev.kontor.orders.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.customers.Customer;
import dev.kontor.customers.CustomerPanel;
import dev.kontor.orders.Orders;
import org.springframework.stereotype.Component;

/** The customer page's orders: how many and what became of them, and the latest ten the user may see. */
@Component
class CustomerOrdersPanel implements CustomerPanel {

    private final Orders orders;

    CustomerOrdersPanel(Orders orders) {
        this.orders = orders;
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public String template() {
        return "orders/customer-panel";
    }

    @Override
    public Map<String, Object> data(Customer customer, Actor actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("counts", orders.customerCounts(actor, customer.id()));
        data.put("latest", orders.latestOfCustomer(actor, customer.id(), 10));
        return data;
    }
}
