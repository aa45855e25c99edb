package dev.kontor.crm.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.crm.Activities;
import dev.kontor.crm.ActivityKind;
import dev.kontor.crm.InboundMails;
import dev.kontor.crm.MailboxSettings;
import dev.kontor.crm.internal.InboundMailRepository;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.timeline.TimelineEntry;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customers' mailbox, read over IMAP from GreenMail: a reply naming the order lands on its timeline with its text
 * and gives the responsible salesperson an activity, once however often it is read and however many instances read
 * at the same time; an HTML mail arrives as text with no markup, an oversized attachment named as such; a mail naming
 * no order waits in the inbox until attached to an order; a mailbox that is down is an error on the page, and its
 * mail is read when it is back.
 */
@KontorTest
class MailboxPollerTest {

    private static final int IMAP = 13143;

    @RegisterExtension
    static GreenMailExtension server =
            new GreenMailExtension(new ServerSetup(IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));

    @Autowired
    Fixtures fixtures;

    @Autowired
    InboundMails inbound;

    @Autowired
    InboundMailRepository mails;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Autowired
    Orders orders;

    @Autowired
    Activities activities;

    GreenMailUser mailbox;
    Actor sven;
    Order order;

    @BeforeEach
    void setUp() {
        mailbox = server.setUser("orders@shop.test", "orders", "secret");
        sven = fixtures.user("sven", Role.SALES);
        order = fixtures.order(sven, false);
    }

    private MailboxPoller poller(int port) {
        return new MailboxPoller(
                new MailboxSettings(
                        "127.0.0.1", port, "imap", "orders", "secret", "INBOX", Duration.ofMinutes(1), true, 1024),
                inbound,
                mails,
                transaction,
                clock);
    }

    private MimeMessage mail(String id, String from, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from, "Jana Schmidt"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "orders@shop.test");
        message.setSubject(subject);
        message.setText(text);
        message.saveChanges();
        message.setHeader("Message-ID", id);
        return message;
    }

    @Test
    void aReplyLandsOnItsOrderOnceAndItsResponsibleIsToldToAnswer() throws Exception {
        MimeMessage reply = mail(
                "<reply-1@example.de>",
                "jana@example.de",
                "Re: Your blue shirt (" + order.number() + ")",
                "Friday is fine, thank you!\n\n> We ship on Friday.");
        mailbox.deliver(reply);
        mailbox.deliver(mail("<reply-1@example.de>", "jana@example.de", "Re: again", "the same mail twice"));

        assertThat(poller(IMAP).poll()).isEqualTo(1);
        List<TimelineEntry> received = orders.timeline(sven, order.id()).stream()
                .filter(e -> e.action().equals("email.received"))
                .toList();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).details())
                .containsEntry("from", "Jana Schmidt <jana@example.de>")
                .containsEntry("subject", "Re: Your blue shirt (" + order.number() + ")");
        assertThat(received.get(0).details().get("body")).startsWith("Friday is fine, thank you!");
        assertThat(activities.mine(sven)).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(ActivityKind.EMAIL);
            assertThat(a.subjectId()).isEqualTo(order.id());
        });
        assertThat(server.getReceivedMessages())
                .allSatisfy(
                        m -> assertThat(m.getFlags().contains(Flags.Flag.SEEN)).isTrue());
        assertThat(poller(IMAP).poll()).isZero();
        assertThat(mails.poll().error()).isNull();
        assertThat(mails.poll().polledAt()).isNotNull();
    }

    @Test
    void twoInstancesReadingAtOnceTakeEachMailOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            mailbox.deliver(
                    mail("<m-" + i + "@example.de>", "jana@example.de", "Order " + order.number(), "Mail " + i));
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        Future<Integer> a = two.submit(() -> poller(IMAP).poll());
        Future<Integer> b = two.submit(() -> poller(IMAP).poll());
        int taken = a.get() + b.get();
        two.shutdown();
        taken += poller(IMAP).poll(); // what the one waiting for the lock left
        assertThat(taken).isEqualTo(20);
        assertThat(orders.timeline(sven, order.id()).stream()
                        .filter(e -> e.action().equals("email.received")))
                .hasSize(20);
    }

    @Test
    void anHtmlMailArrivesAsTextAndAnOversizedAttachmentIsNamed() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("jana@example.de"));
        message.setSubject("Order " + order.number());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(
                "<p>Hello,<br>please <b>cancel</b> it.</p><script>alert('x')</script><img src=\"https://tracker.example/p.gif\">",
                "text/html; charset=utf-8");
        MimeBodyPart scan = new MimeBodyPart();
        scan.setFileName("scan.tif");
        scan.setContent(new byte[4096], "application/octet-stream");
        MimeBodyPart offer = new MimeBodyPart();
        offer.setFileName("Angebot signiert.pdf");
        byte[] pdf = "%PDF-1.4 signed offer".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        offer.setContent(pdf, "application/pdf");
        MimeMultipart parts = new MimeMultipart();
        parts.addBodyPart(html);
        parts.addBodyPart(scan);
        parts.addBodyPart(offer);
        message.setContent(parts);
        message.saveChanges();
        mailbox.deliver(message);

        assertThat(poller(IMAP).poll()).isEqualTo(1);
        TimelineEntry entry = orders.timeline(sven, order.id()).stream()
                .filter(e -> e.action().equals("email.received"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.details().get("body"))
                .contains("Hello,\nplease cancel it.")
                .doesNotContain("<", "script", "alert", "tracker");
        assertThat(entry.details().get("attachments")).isEqualTo("scan.tif, Angebot signiert.pdf");

        // the one within the limit is kept, with its name and type, for whoever may see the order
        long mailId = Long.parseLong(entry.details().get("mail"));
        assertThat(inbound.open(sven, mailId).attachments())
                .extracting(a -> a.name(), a -> a.kept())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("scan.tif", false),
                        org.assertj.core.groups.Tuple.tuple("Angebot signiert.pdf", true));
        InboundMails.Download download = inbound.attachment(sven, mailId, 1);
        assertThat(download.content()).isEqualTo(pdf);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThatThrownBy(() -> inbound.attachment(sven, mailId, 0)) // too large: named, not kept
                .isInstanceOf(dev.kontor.shared.NotFoundException.class);
        Actor stranger = fixtures.user("ola", Role.SALES); // sales sees their own orders only
        assertThatThrownBy(() -> inbound.attachment(stranger, mailId, 1))
                .isInstanceOf(dev.kontor.shared.NotFoundException.class);
    }

    @Test
    void aMailNamingNoOrderWaitsUntilAttachedToOne() throws Exception {
        mailbox.deliver(
                mail("<new-1@example.com>", "ola@example.no", "Price for 200 shirts?", "Do you ship to Norway?"));
        assertThat(poller(IMAP).poll()).isEqualTo(1);
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        var waiting = inbound.waiting(lina);
        assertThat(waiting)
                .singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Price for 200 shirts?"));
        assertThat(inbound.waitingCount(lina)).isEqualTo(1);

        assertThatThrownBy(() -> inbound.attach(lina, waiting.get(0).id(), "SO-999999"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(
                                ((InvalidInputException) e).problems().get(0).field())
                        .isEqualTo("orderNumber"));
        inbound.attach(lina, waiting.get(0).id(), order.number().toLowerCase());
        assertThat(inbound.waiting(lina)).isEmpty();
        assertThat(orders.timeline(sven, order.id())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("email.received");
            assertThat(e.actorName()).isEqualTo(lina.displayName());
            assertThat(e.details().get("body")).isEqualTo("Do you ship to Norway?");
        });
    }

    @Test
    void aMailboxThatIsDownIsAnErrorAndItsMailIsReadWhenItIsBack() throws Exception {
        mailbox.deliver(mail("<later@example.de>", "jana@example.de", "About " + order.number(), "Still there?"));
        assertThat(poller(IMAP + 1).poll()).isZero();
        assertThat(inbound.status().poll().error()).isNotBlank();
        assertThat(inbound.status().poll().errorAt()).isNotNull();

        assertThat(poller(IMAP).poll()).isEqualTo(1);
        assertThat(inbound.status().poll().error()).isNull();
    }
}
