package dev.kontor.documents.web;

import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.customers.Customer;
import dev.kontor.customers.CustomerPanel;
import dev.kontor.documents.Documents;
import org.springframework.stereotype.Component;

/** The customer page's documents: quotes, confirmations, invoices and credit notes of their latest orders. */
@Component
class CustomerDocumentsPanel implements CustomerPanel {

    private final Documents documents;

    CustomerDocumentsPanel(Documents documents) {
        this.documents = documents;
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public String template() {
        return "documents/customer-panel";
    }

    @Override
    public Map<String, Object> data(Customer customer, Actor actor) {
        return Map.of("documents", documents.ofCustomer(actor, customer.id()));
    }
}
