package dev.kontor.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * The in-process SMTP server tests send mail to (GreenMail on the port the test profile gives Kontor), and
 * what a customer would read in the mails it caught.
 */
public final class MailBox {

    public static final int PORT = 13025;

    private MailBox() {}

    /** A fresh server per test: {@code @RegisterExtension static GreenMailExtension smtp = MailBox.server();} */
    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** One caught mail as its reader sees it. */
    public record Received(String to, String subject, String text, String html) {

        /** The first {@code /pay/…} link in the mail. */
        public String payLink() {
            Matcher m =
                    Pattern.compile("https?://[^\\s\"<>]+/pay/[A-Za-z0-9_-]+").matcher(html);
            if (!m.find()) {
                throw new AssertionError("No payment link in: " + text);
            }
            return m.group();
        }
    }

    public static List<Received> read(GreenMailExtension server) {
        List<Received> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                StringBuilder text = new StringBuilder();
                StringBuilder html = new StringBuilder();
                collect(message.getContent(), message.getContentType(), text, html);
                mails.add(new Received(
                        message.getRecipients(Message.RecipientType.TO)[0].toString(),
                        message.getSubject(),
                        text.toString(),
                        html.toString()));
            } catch (MessagingException | IOException e) {
                throw new AssertionError("Unreadable mail", e);
            }
        }
        return mails;
    }

    private static void collect(Object content, String type, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), text, html);
            }
        } else if (content instanceof String s) {
            (type.toLowerCase().startsWith("text/html") ? html : text).append(s);
        }
    }
}
