package dev.kontor.access;

import java.time.Instant;
import java.util.Set;

/**
 * A person (or a machine account) who signs in to Kontor.
 *
 * @param language the user's preferred language tag ({@code en}, {@code de}, {@code zh_CN}, {@code nb}),
 *                 or {@code null} to follow the browser
 */
public record User(
        long id,
        String username,
        String displayName,
        String email,
        boolean enabled,
        String language,
        Set<Role> roles,
        Instant createdAt) {

    public Actor asActor() {
        return new Actor(id, username, displayName, roles);
    }
}
