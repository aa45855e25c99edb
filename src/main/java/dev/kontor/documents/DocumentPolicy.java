package dev.kontor.documents;

import java.time.Clock;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.documents.internal.DocumentSettingsRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins decide about documents in the browser: when Kontor issues an order's invoice by itself. Kept in the
 * database, so every instance does the same; {@code kontor.documents.invoice-on} until an admin chose.
 */
@Service
public class DocumentPolicy {

    private final DocumentSettingsRepository repository;
    private final DocumentSettings settings;
    private final Permissions permissions;
    private final Clock clock;

    DocumentPolicy(
            DocumentSettingsRepository repository, DocumentSettings settings, Permissions permissions, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DocumentSettings.InvoiceOn invoiceOn() {
        return repository.invoiceOn().map(DocumentSettings.InvoiceOn::valueOf).orElse(settings.invoiceOn());
    }

    @Transactional
    public void setInvoiceOn(Actor actor, DocumentSettings.InvoiceOn value) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        repository.setInvoiceOn(value.name(), actor.displayName(), clock.instant());
    }
}
