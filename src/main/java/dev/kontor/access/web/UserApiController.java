package dev.kontor.access.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.AuditEntry;
import dev.kontor.access.AuditEvent;
import dev.kontor.access.AuditLog;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Role;
import dev.kontor.access.Situation;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users and the audit log over HTTP, for admins. */
@RestController
@RequestMapping("/api")
@Tag(name = "Users", description = "For admins: users, their roles, and the audit log.")
class UserApiController {

    private final Users users;
    private final AuditLog audit;
    private final Permissions permissions;

    UserApiController(Users users, AuditLog audit, Permissions permissions) {
        this.users = users;
        this.audit = audit;
        this.permissions = permissions;
    }

    /** A user as the API shows one: no password hash, ever. */
    @Schema(name = "User")
    record UserResponse(
            long id,
            String username,
            String displayName,
            String email,
            boolean enabled,
            String language,
            Set<Role> roles,
            Instant createdAt) {
        static UserResponse of(User u) {
            return new UserResponse(
                    u.id(),
                    u.username(),
                    u.displayName(),
                    u.email(),
                    u.enabled(),
                    u.language(),
                    u.roles(),
                    u.createdAt());
        }
    }

    @Schema(name = "NewUser")
    record NewUser(
            @Schema(example = "li.na") String username,
            @Schema(example = "Li Na") String displayName,
            String email,
            @Schema(description = "At least 12 characters") String password,
            @Schema(example = "zh_CN") String language,
            @Schema(example = "[\"CUSTOMER_SERVICE\"]") List<String> roles) {}

    @GetMapping("/users")
    @Operation(
            summary = "All users",
            description = "Every user with their roles, language and whether they may sign in (admins).")
    List<UserResponse> list(Actor actor) {
        permissions.requireAllowed(actor, Permission.USERS_MANAGE, Situation.NONE);
        return users.all().stream().map(UserResponse::of).toList();
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/users")
    @Operation(summary = "Create a user", description = "422 names an unknown role, a taken name or a short password.")
    ResponseEntity<UserResponse> create(Actor actor, @RequestBody NewUser request) {
        User user = users.create(
                actor,
                request.username(),
                request.displayName(),
                request.email(),
                request.password(),
                request.language(),
                request.roles());
        return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(UserResponse.of(user));
    }

    @GetMapping("/users/{id}")
    @Operation(
            summary = "One user",
            description = "The user's name, e-mail, language, roles and whether they may sign in.")
    UserResponse get(Actor actor, @PathVariable long id) {
        permissions.requireAllowed(actor, Permission.USERS_MANAGE, Situation.NONE);
        return UserResponse.of(users.byId(id));
    }

    record Roles(List<String> roles) {}

    @PutMapping("/users/{id}/roles")
    @Operation(
            summary = "Set a user's roles",
            description =
                    "Their sessions end, so the change applies at once (to their API tokens within 2 seconds on another Kontor instance).")
    UserResponse roles(Actor actor, @PathVariable long id, @RequestBody Roles request) {
        return UserResponse.of(users.changeRoles(actor, id, request.roles()));
    }

    @PostMapping("/users/{id}/disable")
    @Operation(
            summary = "Disable a user",
            description = "They cannot sign in; their sessions end and their tokens stop.")
    UserResponse disable(Actor actor, @PathVariable long id) {
        return UserResponse.of(users.setEnabled(actor, id, false));
    }

    @PostMapping("/users/{id}/enable")
    @Operation(summary = "Enable a user again", description = "The user may sign in again. Audited.")
    UserResponse enable(Actor actor, @PathVariable long id) {
        return UserResponse.of(users.setEnabled(actor, id, true));
    }

    record Password(String password) {}

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @PostMapping("/users/{id}/password")
    @Operation(
            summary = "Reset a user's password",
            description = "Admins set a new password (at least 12 characters); the user's open sessions end. Audited.")
    ResponseEntity<Void> password(Actor actor, @PathVariable long id, @RequestBody Password request) {
        users.resetPassword(actor, id, request.password());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/audit")
    @Operation(
            summary = "The audit log, newest first",
            description = "Sign-ins, refusals, changes to users. No secrets.")
    List<AuditEntry> audit(
            Actor actor,
            @RequestParam(required = false) AuditEvent event,
            @RequestParam(required = false) String username,
            @RequestParam(defaultValue = "100") int limit) {
        permissions.requireAllowed(actor, Permission.AUDIT_READ, Situation.NONE);
        return audit.latest(event, username, limit);
    }
}
