package dev.kontor.documents;

import java.util.Locale;
import java.util.Map;

/**
 * A mail to queue: a template under {@code templates/mail/} rendered in the recipient's language.
 *
 * @param purpose     what it is for ({@code invoice}); also the template's name
 * @param subjectType what it is about ({@code order}), with {@code subjectId}, so its page can show the mail
 * @param subjectKey  the message key of the subject line; its arguments are {@code subjectArgs}
 * @param attachment  an issued document whose PDF goes with the mail; {@code null} for none
 */
public record MailMessage(
        String purpose,
        String subjectType,
        Long subjectId,
        String recipient,
        Locale locale,
        String subjectKey,
        Object[] subjectArgs,
        Map<String, Object> model,
        Long attachment) {

    /** A mail without attachment. */
    public MailMessage(
            String purpose,
            String subjectType,
            Long subjectId,
            String recipient,
            Locale locale,
            String subjectKey,
            Object[] subjectArgs,
            Map<String, Object> model) {
        this(purpose, subjectType, subjectId, recipient, locale, subjectKey, subjectArgs, model, null);
    }
}
