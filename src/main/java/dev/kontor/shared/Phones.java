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
