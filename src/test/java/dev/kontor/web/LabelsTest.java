package dev.kontor.web;

import java.util.Locale;

import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** What the timeline stored ("129.00 CNY", "2026-12-24", "ALIPAY") as its reader reads it. */
@KontorTest
class LabelsTest {

    @Autowired
    Labels labels;

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** The label with its (narrow) no-break spaces as plain ones, for comparing. */
    private String value(String field, String stored) {
        return labels.value(field, stored).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void amountsDaysAndCodesInTheReadersWay() {
        LocaleContextHolder.setLocale(Locale.GERMANY);
        assertThat(value("total", "129.00 CNY")).isEqualTo("129,00 CN¥");
        assertThat(value("unitPrice", "49.90 EUR → 47.90 EUR")).isEqualTo("49,90 € → 47,90 €");
        assertThat(value("dueOn", "2026-12-24")).contains("24.12.2026");
        assertThat(value("method", "ALIPAY")).isEqualTo("Alipay");
        assertThat(labels.market("NO", "Norway")).isEqualTo("Norwegen");
        assertThat(labels.market("ATLANTIS", "Atlantis"))
                .as("one an admin added")
                .isEqualTo("Atlantis");
        assertThat(value("note", "Call before 5 pm")).isEqualTo("Call before 5 pm");

        LocaleContextHolder.setLocale(Locale.US);
        assertThat(value("total", "129.00 CNY")).isEqualTo("CN¥129.00");
        assertThat(value("method", "BANK_TRANSFER")).isEqualTo("Bank transfer");
        assertThat(value("placedAt", "2026-12-04T09:30:00Z")).contains("2026").doesNotContain("T09");
    }
}
