package dev.kontor.imports.read;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import dev.kontor.shared.Message;

/**
 * The cells of one row as a reader reads them: a cell that cannot be read is reported on its line and column (in the
 * reader's words, with the value as written) and read as empty, so one bad cell never stops the file.
 */
final class Cells {

    private final Sheet.Row row;
    private final FormatReader.Sink sink;
    private final String externalId;

    Cells(Sheet.Row row, FormatReader.Sink sink, String externalId) {
        this.row = row;
        this.sink = sink;
        this.externalId = externalId;
    }

    String text(String column) {
        return Values.text(row.get(column));
    }

    /** The first of these columns the file has (exports name the same thing differently over the years). */
    String text(String... columns) {
        for (String column : columns) {
            String value = text(column);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    Long amount(String column, String currency) {
        try {
            return Values.amount(row.get(column), currency);
        } catch (NumberFormatException e) {
            problem(column, "import.problem.amount", Values.text(row.get(column)));
            return null;
        }
    }

    Integer whole(String column) {
        try {
            return Values.whole(row.get(column));
        } catch (NumberFormatException e) {
            problem(column, "import.problem.whole", Values.text(row.get(column)));
            return null;
        }
    }

    Instant time(String column, ZoneId zone) {
        try {
            return Values.time(row.get(column), zone);
        } catch (DateTimeParseException e) {
            problem(column, "import.problem.date", Values.text(row.get(column)));
            return null;
        }
    }

    void problem(String column, String key, Object... args) {
        sink.problem(row.line(), column, externalId, Message.of(key, args));
    }
}
