package dev.kontor.access;

/**
 * Carries out an approved request. The module that owns the subject implements it; the action is run as
 * it was requested, against the subject as it is now, and refused (with the module's usual refusal) when
 * it has become invalid.
 */
public interface ApprovalHandler {

    boolean handles(String action);

    /** Runs inside the approving transaction. */
    void carryOut(ApprovalRequest request, Actor approver);
}
