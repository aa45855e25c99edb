package dev.kontor.bulk;

/** What became of one subject (an order) in a bulk job. */
public enum BulkItemStatus {
    /** Not yet worked on. */
    PENDING,
    DONE,
    /** The access policy wants a supervisor's approval; it was asked for. */
    ASKED,
    /** A rule or a permission said no; the result says which. */
    REFUSED,
    /** Something unexpected went wrong; nothing was changed. */
    FAILED
}
