package dev.kontor.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers however people write them: {@code +49 170 5065756}, {@code 0170 5065756} and
 * {@code 0049 1705065756} are one number, and so are {@code 13816575605} and {@code +86 138 1657 5605}. Every way of
 * writing a number ends in its national significant number (what is left without the country code and the trunk
 * prefix), so a stored number is found by those digits at its end (libphonenumber knows each country's rules).
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * Answers already worked out, by region and number: an import reads each buyer's number four times (checking,
     * keeping, the order's phone, the blacklist), and parsing is what costs. Pure functions of their input, so no
     * instance depends on another's; emptied when full.
     */
    private static final Map<String, String> KEPT = new ConcurrentHashMap<>();

    private static final Map<String, String> SIGNIFICANT = new ConcurrentHashMap<>();

    private static final int REMEMBERED = 20_000;

    private Phones() {}

    private static String remembered(
            Map<String, String> answers, String written, String region, BinaryOperator<String> work) {
        String key = region + '|' + written;
        String known = answers.get(key);
        if (known != null) {
            return known;
        }
        String answer = work.apply(written, region);
        if (answers.size() >= REMEMBERED) {
            answers.clear();
        }
        answers.put(key, answer);
        return answer;
    }

    /**
     * A number the way Kontor keeps it: in international format ({@code 0170 5065756} in DE → {@code +49 170 5065756},
     * {@code 13816575605} in CN → {@code +86 138 1657 5605}) when libphonenumber knows it as a valid number, read in
     * {@code region}'s way when it has no country code; otherwise as written (an extension, a number of a plan it does
     * not know, a typo the reader should see as typed).
     */
    public static String kept(String written, String region) {
        if (written == null || written.isBlank()) {
            return written;
        }
        return remembered(KEPT, written, region, Phones::keep);
    }

    private static String keep(String written, String region) {
        String text = written.strip();
        if (Text.digits(text).length() < 7) {
            return text;
        }
        String parsed = text.startsWith("00") ? "+" + text.substring(2) : text;
        try {
            PhoneNumber number = UTIL.parse(parsed, region);
            return UTIL.isValidNumber(number) && !number.hasExtension()
                    ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL)
                    : text;
        } catch (NumberParseException e) {
            return text;
        }
    }

    /**
     * The digits a number is searched by: its national significant number, read in {@code region}'s way when it has
     * no country code ({@code 0170 5065756} in DE → {@code 1705065756}); the plain digits when it is no phone number.
     */
    public static String significantDigits(String written, String region) {
        if (written == null) {
            return Text.digits(written);
        }
        return remembered(SIGNIFICANT, written, region, Phones::significant);
    }

    private static String significant(String written, String region) {
        String digits = Text.digits(written);
        if (written == null || digits.length() < 7) {
            return digits;
        }
        String text = written.strip();
        if (text.startsWith("00")) {
            text = "+" + text.substring(2); // the international prefix most of the world dials
        }
        try {
            PhoneNumber number = UTIL.parse(text, region);
            String significant = UTIL.getNationalSignificantNumber(number);
            return significant.length() >= 7 && digits.endsWith(significant) ? significant : digits;
        } catch (NumberParseException e) {
            return digits;
        }
    }
}
