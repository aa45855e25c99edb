package dev.kontor.access;

/** What the audit log records: sign-ins, refusals and changes to who may do what. */
public enum AuditEvent {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED,
    PERMISSION_DENIED,
    USER_CREATED,
    USER_ROLES_CHANGED,
    USER_DISABLED,
    USER_ENABLED,
    PASSWORD_RESET,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    APPROVAL_DECIDED
}
