package dev.kontor.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.kontor.access.AccessSettings;
import dev.kontor.access.AuditEvent;
import dev.kontor.access.AuditLog;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users for the sign-in form and HTTP Basic, and refuses a name that failed too often lately: after
 * {@code kontor.access.login-attempts} failures within {@code login-lock-minutes}, further attempts are
 * refused for that long, whatever the password (the count lives in the audit log, so every instance agrees).
 */
@Service
class KontorUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final AuditRepository audit;
    private final AuditLog auditLog;
    private final AccessSettings settings;
    private final Clock clock;

    KontorUserDetailsService(
            UserRepository users, AuditRepository audit, AuditLog auditLog, AccessSettings settings, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        Instant since = clock.instant().minus(Duration.ofMinutes(settings.loginLockMinutes()));
        if (audit.failuresSince(name, since) >= settings.loginAttempts()) {
            auditLog.record(name, AuditEvent.SIGN_IN_LOCKED, null);
            throw new LockedException("too many failed sign-ins");
        }
        var user = users.findByUsername(name).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        String hash = users.passwordHash(user.username()).orElseThrow();
        return new KontorUser(user.asActor(), hash, user.enabled());
    }
}
