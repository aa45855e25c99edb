package dev.kontor.crm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * A customer's mail as Kontor keeps it: who, when, the subject, the text (an HTML-only mail reduced to its text by
 * jsoup, so no markup, script or remote image of a stranger's ever reaches a page), and the attachments with their
 * bytes up to the mailbox's limit. Plain Java: read from a {@link MimeMessage}, tested without a mail server.
 *
 * @param orderHeader an {@code X-Kontor-Order} header naming the order, when the mail has one
 */
public record InboundMail(
        String messageId,
        Instant sentAt,
        String fromAddress,
        String fromName,
        String subject,
        String body,
        List<Attachment> attachments,
        String orderHeader) {

    /** The most of a mail's text that is kept. */
    public static final int MAX_BODY = 20_000;

    /** An order number as Kontor writes them into subjects: a prefix, a dash, digits ({@code SO-000123}). */
    private static final Pattern ORDER_NUMBER = Pattern.compile("\\b[A-Z]{1,8}-\\d{4,12}\\b");

    public InboundMail {
        attachments = List.copyOf(attachments);
    }

    /**
     * An attachment: its name, type and size, and its bytes ({@code null} for one above the limit: said to be too
     * large and not kept).
     */
    public record Attachment(String name, String contentType, long bytes, boolean tooLarge, byte[] content) {

        /** An attachment known by name and size only (its bytes not read). */
        public Attachment(String name, long bytes, boolean tooLarge) {
            this(name, "application/octet-stream", bytes, tooLarge, null);
        }
    }

    /** The order numbers the mail names, the header's first, then the subject's, then the text's. */
    public List<String> orderNumbers() {
        Set<String> numbers = new LinkedHashSet<>();
        if (orderHeader != null) {
            numbers.add(orderHeader.strip().toUpperCase(Locale.ROOT));
        }
        for (String text : new String[] {subject, body}) {
            if (text != null) {
                Matcher m = ORDER_NUMBER.matcher(text);
                while (m.find() && numbers.size() < 10) {
                    numbers.add(m.group());
                }
            }
        }
        return List.copyOf(numbers);
    }

    /**
     * The attachments' names as one line for the timeline, "offer.pdf, scan.tif" (their sizes, and which were too
     * large to keep, are on the mail's page, in the reader's language).
     */
    public String attachmentLine() {
        List<String> names = attachments.stream().map(Attachment::name).toList();
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** Reads a received message. */
    public static InboundMail read(MimeMessage message, long maxAttachmentBytes)
            throws MessagingException, IOException {
        Address[] from = message.getFrom();
        InternetAddress sender = from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a : null;
        String address = sender == null ? "unknown" : sender.getAddress().toLowerCase(Locale.ROOT);
        String name = sender == null ? null : sender.getPersonal();
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<Attachment> attachments = new ArrayList<>();
        collect(message, plain, html, attachments, maxAttachmentBytes);
        String text = plain.length() > 0 ? plain.toString() : textOf(html.toString());
        text = text.replace("\r\n", "\n").strip();
        if (text.length() > MAX_BODY) {
            text = text.substring(0, MAX_BODY) + "…";
        }
        String subject = message.getSubject();
        Instant sent =
                message.getSentDate() == null ? null : message.getSentDate().toInstant();
        String id = message.getMessageID();
        if (id == null || id.isBlank()) {
            id = "<generated-" + sha256(address + "|" + sent + "|" + subject + "|" + text) + "@kontor>";
        }
        String[] header = message.getHeader("X-Kontor-Order");
        return new InboundMail(
                id.strip(),
                sent,
                address,
                name,
                subject == null ? null : limit(subject, 500),
                text,
                attachments,
                header == null || header.length == 0 ? null : limit(header[0], 40));
    }

    private static void collect(
            Part part, StringBuilder plain, StringBuilder html, List<Attachment> attachments, long maxBytes)
            throws MessagingException, IOException {
        String fileName = part.getFileName();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null) {
            String name = fileName == null ? "attachment" : limit(MimeUtility.decodeText(fileName), 200);
            byte[] content = upTo(part, maxBytes);
            boolean tooLarge = content.length > maxBytes;
            attachments.add(new Attachment(
                    name, typeOf(part), Math.min(content.length, maxBytes), tooLarge, tooLarge ? null : content));
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, plain, html, attachments, maxBytes);
            }
        } else if (part.isMimeType("text/plain") && plain.length() == 0) {
            plain.append(part.getContent());
        } else if (part.isMimeType("text/html") && html.length() == 0) {
            html.append(part.getContent());
        }
    }

    /** A part's bytes, reading at most one byte past the limit (more than {@code maxBytes}: too large). */
    private static byte[] upTo(Part part, long maxBytes) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    /** A part's media type without its parameters ({@code application/pdf}); unknown ones as plain bytes. */
    private static String typeOf(Part part) throws MessagingException {
        String type = part.getContentType();
        if (type == null) {
            return "application/octet-stream";
        }
        String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return bare.matches("[a-z0-9.+-]+/[a-z0-9.+-]+") ? bare : "application/octet-stream";
    }

    /** An HTML mail's text: blocks become lines, every tag and script is dropped (jsoup's cleaner). */
    static String textOf(String html) {
        String lines = html.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>|</h[1-6]>", "\n");
        String clean = Jsoup.clean(lines, "", Safelist.none(), new Document.OutputSettings().prettyPrint(false));
        return Parser.unescapeEntities(clean, false)
                .replaceAll("[ \\t]+\n", "\n")
                .replaceAll("\n{3,}", "\n\n");
    }

    private static String limit(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
