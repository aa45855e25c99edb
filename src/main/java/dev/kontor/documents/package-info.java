/**
 * Documents: what Kontor writes to people outside.
 *
 * <p>Mail: a command queues its mail in its own transaction ({@link dev.kontor.documents.Mail#queue});
 * {@code MailSenderJob} sends it over SMTP and retries with backoff while the server is down, so a mail is never lost
 * and never sent for a command that rolled back. Mail bodies are Thymeleaf templates under {@code templates/mail/},
 * rendered in the recipient's language.
 *
 * <p>Issued documents ({@link dev.kontor.documents.DocumentIssuing}): quotes, order confirmations, pro-formas,
 * invoices, credit notes and delivery notes, each numbered in its kind's gapless series per year, rendered to PDF
 * from {@code templates/documents/pdf.html} in the customer's language and kept as issued (content and bytes; a
 * trigger refuses changes). {@link dev.kontor.documents.DocumentRules} says what may be invoiced, credited and
 * voided; {@link dev.kontor.documents.DocumentLinks} gives customers expiring download links. Every issue, download,
 * link and void is an entry in the order's timeline.
 *
 * <p>Depends on orders (the order a document is issued for), customers (their language), access and timeline;
 * payments depends on it for mail.
 */
@ApplicationModule(displayName = "Documents")
package dev.kontor.documents;

import org.springframework.modulith.ApplicationModule;
