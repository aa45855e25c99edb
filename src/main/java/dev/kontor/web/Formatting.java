package dev.kontor.web;

import java.math.BigDecimal;
import java.text.Collator;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.shared.Money;
import dev.kontor.shared.ShopSettings;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formats money and times for templates, in the user's language: {@code ${@fmt.money(order.total)}}. */
@Component("fmt")
public class Formatting {

    private final ZoneId zone;

    Formatting(ShopSettings shop) {
        this.zone = shop.timeZone();
    }

    public String money(Money money) {
        return money == null ? "" : money(money.minor(), money.currency());
    }

    public String money(long minor, String currency) {
        return money(minor, currency, locale());
    }

    /** An amount in a locale's number format, with its currency's sign. */
    static String money(long minor, String currency, Locale locale) {
        Currency c = Currency.getInstance(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(c);
        int digits = Math.max(c.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }

    /** A count in the reader's locale: {@code 12,345} / {@code 12.345} / {@code 12 345}. */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** A rate in basis points as the reader writes a percentage: 1900 → "19%", "19 %", 750 → "7.5%". */
    public String percent(int basisPoints) {
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMaximumFractionDigits(2);
        return format.format(basisPoints / 10_000.0);
    }

    /** A plain decimal for form fields: {@code 12.50}. */
    public String decimal(long minor, String currency) {
        return BigDecimal.valueOf(minor, Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0))
                .toPlainString();
    }

    public String dateTime(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale())
                        .withZone(zone)
                        .format(instant);
    }

    public String date(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale())
                        .withZone(zone)
                        .format(instant);
    }

    /** A calendar day in the reader's medium format: "3 Oct 2025", "03.10.2025", "2025年10月3日". */
    public String date(LocalDate day) {
        return day == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale())
                        .format(day);
    }

    /** A calendar day with its weekday: "Fri, 3 Oct 2025". */
    public String day(LocalDate day) {
        return day == null
                ? ""
                : DateTimeFormatter.ofPattern("EEE", locale()).format(day) + ", "
                        + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(locale())
                                .format(day);
    }

    /** For {@code <time datetime=…>} and date inputs. */
    public String isoDate(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone).format(instant);
    }

    /** Every country, code → name in the user's language, sorted as the user's language sorts names. */
    public Map<String, String> countries() {
        Collator collator = Collator.getInstance(locale());
        List<String> codes = new ArrayList<>(List.of(Locale.getISOCountries()));
        codes.sort((a, b) -> collator.compare(country(a), country(b)));
        Map<String, String> named = new LinkedHashMap<>();
        codes.forEach(code -> named.put(code, country(code)));
        return named;
    }

    /** A currency's name in the user's language: {@code NOK} → "Norwegische Krone". */
    public String currencyName(String code) {
        try {
            return Currency.getInstance(code).getDisplayName(locale());
        } catch (IllegalArgumentException | NullPointerException e) {
            return code == null ? "" : code;
        }
    }

    /** A country's name in the user's language, from its ISO code: {@code NO} → "Norwegen". */
    public String country(String code) {
        if (code == null) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale());
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    public ZoneId zone() {
        return zone;
    }

    public String languageTag() {
        return Languages.tag(locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
