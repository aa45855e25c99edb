package dev.kontor.documents.jobs;

import java.util.List;

import dev.kontor.documents.DocumentIssuing;
import dev.kontor.documents.DocumentSettings;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.OrderLifecycleChanged;
import dev.kontor.orders.OrderLifecycleChanges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues an order's invoice when {@code kontor.documents.invoice-on} says so at approval, after the approval
 * committed (a failing render never undoes an approval; the event is delivered again, decision 0016). The first
 * shipment and money received are the fulfilment and payments modules' events, heard there (they depend on this
 * module, not the other way round).
 *
 * <p>Whether an invoice is due is decided in the approving transaction (one read of the setting), and only a due
 * invoice goes through the event publication registry: every lifecycle change through the registry cost its
 * request an outbox row, two updates of it and three transactions on another thread — for nothing, with the
 * default {@code NEVER} (issue 20).
 */
@Component
class AutomaticInvoices {

    /** An order approved while invoices are issued at approval: its invoice is due, after the approval commits. */
    record InvoiceDue(long orderId) {}

    private final DocumentIssuing issuing;
    private final ApplicationEventPublisher events;

    AutomaticInvoices(DocumentIssuing issuing, ApplicationEventPublisher events) {
        this.issuing = issuing;
        this.events = events;
    }

    @EventListener
    void approved(OrderLifecycleChanged event) {
        due(List.of(event));
    }

    /** Orders approved together (a bulk approval, an import): each invoiced as one approved alone would be. */
    @EventListener
    void approvedTogether(OrderLifecycleChanges event) {
        due(event.changes());
    }

    @ApplicationModuleListener
    void issue(InvoiceDue due) {
        issuing.invoiceAutomatically(due.orderId(), DocumentSettings.InvoiceOn.APPROVAL);
    }

    private void due(List<OrderLifecycleChanged> changes) {
        List<Long> approved = changes.stream()
                .filter(c -> c.to() == LifecycleStatus.APPROVED && c.from() != LifecycleStatus.ON_HOLD)
                .map(OrderLifecycleChanged::orderId)
                .toList();
        if (!approved.isEmpty() && issuing.invoicesOn(DocumentSettings.InvoiceOn.APPROVAL)) { // read once
            approved.forEach(id -> events.publishEvent(new InvoiceDue(id)));
        }
    }
}
