package dev.kontor.shared;

/**
 * Cells of the CSV files Kontor writes, safe to open in a spreadsheet: a text that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be run as a formula (OWASP's "CSV injection"), so it gets a
 * leading apostrophe, which spreadsheets show as text. Numbers ({@code -12.50}) stay numbers.
 */
public final class CsvCells {

    private CsvCells() {}

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!risky || value.matches("[+-]?\\d+([.,]\\d+)?")) {
            return value;
        }
        return "'" + value;
    }
}
