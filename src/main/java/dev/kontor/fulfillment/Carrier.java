package dev.kontor.fulfillment;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A carrier the warehouse ships with.
 *
 * @param trackingPattern a regular expression the whole tracking number must match (upper-cased, without spaces);
 *                        {@code null} when any number is accepted
 * @param active          offered when shipping; an inactive carrier stays on old shipments
 */
public record Carrier(String code, String name, String trackingPattern, boolean active) {

    /** The tracking number as stored and compared: upper case, without spaces. */
    public static String normalize(String trackingNumber) {
        return trackingNumber == null
                ? null
                : trackingNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the number fits this carrier's pattern (any number does when it has none). */
    public boolean accepts(String trackingNumber) {
        return trackingPattern == null
                || Pattern.compile(trackingPattern)
                        .matcher(normalize(trackingNumber))
                        .matches();
    }
}
