package dev.kontor.access;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who carries out a command: a signed-in user, a machine with a user's token, or Kontor itself (a
 * background job). Every service command takes one, so the same rules apply to the UI, the API,
 * imports and jobs, and every timeline entry can name its author.
 *
 * @param userId      the user's id; {@code null} for Kontor itself
 * @param username    the sign-in name
 * @param displayName the name people see in timelines
 * @param roles       the user's roles
 */
public record Actor(Long userId, String username, String displayName, Set<Role> roles) implements Serializable {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Kontor itself, acting in a background job or at start-up: it holds every role. */
    public static Actor system(String what) {
        return new Actor(null, "system", "Kontor (" + what + ")", EnumSet.allOf(Role.class));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isSystem() {
        return userId == null;
    }
}
