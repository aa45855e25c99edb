package dev.kontor.access;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kontor.access.internal.UserRepository;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
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
    private final Clock clock;

    Users(UserRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Creates a user; refuses a taken name, a short password or an unknown language. */
    @Transactional
    public User create(String username, String displayName, String email, String password, String language,
                       Set<Role> roles) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Problems problems = new Problems();
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            problems.add("username", "validation.username");
        }
        if (displayName == null || displayName.isBlank()) {
            problems.add("displayName", "validation.required");
        }
        if (language != null && !LANGUAGES.contains(language)) {
            problems.add("language", "validation.language", String.join(", ", LANGUAGES));
        }
        problems.throwIfAny();
        PasswordPolicy.check("password", password);
        long id = repository.insertIfAbsent(name, displayName.trim(), email, passwordEncoder.encode(password), language,
                        roles, clock.instant())
                .orElseThrow(() -> InvalidInputException.of("username", "validation.username.taken", name));
        return repository.findById(id).orElseThrow();
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
