package dev.kontor.imports.read;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import dev.kontor.shared.Money;

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
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("d.M.yyyy"),
            DateTimeFormatter.ofPattern("M/d/yyyy"),
            DateTimeFormatter.ofPattern("MMM-d-yy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));

    private Values() {}

    /** The text of a cell, trimmed, without Excel's {@code ="…"} guard; {@code null} when empty. */
    public static String text(String cell) {
        if (cell == null) {
            return null;
        }
        String value = cell.strip();
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
        String plain = value.replace("元", "")
                .replace("¥", "")
                .replace("￥", "")
                .replace("$", "")
                .replace("€", "")
                .replace("£", "")
                .replace(currency == null ? "\u0000" : currency, "")
                .replace(" ", "")
                .replace("\u00a0", "");
        if (plain.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            plain = plain.replace(",", "");
        } else if (plain.matches("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?")) {
            plain = plain.replace(".", "").replace(',', '.');
        } else if (plain.matches("-?\\d+,\\d{1,2}")) {
            plain = plain.replace(',', '.');
        }
        if (!plain.matches("-?\\d+(\\.\\d+)?")) {
            throw new NumberFormatException(value);
        }
        try {
            return Money.parse(new BigDecimal(plain).toPlainString(), currency).minor();
        } catch (ArithmeticException e) {
            throw new NumberFormatException(value); // more decimals than the currency has
        }
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
