package dev.kontor.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhonesTest {

    @Test
    void aNumberIsKeptInInternationalFormatReadTheWayItsCountryWritesIt() {
        assertThat(Phones.kept("0170 5065756", "DE")).isEqualTo("+49 170 5065756");
        assertThat(Phones.kept("0049 1705065756", "CN")).isEqualTo("+49 170 5065756");
        assertThat(Phones.kept("13816575605", "CN")).isEqualTo("+86 138 1657 5605");
        assertThat(Phones.kept(" +47 22 33 44 55 ", null)).isEqualTo("+47 22 33 44 55");
    }

    @Test
    void whatIsNoValidNumberStaysAsWritten() {
        assertThat(Phones.kept("0170 5065756", null)).isEqualTo("0170 5065756");
        assertThat(Phones.kept("12345", "DE")).isEqualTo("12345");
        assertThat(Phones.kept("+49 170 5065756 ext. 12", "DE")).isEqualTo("+49 170 5065756 ext. 12");
        assertThat(Phones.kept("  ", "DE")).isEqualTo("  ");
        assertThat(Phones.kept(null, "DE")).isNull();
    }

    @Test
    void everyWayOfWritingANumberIsFoundByTheSameDigits() {
        String kept = Text.digits(Phones.kept("0170 5065756", "DE"));
        assertThat(kept).endsWith(Phones.significantDigits("0049 1705065756", "CN"));
        assertThat(kept).endsWith(Phones.significantDigits("+49 170 5065756", "CN"));
    }
}
