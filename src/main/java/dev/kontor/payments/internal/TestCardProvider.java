package dev.kontor.payments.internal;

import java.util.Map;

import dev.kontor.payments.PaymentProvider;
import dev.kontor.payments.PaymentState;
import org.springframework.stereotype.Component;

/**
 * A card provider for trying Kontor out and for tests: no money moves. Its numbers (README, "Test payments"):
 * <ul>
 *   <li>{@code 4242 4242 4242 4242} succeeds;</li>
 *   <li>{@code 4000 0000 0000 0002} is declined;</li>
 *   <li>{@code 4000 0000 0000 0077} stays pending (the reconciler keeps asking; it never settles);</li>
 *   <li>{@code 4000 0000 0000 0119} times out (unknown), and the reconciler later finds it succeeded.</li>
 * </ul>
 * Any other number is declined as invalid. The outcome is kept in the reference, so any instance can answer
 * {@link #check}.
 */
@Component
class TestCardProvider implements PaymentProvider {

    static final String SUCCEEDS = "4242424242424242";
    static final String DECLINED = "4000000000000002";
    static final String PENDING = "4000000000000077";
    static final String TIMES_OUT = "4000000000000119";

    private static final Map<String, PaymentState> OUTCOMES = Map.of(
            SUCCEEDS,
            PaymentState.SUCCEEDED,
            DECLINED,
            PaymentState.FAILED,
            PENDING,
            PaymentState.PENDING,
            TIMES_OUT,
            PaymentState.UNKNOWN);

    @Override
    public String code() {
        return "test-card";
    }

    @Override
    public String method() {
        return "CARD";
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public boolean asksForCard() {
        return true;
    }

    @Override
    public Charge charge(ChargeRequest request) {
        String number = request.details().getOrDefault("cardNumber", "").replaceAll("[\\s-]", "");
        PaymentState outcome = OUTCOMES.get(number);
        if (outcome == null) {
            return new Charge(PaymentState.FAILED, null, "pay.card.invalid", false);
        }
        String reference = "test_" + request.paymentId() + "_" + number.substring(number.length() - 4);
        return switch (outcome) {
            case SUCCEEDED -> new Charge(PaymentState.SUCCEEDED, reference, null, false);
            case FAILED -> new Charge(PaymentState.FAILED, reference, "pay.card.declined", false);
            case PENDING -> new Charge(PaymentState.PENDING, reference, "pay.card.pending", true);
            default -> new Charge(PaymentState.UNKNOWN, reference, "pay.card.unknown", true);
        };
    }

    @Override
    public Charge check(long paymentId, String reference) {
        if (reference != null && reference.endsWith("_0119")) {
            return new Charge(PaymentState.SUCCEEDED, reference, null, false);
        }
        if (reference != null && reference.endsWith("_0077")) {
            return new Charge(PaymentState.PENDING, reference, "pay.card.pending", true);
        }
        return new Charge(PaymentState.FAILED, reference, "pay.card.declined", false);
    }
}
