package dev.kontor.payments.jobs;

import dev.kontor.documents.DocumentIssuing;
import dev.kontor.documents.DocumentSettings;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRecorded;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.PaymentsRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Money received: the order's invoice, when {@code kontor.documents.invoice-on=PAYMENT}, after the payment committed. */
@Component
class InvoiceOnPayment {

    private final DocumentIssuing issuing;

    InvoiceOnPayment(DocumentIssuing issuing) {
        this.issuing = issuing;
    }

    @ApplicationModuleListener
    void paid(PaymentRecorded event) {
        if (event.kind() == PaymentKind.PAYMENT && event.state() == PaymentState.SUCCEEDED) {
            issuing.invoiceAutomatically(event.orderId(), DocumentSettings.InvoiceOn.PAYMENT);
        }
    }

    /** Payments recorded together (an import): each paid order invoiced as one paid alone would be. */
    @ApplicationModuleListener
    void paidTogether(PaymentsRecorded event) {
        if (issuing.invoicesOn(DocumentSettings.InvoiceOn.PAYMENT)) { // the setting read once, not per payment
            event.payments().forEach(this::paid);
        }
    }
}
