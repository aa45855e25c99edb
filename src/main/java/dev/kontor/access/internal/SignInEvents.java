package dev.kontor.access.internal;

import dev.kontor.access.AuditEvent;
import dev.kontor.access.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
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

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        boolean locked = event instanceof AuthenticationFailureLockedEvent;
        audit.record(username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT),
                locked ? AuditEvent.SIGN_IN_LOCKED : AuditEvent.SIGN_IN_FAILED,
                event.getException().getClass().getSimpleName());
    }
}
