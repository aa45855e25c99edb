package dev.kontor.documents.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.kontor.documents.Document;
import dev.kontor.documents.MailSettings;
import dev.kontor.documents.internal.DocumentRepository;
import dev.kontor.documents.internal.MailRepository;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each round claims a batch (so two instances never send the same mail), sends
 * it outside any transaction, and marks each mail sent, or due again after a wait that doubles with every
 * failure. Without a mail server configured it does nothing and the mail waits.
 */
@Component
public class MailSenderJob {

    private static final Logger log = LoggerFactory.getLogger(MailSenderJob.class);
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final MailRepository mails;
    private final DocumentRepository documents;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailSettings settings;
    private final Clock clock;

    MailSenderJob(
            MailRepository mails,
            DocumentRepository documents,
            ObjectProvider<JavaMailSender> sender,
            MailSettings settings,
            Clock clock) {
        this.mails = mails;
        this.documents = documents;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${kontor.mail.poll-interval:PT5S}",
            initialDelayString = "${kontor.mail.poll-interval:PT5S}")
    public void run() {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return;
        }
        List<MailRepository.Due> due;
        do {
            Instant now = clock.instant();
            due = mails.claim(now, now.plus(LEASE), BATCH);
            due.forEach(mail -> send(smtp, mail));
        } while (due.size() == BATCH);
    }

    private void send(JavaMailSender smtp, MailRepository.Due mail) {
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            if (mail.attachment() != null) {
                Document document = documents.findById(mail.attachment()).orElseThrow();
                byte[] pdf = documents.pdf(document.id()).orElseThrow();
                helper.addAttachment(document.number() + ".pdf", new ByteArrayResource(pdf), "application/pdf");
            }
            smtp.send(message);
            mails.sent(mail.id(), clock.instant());
        } catch (MailException | MessagingException e) {
            int attempts = mail.attempts() + 1;
            boolean giveUp = attempts >= settings.maxAttempts();
            Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
            wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
            log.warn(
                    "Mail {} not sent (attempt {}{}): {}",
                    mail.id(),
                    attempts,
                    giveUp ? ", giving up" : ", will retry in " + wait,
                    e.getMessage());
            mails.failed(
                    mail.id(), String.valueOf(e.getMessage()), clock.instant().plus(wait), giveUp);
        }
    }
}
