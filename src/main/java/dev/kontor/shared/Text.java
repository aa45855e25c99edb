package dev.kontor.shared;

import java.util.regex.Pattern;

/** Small checks on text that several modules share. */
public final class Text {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{5,30}$");

    private Text() {}

    /** Trims, and turns blank into {@code null}. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    public static boolean isPhone(String value) {
        return value != null
                && PHONE.matcher(value).matches()
                && value.chars().filter(Character::isDigit).count() >= 5;
    }

    /** Digits only, for comparing phone numbers written in different ways. */
    public static String digits(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /**
     * Whether every letter is Latin script (digits, spaces and punctuation are fine); {@code null} counts as
     * Latin, since there is nothing in another script.
     */
    public static boolean isLatin(String value) {
        if (value == null) {
            return true;
        }
        return value.codePoints().allMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.LATIN
                    || script == Character.UnicodeScript.COMMON
                    || script == Character.UnicodeScript.INHERITED;
        });
    }
}
