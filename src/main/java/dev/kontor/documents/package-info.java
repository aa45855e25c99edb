/**
 * Documents: what Kontor writes to people outside, starting with e-mail. A command queues its mail in its own
 * transaction ({@link dev.kontor.documents.Mail#queue}); {@code MailSenderJob} sends it over SMTP and retries with
 * backoff while the server is down, so a mail is never lost and never sent for a command that rolled back.
 * Mail bodies are Thymeleaf templates under {@code templates/mail/}, rendered in the recipient's language.
 *
 * <p>Depends on nothing but the shared kernel; payments and others depend on it.
 */
@ApplicationModule(displayName = "Documents")
package dev.kontor.documents;

import org.springframework.modulith.ApplicationModule;
