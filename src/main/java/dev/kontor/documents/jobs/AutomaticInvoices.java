package dev.kontor.documents.jobs;

import dev.kontor.documents.DocumentIssuing;
import dev.kontor.documents.DocumentSettings;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.OrderLifecycleChanged;
import dev.kontor.orders.OrderLifecycleChanges;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues an order's invoice when {@code kontor.documents.invoice-on} says so at approval, after the approval
 * committed (a failing render never undoes an approval; the event is delivered again, decision 0016). The first
 * shipment and money received are the fulfilment and payments modules' events, heard there (they depend on this
 * module, not the other way round).
 */
@Component
class AutomaticInvoices {

    private final DocumentIssuing issuing;

    AutomaticInvoices(DocumentIssuing issuing) {
        this.issuing = issuing;
    }

    @ApplicationModuleListener
    void approved(OrderLifecycleChanged event) {
        if (event.to() == LifecycleStatus.APPROVED && event.from() != LifecycleStatus.ON_HOLD) {
            issuing.invoiceAutomatically(event.orderId(), DocumentSettings.InvoiceOn.APPROVAL);
        }
    }

    /** Orders approved together (a bulk approval, an import): each invoiced as one approved alone would be. */
    @ApplicationModuleListener
    void approvedTogether(OrderLifecycleChanges event) {
        if (issuing.invoicesOn(DocumentSettings.InvoiceOn.APPROVAL)) { // the setting read once, not per order
            event.changes().forEach(this::approved);
        }
    }
}
