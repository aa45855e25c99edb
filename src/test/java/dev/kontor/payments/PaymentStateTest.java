package dev.kontor.payments;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.kontor.payments.PaymentState.FAILED;
import static dev.kontor.payments.PaymentState.INITIATED;
import static dev.kontor.payments.PaymentState.PENDING;
import static dev.kontor.payments.PaymentState.SUCCEEDED;
import static dev.kontor.payments.PaymentState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/** A payment's own states: succeeded and failed are final; pending and unknown settle one way or the other. */
class PaymentStateTest {

    private static final Map<PaymentState, Set<PaymentState>> ALLOWED = Map.of(
            INITIATED, Set.of(PENDING, SUCCEEDED, FAILED, UNKNOWN),
            PENDING, Set.of(SUCCEEDED, FAILED, UNKNOWN),
            UNKNOWN, Set.of(PENDING, SUCCEEDED, FAILED),
            SUCCEEDED, Set.of(),
            FAILED, Set.of());

    @ParameterizedTest
    @EnumSource(PaymentState.class)
    void eachStateMovesOnlyWhereAllowed(PaymentState from) {
        for (PaymentState to : PaymentState.values()) {
            assertThat(from.canMoveTo(to))
                    .as(from + " → " + to)
                    .isEqualTo(ALLOWED.get(from).contains(to));
        }
    }
}
