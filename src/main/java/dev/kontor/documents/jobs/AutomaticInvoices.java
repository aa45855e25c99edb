package dev.kontor.documents.jobs;

import dev.kontor.documents.DocumentIssuing;
import dev.kontor.documents.DocumentSettings;
import dev.kontor.fulfillment.ShipmentRecorded;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.OrderLifecycleChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues an order's invoice when {@code kontor.documents.invoice-on} says: at approval or at the first shipment,
 * after that change committed (a failing render never undoes an approval or a shipment; the event is delivered
 * again, decision 0016). Money received is the payments module's event, heard there.
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

    @ApplicationModuleListener
    void shipped(ShipmentRecorded event) {
        issuing.invoiceAutomatically(event.orderId(), DocumentSettings.InvoiceOn.SHIPMENT);
    }
}
