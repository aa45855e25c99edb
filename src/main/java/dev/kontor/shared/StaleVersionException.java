package dev.kontor.shared;

import java.util.List;

/**
 * Someone else changed the thing since the user loaded it. Nothing was written; the user reloads and
 * decides again. The API answers 412 when the client sent If-Match, 409 otherwise.
 */
public class StaleVersionException extends KontorException {

    private final int currentVersion;
    private final String changedBy;

    public StaleVersionException(String kind, Object id, int currentVersion, String changedBy) {
        super(
                "error.stale-version",
                List.of(changedBy),
                kind + " " + id + " was changed meanwhile by " + changedBy + " (now version " + currentVersion + ")");
        this.currentVersion = currentVersion;
        this.changedBy = changedBy;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public String changedBy() {
        return changedBy;
    }
}
