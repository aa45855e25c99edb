package dev.kontor.documents;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Document numbers from a pattern: {@code RE-{yyyy}-{000000}} with 2026 and 123 → {@code RE-2026-000123}. */
public final class DocumentNumbers {

    private static final Pattern RUNNING = Pattern.compile("\\{(0+)}");

    private DocumentNumbers() {}

    public static String format(String pattern, int year, long value) {
        String withYear =
                pattern.replace("{yyyy}", Integer.toString(year)).replace("{yy}", String.format("%02d", year % 100));
        Matcher m = RUNNING.matcher(withYear);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = Long.toString(value);
            int digits = m.group(1).length();
            m.appendReplacement(
                    out, Matcher.quoteReplacement("0".repeat(Math.max(0, digits - number.length())) + number));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A pattern needs its running number once; the year keeps numbers of two years apart. */
    static void requireValid(String pattern) {
        Matcher m = RUNNING.matcher(pattern);
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (count != 1 || !(pattern.contains("{yyyy}") || pattern.contains("{yy}"))) {
            throw new IllegalStateException("kontor.documents.patterns: \"" + pattern
                    + "\" needs the year ({yyyy} or {yy}) and one running number ({000000})");
        }
    }
}
