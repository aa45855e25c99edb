package dev.kontor.fulfillment.jobs;

import dev.kontor.documents.DocumentIssuing;
import dev.kontor.documents.DocumentSettings;
import dev.kontor.fulfillment.ShipmentRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The first shipment: the order's invoice, when an admin chose that moment, after the shipment committed. */
@Component
class InvoiceOnShipment {

    private final DocumentIssuing issuing;

    InvoiceOnShipment(DocumentIssuing issuing) {
        this.issuing = issuing;
    }

    @ApplicationModuleListener
    void shipped(ShipmentRecorded event) {
        issuing.invoiceAutomatically(event.orderId(), DocumentSettings.InvoiceOn.SHIPMENT);
    }
}
