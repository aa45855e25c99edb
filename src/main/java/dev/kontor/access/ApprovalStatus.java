package dev.kontor.access;

/** Where an approval request stands. */
public enum ApprovalStatus {
    /** Waiting for a supervisor. */
    PENDING,
    /** Approved, and the action was carried out. */
    APPROVED,
    /** Declined; nothing was done. */
    DECLINED,
    /** Approved, but the action could no longer be carried out (the subject changed meanwhile). */
    FAILED
}
