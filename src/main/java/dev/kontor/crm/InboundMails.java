package dev.kontor.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.crm.internal.ActivityRepository;
import dev.kontor.crm.internal.InboundMailRepository;
import dev.kontor.crm.internal.InboundMailRepository.Kept;
import dev.kontor.crm.internal.InboundMailRepository.NewAttachment;
import dev.kontor.crm.internal.InboundMailRepository.Poll;
import dev.kontor.crm.internal.InboundMailRepository.StoredAttachment;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Text;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail customers write: one that names an order (an {@code X-Kontor-Order} header, or its number in the subject or
 * text, as replies to Kontor's own mails do) lands on that order's timeline with its text, and its responsible
 * colleague gets an activity to answer it; one that names none waits in the mail inbox as a lead, for someone to
 * attach to an order or put aside. Each mail is kept once, by its Message-ID.
 */
@Service
public class InboundMails {

    private static final Actor MAILBOX = Actor.system("mail");

    private final InboundMailRepository mails;
    private final ActivityRepository activities;
    private final Orders orders;
    private final Permissions permissions;
    private final Timeline timeline;
    private final MailboxSettings settings;
    private final Clock clock;

    InboundMails(
            InboundMailRepository mails,
            ActivityRepository activities,
            Orders orders,
            Permissions permissions,
            Timeline timeline,
            MailboxSettings settings,
            Clock clock) {
        this.mails = mails;
        this.activities = activities;
        this.orders = orders;
        this.permissions = permissions;
        this.timeline = timeline;
        this.settings = settings;
        this.clock = clock;
    }

    /** What became of a received mail. */
    public enum Outcome {
        /** On the order's timeline. */
        ON_ORDER,
        /** In the mail inbox, waiting for someone. */
        WAITING,
        /** Kept before (a second poll, another instance). */
        DUPLICATE,
        /** Names no order and unknown senders are not kept: left unread in the mailbox. */
        LEFT
    }

    /** Takes one received mail, in a transaction of its own (a poll takes many). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Outcome receive(InboundMail mail) {
        Optional<Order> order = mail.orderNumbers().stream()
                .map(number -> orders.byNumber(MAILBOX, number))
                .flatMap(Optional::stream)
                .findFirst();
        if (order.isEmpty() && !settings.keepUnknownSenders()) {
            return Outcome.LEFT;
        }
        Instant now = clock.instant();
        Optional<Long> id = mails.insertIfNew(
                mail.messageId(),
                now,
                mail.sentAt(),
                mail.fromAddress(),
                mail.fromName(),
                mail.subject(),
                mail.body(),
                mail.attachmentLine(),
                order.map(Order::id).orElse(null));
        if (id.isEmpty()) {
            return Outcome.DUPLICATE;
        }
        mails.insertAttachments(
                id.get(),
                mail.attachments().stream()
                        .map(a -> new NewAttachment(a.name(), a.contentType(), a.bytes(), a.content()))
                        .toList());
        if (order.isEmpty()) {
            return Outcome.WAITING;
        }
        land(order.get(), mails.get(id.get()), null, now);
        return Outcome.ON_ORDER;
    }

    /** Mails no order took yet, newest first. */
    @Transactional(readOnly = true)
    public List<Kept> waiting(Actor actor) {
        permissions.requireAllowed(actor, Permission.ACTIVITY_PLAN, Situation.NONE);
        return mails.waiting(200);
    }

    /** How many mails wait, for the navigation. */
    @Transactional(readOnly = true)
    public long waitingCount(Actor actor) {
        return permissions
                        .check(actor, Permission.ACTIVITY_PLAN, Situation.NONE)
                        .isAllowed()
                ? mails.waitingCount()
                : 0;
    }

    /** Puts a waiting mail on an order's timeline (the order named by its number). */
    @Transactional
    public Order attach(Actor actor, long mailId, String orderNumber) {
        permissions.requireAllowed(actor, Permission.ACTIVITY_PLAN, Situation.NONE);
        String number = Text.clean(orderNumber);
        if (number == null) {
            throw InvalidInputException.of("orderNumber", "validation.required");
        }
        Order order = orders.byNumber(actor, number.toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> InvalidInputException.of("orderNumber", "validation.mail.no-order", number));
        Kept mail = mails.lockWaiting(mailId).orElseThrow(() -> new NotFoundException("mail", mailId));
        Instant now = clock.instant();
        mails.handle(mailId, order.id(), now, actor.displayName());
        land(order, mail, actor, now);
        return order;
    }

    /** Puts a waiting mail aside (spam, nothing to do). */
    @Transactional
    public void dismiss(Actor actor, long mailId) {
        permissions.requireAllowed(actor, Permission.ACTIVITY_PLAN, Situation.NONE);
        mails.lockWaiting(mailId).orElseThrow(() -> new NotFoundException("mail", mailId));
        mails.handle(mailId, null, clock.instant(), actor.displayName());
    }

    /** A kept mail with its attachments, for whoever may see it. */
    public record Opened(Kept mail, List<StoredAttachment> attachments) {}

    /**
     * A kept mail and its attachments: a mail on an order for whoever may see the order (unknown to others), one that
     * waits for whoever works the mail inbox.
     */
    @Transactional(readOnly = true)
    public Opened open(Actor actor, long mailId) {
        Kept mail = mails.find(mailId).orElseThrow(() -> new NotFoundException("mail", mailId));
        if (mail.orderId() != null) {
            orders.view(actor, mail.orderId());
        } else {
            permissions.requireAllowed(actor, Permission.ACTIVITY_PLAN, Situation.NONE);
        }
        return new Opened(mail, mails.attachmentsOf(List.of(mailId)));
    }

    /** An attachment to download: its name, type and bytes. */
    public record Download(String name, String contentType, byte[] content) {}

    /** An attachment's bytes, for whoever may open its mail; one too large to keep is not found. */
    @Transactional(readOnly = true)
    public Download attachment(Actor actor, long mailId, int position) {
        Opened opened = open(actor, mailId);
        StoredAttachment listed = opened.attachments().stream()
                .filter(a -> a.position() == position && a.kept())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("attachment", position));
        byte[] content =
                mails.content(mailId, position).orElseThrow(() -> new NotFoundException("attachment", position));
        return new Download(listed.name(), listed.contentType(), content);
    }

    /** The attachments of these waiting mails, by mail. */
    @Transactional(readOnly = true)
    public Map<Long, List<StoredAttachment>> attachmentsOf(List<Kept> kept) {
        Map<Long, List<StoredAttachment>> byMail = new LinkedHashMap<>();
        mails.attachmentsOf(kept.stream().map(Kept::id).toList())
                .forEach(a -> byMail.computeIfAbsent(a.mailId(), k -> new java.util.ArrayList<>())
                        .add(a));
        return byMail;
    }

    /** The mailbox: whether one is set up, its last poll and its last error. */
    public record Status(boolean enabled, String mailbox, Poll poll) {}

    @Transactional(readOnly = true)
    public Status status() {
        return new Status(
                settings.enabled(),
                settings.enabled() ? settings.username() + "@" + settings.host() + "/" + settings.folder() : null,
                mails.poll());
    }

    /** The mail in the order's timeline; its responsible colleague gets an activity to answer it. */
    private void land(Order order, Kept mail, Actor attachedBy, Instant now) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(
                "from",
                mail.fromName() == null ? mail.fromAddress() : mail.fromName() + " <" + mail.fromAddress() + ">");
        if (mail.subject() != null) {
            details.put("subject", mail.subject());
        }
        details.put("body", mail.body());
        if (mail.attachments() != null) {
            details.put("attachments", mail.attachments());
            details.put("mail", String.valueOf(mail.id())); // the page with the attachments to download
        }
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                order.id(),
                now,
                attachedBy == null ? null : attachedBy.userId(),
                attachedBy == null ? MAILBOX.displayName() : attachedBy.displayName(),
                "email.received",
                List.of(),
                null,
                details));
        Long responsible = order.content().responsibleId();
        if (responsible != null) {
            activities.insert(
                    Orders.SUBJECT,
                    order.id(),
                    order.number(),
                    ActivityKind.EMAIL,
                    now,
                    responsible,
                    mail.subject() == null ? mail.fromAddress() : mail.subject(),
                    MAILBOX.displayName(),
                    now);
        }
    }
}
