package dev.kontor.workbench;

import java.util.List;

import dev.kontor.customers.Customers;
import dev.kontor.workbench.internal.ListQueries;
import org.springframework.stereotype.Component;

/**
 * The search box finds the orders of the customer who pays from an account (an Alipay or PayPal account, as
 * Taobao sellers look buyers up) or has that e-mail address on file, even when the order shows another address.
 */
@Component
class PayerAccountFinder implements OrderFinder {

    private static final int LIMIT = 500;

    private final Customers customers;
    private final ListQueries orders;

    PayerAccountFinder(Customers customers, ListQueries orders) {
        this.customers = customers;
        this.orders = orders;
    }

    @Override
    public List<Long> find(String query) {
        return query.length() < 3 ? List.of() : orders.findIdsByCustomers(customers.idsByAccount(query), LIMIT);
    }

    @Override
    public String key() {
        return "payer-account";
    }
}
