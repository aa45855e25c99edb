package dev.kontor.access;

import java.time.Clock;
import java.util.List;

import dev.kontor.access.internal.AuditRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What happened to access: sign-ins (and failed ones), permission refusals, changes to users and roles.
 * Entries are written in their own transaction, so a refused command that rolls back still leaves its trace.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, AuditEvent event, String detail) {
        repository.insert(clock.instant(), username, event, detail, remoteAddress());
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> latest(AuditEvent event, String username, int limit) {
        return repository.latest(
                event,
                username == null || username.isBlank() ? null : username.strip(),
                Math.min(Math.max(limit, 1), 1000));
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
