package dev.kontor.documents;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.kontor.documents.internal.MailRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The outbox for mail. {@link #queue} renders the mail and stores it in the caller's transaction: if the
 * command rolls back, no mail goes out; if it commits, the mail goes out even when the server is down now.
 */
@Service
public class Mail {

    private final MailRepository mails;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final MailSettings settings;
    private final ApplicationContext application;
    private final Clock clock;

    Mail(
            MailRepository mails,
            ITemplateEngine templates,
            MessageSource messages,
            MailSettings settings,
            ApplicationContext application,
            Clock clock) {
        this.mails = mails;
        this.application = application;
        this.templates = templates;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Kontor's address as customers reach it, for links in mail: {@code kontor.mail.public-url}, or else the
     * address of the request being served (the back-office user's), or else {@code http://localhost:8080}.
     */
    public String publicUrl() {
        if (!settings.publicUrl().isBlank()) {
            return settings.publicUrl().replaceAll("/+$", "");
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return "http://localhost:8080";
    }

    /** Renders and queues a mail; it is sent once the caller's transaction commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long queue(MailMessage message) {
        Context context = new Context(message.locale(), Map.copyOf(message.model()));
        // templates may use the same helpers as pages (${@fmt.money(…)}), in the recipient's language
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        String html;
        try {
            LocaleContextHolder.setLocale(message.locale());
            html = templates.process("mail/" + message.purpose(), context);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
        String text = MailText.of(html);
        String subject = messages.getMessage(message.subjectKey(), message.subjectArgs(), message.locale());
        return mails.insert(
                message.purpose(),
                message.subjectType(),
                message.subjectId(),
                message.recipient(),
                subject,
                html,
                text,
                message.attachment(),
                clock.instant());
    }

    /** The mail sent or queued about one thing (an order), newest first. */
    @Transactional(readOnly = true)
    public List<OutgoingMail> about(String subjectType, long subjectId) {
        return mails.about(subjectType, subjectId);
    }
}
