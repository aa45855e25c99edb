package dev.kontor.access.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;

import dev.kontor.access.PasswordPolicy;
import dev.kontor.access.Role;
import dev.kontor.shared.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database, creates the first admin: user {@code admin}, holding every role (a shop run by one
 * person needs them all; an admin takes away what others should not have), with the password from
 * {@code KONTOR_ADMIN_PASSWORD}, or a generated one printed once. Safe when two instances start at once:
 * the insert skips a name that exists, and only the instance that inserted prints anything.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String configuredPassword;

    AdminBootstrap(
            UserRepository users,
            PasswordEncoder encoder,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${kontor.admin.password:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.transaction = transaction;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        if (password.length() < PasswordPolicy.MIN_LENGTH) {
            throw new StartupProblem(
                    "KONTOR_ADMIN_PASSWORD is too short for the first admin's password.",
                    "Set KONTOR_ADMIN_PASSWORD to at least " + PasswordPolicy.MIN_LENGTH
                            + " characters, or leave it unset and Kontor prints a generated one.",
                    null);
        }
        boolean created = Boolean.TRUE.equals(transaction.execute(status -> users.insertIfAbsent(
                        "admin",
                        "Administrator",
                        null,
                        encoder.encode(password),
                        null,
                        EnumSet.allOf(Role.class),
                        clock.instant())
                .isPresent()));
        if (!created) {
            return;
        }
        if (generated) {
            log.warn("""

                    ==================================================================
                      First admin created.  User: admin   Password: {}
                      Shown only this once. Set KONTOR_ADMIN_PASSWORD to choose it.
                    ==================================================================""", password);
        } else {
            log.info("First admin created: user 'admin' with the password from KONTOR_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
