package dev.kontor.crm;

import java.util.List;

import dev.kontor.access.Permission;
import dev.kontor.shared.PermissionDeniedException;

/**
 * A stage's own right refuses the move: the user may move orders, but not out of this stage ({@code leave}) or into
 * it ({@code enter}). The API answers 403 naming {@code ORDER_STAGE} and the right; the board says it on the card.
 */
public class StageRightDeniedException extends PermissionDeniedException {

    private final String right;
    private final long stageId;

    public StageRightDeniedException(String right, Stage stage) {
        super(Permission.ORDER_STAGE.name(), "stage.refused." + right, List.of(stage.names()));
        this.right = right;
        this.stageId = stage.id();
    }

    /** {@code leave} or {@code enter}. */
    public String right() {
        return right;
    }

    public long stageId() {
        return stageId;
    }
}
