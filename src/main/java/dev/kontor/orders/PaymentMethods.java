package dev.kontor.orders;

import java.util.List;

/**
 * The payment methods Kontor knows by name (each has a label in every language: {@code payment.method.ALIPAY}). An
 * order may name another, as its channel wrote it; that shows as written.
 */
public final class PaymentMethods {

    public static final List<String> KNOWN =
            List.of("BANK_TRANSFER", "ALIPAY", "WECHAT_PAY", "CARD", "PAYPAL", "CASH_ON_DELIVERY", "VIPPS", "INVOICE");

    private PaymentMethods() {}
}
