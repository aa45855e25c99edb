package dev.kontor.crm.jobs;

import java.time.Clock;
import java.util.Properties;

import dev.kontor.crm.InboundMail;
import dev.kontor.crm.InboundMails;
import dev.kontor.crm.MailboxSettings;
import dev.kontor.crm.internal.InboundMailRepository;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the customers' mailbox over IMAP: every unread message is taken ({@link InboundMails#receive}, a transaction
 * each) and then marked read, so a message that could not be taken stays unread and comes again. One instance polls
 * at a time (the poll row is locked with {@code SKIP LOCKED}); a message taken twice (a crash between its commit and
 * its mark) is kept once, by its Message-ID. A mailbox that is down is retried at the next poll and its error shown
 * on the mail inbox page; nothing is lost, the messages wait on the server. Timeouts keep a slow server from holding a
 * worker.
 */
@Component
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    /** The most messages one poll takes; the rest come at the next. */
    private static final int BATCH = 200;

    private final MailboxSettings settings;
    private final InboundMails inbound;
    private final InboundMailRepository mails;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailboxPoller(
            MailboxSettings settings,
            InboundMails inbound,
            InboundMailRepository mails,
            TransactionTemplate transaction,
            Clock clock) {
        this.settings = settings;
        this.inbound = inbound;
        this.mails = mails;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kontor.mail.inbound.poll-interval:PT1M}", initialDelayString = "PT20S")
    public void scheduled() {
        if (settings.enabled()) {
            poll();
        }
    }

    /** Reads the mailbox once; answers how many messages were taken (0 when another instance is polling). */
    public int poll() {
        try {
            Integer taken = transaction.execute(s -> mails.lockPoll().isPresent() ? read() : 0);
            return taken == null ? 0 : taken;
        } catch (MailboxDown e) {
            log.warn("Mailbox {} could not be read: {}", settings.host(), e.getMessage());
            transaction.executeWithoutResult(s -> mails.failed(clock.instant(), e.getMessage()));
            return 0;
        }
    }

    private int read() {
        Properties props = new Properties();
        String protocol = settings.protocol();
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "20000");
        props.put("mail." + protocol + ".writetimeout", "20000");
        Session session = Session.getInstance(props);
        int taken = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < unread.length && i < BATCH; i++) {
                    if (take((MimeMessage) unread[i])) {
                        taken++;
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new MailboxDown(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        mails.polled(clock.instant(), taken);
        return taken;
    }

    /** Takes one message; a message Kontor cannot read is logged and left unread for a person. */
    private boolean take(MimeMessage message) throws MessagingException {
        InboundMails.Outcome outcome;
        try {
            outcome = inbound.receive(InboundMail.read(message, settings.maxAttachmentBytes()));
        } catch (java.io.IOException | MessagingException | RuntimeException e) {
            log.warn("A message in the mailbox could not be taken and stays unread: {}", e.toString());
            message.setFlag(Flags.Flag.SEEN, false);
            return false;
        }
        message.setFlag(Flags.Flag.SEEN, outcome != InboundMails.Outcome.LEFT);
        return outcome == InboundMails.Outcome.ON_ORDER || outcome == InboundMails.Outcome.WAITING;
    }

    /** The mailbox cannot be reached or read. */
    static final class MailboxDown extends RuntimeException {
        MailboxDown(String message) {
            super(message);
        }
    }
}
