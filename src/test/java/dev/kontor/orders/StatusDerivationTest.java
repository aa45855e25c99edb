package dev.kontor.orders;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Payment and fulfilment statuses come from what was recorded, never from a field someone sets. */
class StatusDerivationTest {

    @ParameterizedTest(name = "total {0}, paid {1}, refunded {2}, pending {3} → {4}")
    @CsvSource({
        "1000, 0, 0, 0, UNPAID",
        "1000, 0, 0, 1000, PENDING",
        "1000, 400, 0, 0, PARTIALLY_PAID",
        "1000, 400, 0, 600, PARTIALLY_PAID",
        "1000, 1000, 0, 0, PAID",
        "1000, 1000, 300, 0, PARTIALLY_REFUNDED",
        "1000, 1000, 1000, 0, REFUNDED",
        "0, 0, 0, 0, PAID"
    })
    void paymentStatusFollowsTheSums(long total, long paid, long refunded, long pending, PaymentStatus expected) {
        assertThat(PaymentStatus.derive(total, paid, refunded, pending)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "shipped {0} and {1} of 2 and 3 → {2}")
    @CsvSource({"0, 0, UNFULFILLED", "1, 0, PARTIALLY_SHIPPED", "2, 2, PARTIALLY_SHIPPED", "2, 3, SHIPPED"})
    void fulfilmentStatusFollowsTheUnitsShipped(int first, int second, FulfilmentStatus expected) {
        List<OrderLine> lines = List.of(
                new OrderLine(1L, 1, "A", "A", Map.of(), 100, 2, 0, 0, first, 0),
                new OrderLine(2L, 2, "B", "B", Map.of(), 100, 3, 0, 0, second, 0));
        assertThat(FulfilmentStatus.derive(lines)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "shipped {0} of 5, returned {1}, delivered {2} → {3}")
    @CsvSource({
        "5, 0, false, SHIPPED",
        "5, 0, true, DELIVERED",
        "5, 2, true, PARTIALLY_RETURNED",
        "5, 5, false, RETURNED",
        "3, 1, true, PARTIALLY_SHIPPED",
        "0, 0, true, UNFULFILLED"
    })
    void returnsAndDeliveryShowOnceEverythingShipped(
            int shipped, int returned, boolean delivered, FulfilmentStatus expected) {
        List<OrderLine> lines = List.of(new OrderLine(1L, 1, "A", "A", Map.of(), 100, 5, 0, 0, shipped, returned));
        assertThat(FulfilmentStatus.derive(lines, delivered)).isEqualTo(expected);
        assertThat(expected.isFullyShipped()).isEqualTo(shipped == 5);
    }
}
