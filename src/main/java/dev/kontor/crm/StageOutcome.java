package dev.kontor.crm;

/** What a sales stage says about the deal: still open, won, or lost (then with a reason). */
public enum StageOutcome {
    OPEN,
    WON,
    LOST
}
