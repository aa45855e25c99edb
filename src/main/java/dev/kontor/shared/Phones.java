package dev.kontor.shared;

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

    private Phones() {}

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
