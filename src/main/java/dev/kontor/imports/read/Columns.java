package dev.kontor.imports.read;

/** Which column of a file holds a field the checks look at, so that a problem names the column as the file does. */
@FunctionalInterface
public interface Columns {

    /**
     * The column holding a field ({@code placedAt}, {@code total}, {@code buyer}, {@code address}, {@code status},
     * {@code carrier}, {@code sku}, {@code quantity}, {@code unitPrice}); the field's label key ({@code field.placedAt})
     * when the file has no such column.
     */
    String column(String field);
}
