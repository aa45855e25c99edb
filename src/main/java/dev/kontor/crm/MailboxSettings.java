package dev.kontor.crm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailbox customers write to, polled over IMAP (off until a host is set).
 *
 * @param host               the IMAP server; empty: no mailbox is polled
 * @param port               its port (993 for imaps, 143 for imap)
 * @param protocol           {@code imaps} (TLS, the default) or {@code imap}
 * @param username           the mailbox's user
 * @param password           its password
 * @param folder             the folder read, {@code INBOX}
 * @param pollInterval       how often it is read
 * @param keepUnknownSenders whether a mail that names no order waits in the mail inbox as a lead (otherwise it is
 *                           left unread in the mailbox for a person to read there)
 * @param maxAttachmentBytes attachments larger than this are named in the timeline but said to be too large
 */
@ConfigurationProperties("kontor.mail.inbound")
public record MailboxSettings(
        @DefaultValue("") String host,
        @DefaultValue("993") int port,
        @DefaultValue("imaps") String protocol,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("PT1M") Duration pollInterval,
        @DefaultValue("true") boolean keepUnknownSenders,
        @DefaultValue("10485760") long maxAttachmentBytes) {

    public boolean enabled() {
        return host != null && !host.isBlank();
    }
}
