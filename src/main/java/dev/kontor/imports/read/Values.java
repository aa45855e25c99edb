package dev.kontor.imports.read;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.kontor.shared.CsvCells;

/**
 * How marketplaces write values, read leniently but never guessed: {@code ="123"} order numbers (so that Excel keeps
 * the digits), amounts with {@code 元}, {@code ¥}, {@code $}, {@code €} and thousands separators, dates in the formats
 * exports use. A value that cannot be read is refused ({@link NumberFormatException}, {@link DateTimeParseException}),
 * for the caller to report with its line and column.
 */
public final class Values {

    private static final List<DateTimeFormatter> WITH_OFFSET =
            List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx"), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy.M.d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("d.M.yyyy H:mm[:ss]"),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm[:ss]"),
            DateTimeFormatter.ofPattern("M/d/yy H:mm[:ss]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("d.M.yyyy"),
            DateTimeFormatter.ofPattern("M/d/yyyy"),
            DateTimeFormatter.ofPattern("MMM-d-yy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));

    /** Signs written next to amounts: 元, ¥ (half and full width), $, €, £. */
    private static final String CURRENCY_SIGNS = "元¥￥$€£";

    private static final Map<String, Integer> DIGITS = new ConcurrentHashMap<>();

    private Values() {}

    /** The text of a cell, trimmed, without Excel's {@code ="…"} guard; {@code null} when empty. */
    public static String text(String cell) {
        if (cell == null) {
            return null;
        }
        String value = CsvCells.read(cell.strip());
        if (value.startsWith("=\"") && value.endsWith("\"") && value.length() >= 3) {
            value = value.substring(2, value.length() - 1).strip();
        }
        return value.isEmpty() ? null : value;
    }

    /** An amount in minor units of the currency; {@code null} when empty. */
    public static Long amount(String cell, String currency) {
        String value = text(cell);
        if (value == null) {
            return null;
        }
        String plain = plain(value, currency);
        if (plain.indexOf(',') >= 0) {
            if (plain.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
                plain = plain.replace(",", "");
            } else if (plain.matches("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?")) {
                plain = plain.replace(".", "").replace(',', '.');
            } else if (plain.matches("-?\\d+,\\d{1,2}")) {
                plain = plain.replace(',', '.');
            }
        }
        return minor(plain, currency, value);
    }

    /** The amount without currency signs, codes and spaces: {@code 1,234.50元} → {@code 1,234.50}. */
    private static String plain(String value, String currency) {
        String text = currency != null && value.indexOf(currency) >= 0 ? value.replace(currency, "") : value;
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-') {
                plain.append(c);
            } else if (CURRENCY_SIGNS.indexOf(c) < 0 && !Character.isWhitespace(c) && c != '\u00a0') {
                throw new NumberFormatException(value);
            }
        }
        return plain.toString();
    }

    /** A plain decimal ({@code -12.5}) in minor units, refusing more decimals than the currency has. */
    private static long minor(String plain, String currency, String written) {
        int digits = DIGITS.computeIfAbsent(
                currency, c -> Math.max(Currency.getInstance(c).getDefaultFractionDigits(), 0));
        boolean negative = plain.startsWith("-");
        String unsigned = negative ? plain.substring(1) : plain;
        int dot = unsigned.indexOf('.');
        String whole = dot < 0 ? unsigned : unsigned.substring(0, dot);
        String fraction = dot < 0 ? "" : unsigned.substring(dot + 1);
        fraction = stripTrailingZeros(fraction);
        if (whole.isEmpty() && fraction.isEmpty()
                || whole.length() > 15
                || fraction.length() > digits
                || !allDigits(whole)
                || !allDigits(fraction)) {
            throw new NumberFormatException(written);
        }
        long minor = whole.isEmpty() ? 0 : Long.parseLong(whole);
        for (int i = 0; i < digits; i++) {
            minor = minor * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
        }
        return negative ? -minor : minor;
    }

    private static String stripTrailingZeros(String fraction) {
        int end = fraction.length();
        while (end > 0 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        return fraction.substring(0, end);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A whole number; {@code null} when empty. */
    public static Integer whole(String cell) {
        String value = text(cell);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "")).intValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException(value); // a fraction, or too large
        }
    }

    /** A point in time written in the marketplace's zone (or with its own offset); {@code null} when empty. */
    public static Instant time(String cell, ZoneId zone) {
        String value = text(cell);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : WITH_OFFSET) {
            try {
                return OffsetDateTime.parse(value, format).toInstant();
            } catch (DateTimeParseException e) {
                // no offset: the marketplace's local time
            }
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(value, format).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // try the next
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                // try the next
            }
        }
        throw new DateTimeParseException("not a date", value, 0);
    }
}
