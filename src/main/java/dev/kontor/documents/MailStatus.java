package dev.kontor.documents;

/** Where a queued mail stands. */
public enum MailStatus {
    /** Waiting to be sent, or to be tried again. */
    QUEUED,
    /** The mail server took it. */
    SENT,
    /** Given up after too many attempts. */
    FAILED
}
