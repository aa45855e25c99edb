package dev.kontor.documents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The admins' document settings: one row. */
@Repository
public class DocumentSettingsRepository {

    private final JdbcClient jdbc;

    DocumentSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> invoiceOn() {
        return jdbc.sql("SELECT invoice_on FROM document_settings WHERE id = 1")
                .query(String.class)
                .optional();
    }

    public void setInvoiceOn(String value, String by, Instant now) {
        jdbc.sql("""
                        INSERT INTO document_settings (id, invoice_on, updated_at, updated_by) VALUES (1, :v, :now, :by)
                        ON CONFLICT (id) DO UPDATE SET invoice_on = EXCLUDED.invoice_on,
                            updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .param("v", value)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
    }
}
