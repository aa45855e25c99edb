package dev.kontor.imports.read;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.dhatim.fastexcel.reader.Cell;

/**
 * An Excel cell as the text a CSV export would have had: numbers in plain digits (no exponent), dates and times as
 * {@code 2026-12-03 10:15:00} (Excel keeps them as day numbers with a date format), formulas as their last value.
 */
final class Workbooks {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Workbooks() {}

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER ->
                isDate(cell)
                        ? cell.asDate().format(DATE_TIME)
                        : cell.asNumber().stripTrailingZeros().toPlainString();
            case STRING, BOOLEAN, ERROR -> cell.getText();
            case FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case EMPTY -> "";
        };
    }

    /** Whether a number is shown as a date: Excel's built-in date formats, or a custom one with days or years. */
    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String plain = format.replaceAll("\"[^\"]*\"|\\[[^\\]]*]", "").toLowerCase(Locale.ROOT);
        return plain.contains("y") || plain.contains("d") || (plain.contains("h") && plain.contains(":"));
    }
}
