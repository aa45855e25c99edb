package dev.kontor.access;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kontor.access.internal.TokenCache;
import dev.kontor.access.internal.UserRepository;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Kontor's users: the module's public face for finding and creating them. */
@Service
public class Users {

    /** The languages Kontor's UI speaks. */
    public static final List<String> LANGUAGES = List.of("en", "de", "zh_CN", "nb");

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Permissions permissions;
    private final AuditLog audit;
    private final UserSessions sessions;
    private final TokenCache tokens;
    private final Clock clock;

    Users(
            UserRepository repository,
            PasswordEncoder passwordEncoder,
            Permissions permissions,
            AuditLog audit,
            UserSessions sessions,
            TokenCache tokens,
            Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.permissions = permissions;
        this.audit = audit;
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Creates a user; refuses a taken name, a short password, an unknown language or role. Needs
     * {@link Permission#USERS_MANAGE} (Kontor itself has it, for the first admin and the demo shop).
     */
    @Transactional
    public User create(
            Actor by,
            String username,
            String displayName,
            String email,
            String password,
            String language,
            Collection<String> roleNames) {
        permissions.requireAllowed(by, Permission.USERS_MANAGE, Situation.NONE);
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Problems problems = new Problems();
        if (!name.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            problems.add("username", "validation.username");
        }
        if (displayName == null || displayName.isBlank()) {
            problems.add("displayName", "validation.required");
        }
        if (email != null && !email.isBlank() && !Text.isEmail(email.strip())) {
            problems.add("email", "validation.email", email);
        }
        if (language != null && !language.isBlank() && !LANGUAGES.contains(language)) {
            problems.add("language", "validation.language", String.join(", ", LANGUAGES));
        }
        Set<Role> roles = roles(roleNames, problems);
        if (password == null || password.codePointCount(0, password.length()) < PasswordPolicy.MIN_LENGTH) {
            problems.add("password", "validation.password.too-short", PasswordPolicy.MIN_LENGTH);
        }
        problems.throwIfAny();
        long id = repository
                .insertIfAbsent(
                        name,
                        displayName.strip(),
                        blankToNull(email),
                        passwordEncoder.encode(password),
                        blankToNull(language),
                        roles,
                        clock.instant())
                .orElseThrow(() -> InvalidInputException.of("username", "validation.username.taken", name));
        audit.record(by.username(), AuditEvent.USER_CREATED, name + " " + roles);
        return repository.findById(id).orElseThrow();
    }

    /**
     * Gives a user exactly these roles; their sessions end, so the change applies at once (to their API tokens on
     * another instance within the {@link TokenCache}'s time-to-live).
     */
    @Transactional
    public User changeRoles(Actor by, long userId, Collection<String> roleNames) {
        permissions.requireAllowed(by, Permission.USERS_MANAGE, Situation.NONE);
        User user = byId(userId);
        Problems problems = new Problems();
        Set<Role> roles = roles(roleNames, problems);
        problems.throwIfAny();
        if (user.id() == by.userId() && user.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            throw InvalidInputException.of("roles", "validation.roles.keep-own-admin");
        }
        repository.replaceRoles(userId, roles);
        sessions.endAllOf(user.username());
        tokens.forgetAll();
        audit.record(
                by.username(), AuditEvent.USER_ROLES_CHANGED, user.username() + " " + user.roles() + " → " + roles);
        return byId(userId);
    }

    /**
     * Disables or enables a user. A disabled user cannot sign in, their sessions end and their tokens stop (on
     * another instance within the {@link TokenCache}'s time-to-live).
     */
    @Transactional
    public User setEnabled(Actor by, long userId, boolean enabled) {
        permissions.requireAllowed(by, Permission.USERS_MANAGE, Situation.NONE);
        User user = byId(userId);
        if (!enabled && user.id() == by.userId()) {
            throw new ActionRefusedException("disable", "ENABLED", "user.refused.disable-self");
        }
        repository.updateEnabled(userId, enabled);
        tokens.forgetAll();
        if (!enabled) {
            sessions.endAllOf(user.username());
        }
        audit.record(by.username(), enabled ? AuditEvent.USER_ENABLED : AuditEvent.USER_DISABLED, user.username());
        return byId(userId);
    }

    /** Sets a new password (an admin resetting a forgotten one); the user's sessions end. */
    @Transactional
    public void resetPassword(Actor by, long userId, String password) {
        permissions.requireAllowed(by, Permission.USERS_MANAGE, Situation.NONE);
        User user = byId(userId);
        PasswordPolicy.check("password", password);
        repository.updatePassword(userId, passwordEncoder.encode(password));
        sessions.endAllOf(user.username());
        audit.record(by.username(), AuditEvent.PASSWORD_RESET, user.username());
    }

    private static Set<Role> roles(Collection<String> names, Problems problems) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add("roles", "validation.role", name, Arrays.toString(Role.values()));
            }
        }
        return roles;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Transactional(readOnly = true)
    public Optional<User> byUsername(String username) {
        return repository.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public User byId(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional(readOnly = true)
    public List<User> all() {
        return repository.findAll();
    }

    /** Display names of the given users, for lists that show who is responsible. */
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(Collection<Long> ids) {
        return repository.displayNames(ids);
    }

    /** Remembers the user's language, so the UI speaks it on every device. */
    @Transactional
    public void setLanguage(Actor actor, String language) {
        if (actor.userId() == null || !LANGUAGES.contains(language)) {
            return;
        }
        repository.updateLanguage(actor.userId(), language);
    }
}
