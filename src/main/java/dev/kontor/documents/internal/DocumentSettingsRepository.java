package dev.kontor.documents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The admins' document settings: one row, read once per transaction — approving an order asks it twice, whether
 * signed documents are required and whether to invoice on approval (issue 20: one round trip instead of two). A
 * write in the transaction reads it again.
 */
@Repository
public class DocumentSettingsRepository {

    private final JdbcClient jdbc;

    DocumentSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row as stored; blank channels, no companies and no {@code invoiceOn} while nobody saved it. */
    public record Row(Optional<String> invoiceOn, String signedChannels, boolean signedCompanies) {}

    public Optional<String> invoiceOn() {
        return row().invoiceOn();
    }

    /** The row, from the transaction when it was read in it already. */
    public Row row() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read();
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof Row known) {
            return known;
        }
        Row row = read();
        TransactionSynchronizationManager.bindResource(this, row);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                forget();
            }
        });
        return row;
    }

    /** After a write: read again when next asked. */
    void forget() {
        TransactionSynchronizationManager.unbindResourceIfPossible(this);
    }

    private Row read() {
        return jdbc.sql("SELECT invoice_on, signed_channels, signed_companies FROM document_settings WHERE id = 1")
                .query((rs, n) -> new Row(
                        Optional.ofNullable(rs.getString(1)),
                        rs.getString(2) == null ? "" : rs.getString(2),
                        rs.getBoolean(3)))
                .optional()
                .orElse(new Row(Optional.empty(), "", false));
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
        forget();
    }
}
