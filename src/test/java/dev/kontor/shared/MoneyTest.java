package dev.kontor.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void amountsAreParsedInTheCurrencysMinorUnit() {
        assertThat(Money.parse("12.50", "EUR")).isEqualTo(Money.of(1250, "EUR"));
        assertThat(Money.parse("1200", "JPY")).isEqualTo(Money.of(1200, "JPY"));
        assertThat(Money.parse("0.1", "NOK").minor()).isEqualTo(10);
    }

    @Test
    void moreDigitsThanTheCurrencyHasAreRefusedRatherThanRounded() {
        assertThatThrownBy(() -> Money.parse("12.505", "EUR")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void currenciesAreNeverMixed() {
        assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(100, "CNY")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyIsoCurrenciesExist() {
        assertThatThrownBy(() -> Money.of(1, "EURO")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itPrintsAsADecimalWithItsCode() {
        assertThat(Money.of(26800, "CNY")).hasToString("268.00 CNY");
    }
}
