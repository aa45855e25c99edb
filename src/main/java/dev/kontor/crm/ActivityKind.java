package dev.kontor.crm;

import java.util.List;

/**
 * What is planned: a call, a meeting, a task or an e-mail to write; or a colleague's note that @mentions one, to be
 * read and answered (made by Kontor, never planned by hand).
 */
public enum ActivityKind {
    CALL,
    MEETING,
    TASK,
    EMAIL,
    MENTION;

    /** The kinds a person plans. */
    public static final List<ActivityKind> PLANNED = List.of(CALL, MEETING, TASK, EMAIL);
}
