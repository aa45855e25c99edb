package dev.kontor.orders;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotalsTest {

    private static OrderLine line(long unitPrice, int quantity, long discount, int taxRate) {
        return new OrderLine(null, 1, "SKU", "Item", Map.of(), unitPrice, quantity, discount, taxRate, 0, 0);
    }

    @Test
    void grossPricesContainTheirTax() {
        // 2 × 119.00 at 19 % contains 38.00 tax; the total is what the customer pays.
        Totals totals = Totals.of(List.of(line(11900, 2, 0, 1900)), 0, 0, true);
        assertThat(totals).isEqualTo(new Totals(23800, 0, 0, 3800, 23800));
    }

    @Test
    void netPricesGetTheirTaxAddedAndShippingIsCharged() {
        Totals totals = Totals.of(List.of(line(10000, 2, 0, 1900)), 495, 0, false);
        assertThat(totals).isEqualTo(new Totals(20000, 495, 0, 3800, 20000 + 495 + 3800));
    }

    @Test
    void aLineDiscountReducesTheLineAndItsTax() {
        Totals totals = Totals.of(List.of(line(10000, 1, 2000, 2500)), 0, 0, false);
        assertThat(totals.subtotal()).isEqualTo(8000);
        assertThat(totals.tax()).isEqualTo(2000);
    }

    @Test
    void anOrderDiscountIsSpreadOverTheLinesBeforeTaxAndAddsUpExactly() {
        // 100 off 300 + 700: the lines carry 30 and 70 of it; tax 10 % on 270 and 630.
        List<OrderLine> lines = List.of(line(300, 1, 0, 1000), line(700, 1, 0, 1000));
        assertThat(Totals.spread(100, lines, 1000)).containsExactly(30, 70);
        assertThat(Totals.of(lines, 0, 100, false)).isEqualTo(new Totals(1000, 0, 100, 90, 990));
    }

    @Test
    void aDiscountThatDoesNotDivideEvenlyLosesNoCent() {
        List<OrderLine> thirds = List.of(line(100, 1, 0, 0), line(100, 1, 0, 0), line(100, 1, 0, 0));
        long[] shares = Totals.spread(100, thirds, 300);
        assertThat(shares[0] + shares[1] + shares[2]).isEqualTo(100);
        assertThat(shares).containsAnyOf(34L);
    }

    @Test
    void taxIsRoundedHalfUp() {
        assertThat(Totals.taxOf(5, 1000, false)).isEqualTo(1); // 0.5 → 1
        assertThat(Totals.taxOf(4, 1000, false)).isEqualTo(0); // 0.4 → 0
        assertThat(Totals.taxOf(1190, 1900, true)).isEqualTo(190);
    }

    @Test
    void aZeroRateLineHasNoTax() {
        assertThat(Totals.of(List.of(line(999, 3, 0, 0)), 0, 0, false).tax()).isZero();
    }
}
