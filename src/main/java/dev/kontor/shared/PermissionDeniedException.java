package dev.kontor.shared;

import java.util.List;

/** The user's roles do not allow this action here. The API answers 403 naming the permission. */
public class PermissionDeniedException extends KontorException {

    private final String permission;

    public PermissionDeniedException(String permission) {
        super(
                "error.permission-denied",
                List.of(new Message.Label("permission." + permission)), // said in words, never the code
                "Missing permission " + permission);
        this.permission = permission;
    }

    /** Denied by a finer right than the permission (a sales stage's): says which, in the reason's words. */
    protected PermissionDeniedException(String permission, String reason, List<Object> args) {
        super(reason, args, "Missing right for " + permission + ": " + reason);
        this.permission = permission;
    }

    public String permission() {
        return permission;
    }
}
