package dev.kontor.payments.internal;

import dev.kontor.payments.PaymentProvider;
import dev.kontor.payments.PaymentState;
import org.springframework.stereotype.Component;

/**
 * Bank transfer: the customer is told the account and the reference (the order's number) and the payment waits
 * as pending until finance sees the money and records it ("Money arrived" on the order). Nothing to re-check.
 */
@Component
class BankTransferProvider implements PaymentProvider {

    @Override
    public String code() {
        return "bank-transfer";
    }

    @Override
    public String method() {
        return "BANK_TRANSFER";
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public Charge charge(ChargeRequest request) {
        return new Charge(PaymentState.PENDING, request.label(), "pay.bank.instructions", false);
    }

    @Override
    public Charge check(long paymentId, String reference) {
        return new Charge(PaymentState.PENDING, reference, "pay.bank.instructions", false);
    }
}
