package dev.kontor.crm;

/** What is planned: a call, a meeting, a task or an e-mail to write. */
public enum ActivityKind {
    CALL,
    MEETING,
    TASK,
    EMAIL
}
