package dev.kontor.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Cells of the CSV files Kontor writes, safe to open in a spreadsheet: a text that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be run as a formula (OWASP's "CSV injection"), so it gets a
 * leading apostrophe, which spreadsheets show as text. Numbers ({@code -12.50}) stay numbers.
 */
public final class CsvCells {

    private CsvCells() {}

    /** Every cell of a record made safe. */
    public static List<String> safe(List<String> record) {
        List<String> safe = new ArrayList<>(record.size());
        for (String cell : record) {
            safe.add(safe(cell));
        }
        return safe;
    }

    /** A cell as it was before {@link #safe}: the apostrophe in front of {@code =}, {@code +}, {@code -}, {@code @} dropped. */
    public static String read(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

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
