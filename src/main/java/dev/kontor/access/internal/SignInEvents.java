package dev.kontor.access.internal;

import java.util.Locale;

import dev.kontor.access.AuditEvent;
import dev.kontor.access.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Writes sign-ins and failed sign-ins (form and HTTP Basic) to the audit log; never the password. */
@Component
class SignInEvents {

    private final AuditLog audit;

    SignInEvents(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof KontorUser user) {
            audit.record(user.getUsername(), AuditEvent.SIGN_IN, null);
        }
    }

    /** A failed sign-in; a refusal for too many failures was recorded where it was decided. */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (isLockout(event.getException())) {
            return;
        }
        String username = event.getAuthentication().getName();
        audit.record(
                username == null ? null : username.strip().toLowerCase(Locale.ROOT),
                AuditEvent.SIGN_IN_FAILED,
                event.getException().getClass().getSimpleName());
    }

    static boolean isLockout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LockedException) {
                return true;
            }
        }
        return false;
    }
}
