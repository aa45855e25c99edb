package dev.kontor.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.documents.internal.DocumentImageRepository;
import dev.kontor.documents.internal.DocumentRepository;
import dev.kontor.documents.internal.DocumentSeries;
import dev.kontor.orders.Orders;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.Money;
import dev.kontor.shared.ShopSettings;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an issued document inside its use case's transaction: takes the next number of the kind's series, renders
 * the PDF (a template error throws, and the number goes back with the rollback), stores both and says so in the
 * order's timeline.
 */
@Component
class DocumentWriter {

    static final List<String> LANGUAGES = List.of("en", "de", "zh_CN", "nb");

    private final DocumentRepository documents;
    private final DocumentSeries series;
    private final DocumentImageRepository images;
    private final DocumentPdf pdf;
    private final DocumentSettings settings;
    private final Timeline timeline;
    private final ShopSettings shop;
    private final EInvoices eInvoices;

    DocumentWriter(
            DocumentRepository documents,
            DocumentSeries series,
            DocumentImageRepository images,
            DocumentPdf pdf,
            DocumentSettings settings,
            Timeline timeline,
            ShopSettings shop,
            EInvoices eInvoices) {
        this.eInvoices = eInvoices;
        this.documents = documents;
        this.series = series;
        this.images = images;
        this.pdf = pdf;
        this.settings = settings;
        this.timeline = timeline;
        this.shop = shop;
    }

    /** The company as its documents name it. */
    DocumentContent.Party seller() {
        DocumentSettings.Company c = settings.company();
        String name = c.name() == null || c.name().isBlank() ? shop.name() : c.name();
        String country = c.country() == null || c.country().isBlank() ? shop.homeCountry() : c.country();
        return new DocumentContent.Party(name, null, c.address(), country, c.taxId());
    }

    LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, shop.timeZone());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Document write(
            Actor actor,
            long orderId,
            DocumentKind kind,
            String language,
            DocumentContent content,
            Long correctsId,
            Instant now) {
        int year = today(now).getYear();
        String number = DocumentNumbers.format(settings.patterns().get(kind), year, series.next(kind.name(), year));
        Map<String, Object> model = model(kind, number, now, content);
        byte[] bytes = pdf.render(locale(language), settings.paper(), model);
        if (EInvoices.applies(kind) && pdf.isPdfA()) {
            // ZUGFeRD / Factur-X: the EN 16931 XML inside the PDF/A-3, so the PDF is the e-invoice too
            bytes = eInvoices.zugferd(
                    bytes, eInvoices.xml(kind, number, now, content, EInvoices.Profile.EN16931, shop.timeZone()));
        }
        Document stored = documents.insert(new DocumentRepository.NewDocument(
                orderId,
                kind,
                number,
                now,
                actor.userId(),
                actor.displayName(),
                language,
                settings.paper(),
                content,
                bytes,
                sha256(bytes),
                correctsId));
        record(actor, orderId, "document.issued", stored, List.of(), null, now);
        return stored;
    }

    /** What the PDF template reads. */
    Map<String, Object> model(DocumentKind kind, String number, Instant issuedAt, DocumentContent content) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("number", number);
        model.put("issuedOn", today(issuedAt));
        model.put("c", content);
        model.put("company", settings.company());
        model.put("cjk", DocumentPdf.CJK_FAMILY);
        model.put("sans", DocumentPdf.SANS_FAMILY);
        images.all()
                .forEach((purpose, image) -> model.put(
                        purpose.toLowerCase(Locale.ROOT),
                        "data:" + image.contentType() + ";base64,"
                                + Base64.getEncoder().encodeToString(image.bytes())));
        return model;
    }

    /** A plain entry about a document, to record many at once. */
    TimelineEntry entry(Actor actor, long orderId, String action, Document d, Instant now) {
        return entry(actor, orderId, action, d, List.of(), null, now);
    }

    private static TimelineEntry entry(
            Actor actor, long orderId, String action, Document d, List<Change> changes, String reason, Instant now) {
        return new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                now,
                actor.userId(),
                actor.displayName(),
                action,
                changes,
                reason,
                Map.of(
                        "documentKind", d.kind().name(),
                        "document", d.number(),
                        "total", Money.of(d.total(), d.currency()).toString()));
    }

    void recordAll(List<TimelineEntry> entries) {
        timeline.recordAll(entries);
    }

    void record(
            Actor actor, long orderId, String action, Document d, List<Change> changes, String reason, Instant now) {
        timeline.record(entry(actor, orderId, action, d, changes, reason, now));
    }

    /** Kontor was to issue a document by itself and the rules said no: why, in the order's timeline. */
    void recordNotIssued(Actor actor, long orderId, DocumentKind kind, KontorException why, Instant now) {
        recordOrder(
                actor,
                orderId,
                "document.not-issued",
                null,
                Map.of("documentKind", kind.name(), "why", why.messageKey()),
                now);
    }

    /** An entry in the order's timeline about its documents. */
    void recordOrder(
            Actor actor, long orderId, String action, String reason, Map<String, String> details, Instant now) {
        timeline.record(new TimelineEntry(
                null,
                Orders.SUBJECT,
                orderId,
                now,
                actor.userId(),
                actor.displayName(),
                action,
                List.of(),
                reason,
                details));
    }

    static Locale locale(String language) {
        return Locale.forLanguageTag(language.replace('_', '-'));
    }

    /** One of Kontor's four languages for a customer's ({@code zh}, {@code zh-CN}, {@code no} …); else English. */
    static String language(String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return "en";
        }
        String w = wanted.strip().replace('-', '_').toLowerCase(Locale.ROOT);
        if (w.startsWith("zh")) {
            return "zh_CN";
        }
        if (w.startsWith("nb") || w.startsWith("no") || w.startsWith("nn")) {
            return "nb";
        }
        if (w.startsWith("de")) {
            return "de";
        }
        return "en";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
