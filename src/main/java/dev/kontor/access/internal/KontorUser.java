package dev.kontor.access.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in principal: the {@link Actor}, plus what Spring Security needs. Kept in the session. */
public final class KontorUser implements UserDetails, CredentialsContainer {

    /** Held by requests authenticated with an API token rather than a password. */
    public static final String TOKEN_AUTHORITY = "AUTH_TOKEN";

    private final Actor actor;
    private final boolean enabled;
    private String passwordHash;

    public KontorUser(Actor actor, String passwordHash, boolean enabled) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public Actor actor() {
        return actor;
    }

    public static List<GrantedAuthority> authoritiesOf(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : actor.roles()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        return authorities;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authoritiesOf(actor);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
