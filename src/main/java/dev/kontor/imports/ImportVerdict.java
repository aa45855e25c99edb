package dev.kontor.imports;

/** What the checks made of a staged order. */
public enum ImportVerdict {
    /** Nothing found: imported at commit. */
    READY,
    /** Imported at commit, with warnings to look at. */
    WARNING,
    /** Not imported: an error must be fixed first. */
    REJECTED,
    /** A second row for an order the batch already has: not imported. */
    DUPLICATE
}
