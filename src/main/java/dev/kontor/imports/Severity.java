package dev.kontor.imports;

/** How bad a problem found in a file is. */
public enum Severity {
    /** The order is not imported until the file (or a mapping) is fixed. */
    ERROR,
    /** The order is imported, and someone should look at it. */
    WARNING
}
