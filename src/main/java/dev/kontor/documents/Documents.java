package dev.kontor.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.documents.internal.DocumentRepository;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
import dev.kontor.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading documents: an order's, one, its PDF as issued (each download is in the order's timeline), a list. */
@Service
public class Documents {

    private final DocumentRepository documents;
    private final DocumentWriter writer;
    private final Orders orders;
    private final Permissions permissions;
    private final Clock clock;
    private final EInvoices eInvoices;
    private final java.time.ZoneId zone;

    Documents(
            DocumentRepository documents,
            DocumentWriter writer,
            Orders orders,
            Permissions permissions,
            Clock clock,
            EInvoices eInvoices,
            dev.kontor.shared.ShopSettings shop) {
        this.eInvoices = eInvoices;
        this.zone = shop.timeZone();
        this.documents = documents;
        this.writer = writer;
        this.orders = orders;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** The order's documents, oldest first; only for those who see the order. */
    @Transactional(readOnly = true)
    public List<Document> ofOrder(Actor actor, long orderId) {
        orders.view(actor, orderId);
        return documents.ofOrder(orderId);
    }

    /**
     * The documents of a customer's latest orders that this user may see (up to 50 orders), newest first, each with
     * its order's number: for the customer page.
     */
    @Transactional(readOnly = true)
    public List<OfOrder> ofCustomer(Actor actor, long customerId) {
        Map<Long, String> numbers = new HashMap<>();
        orders.latestOfCustomer(actor, customerId, 50).forEach(o -> numbers.put(o.id(), o.number()));
        return documents.ofOrders(numbers.keySet(), 50).stream()
                .map(d -> new OfOrder(d, numbers.get(d.orderId())))
                .toList();
    }

    /** A document with the number of the order it belongs to. */
    public record OfOrder(Document document, String orderNumber) {}

    @Transactional(readOnly = true)
    public Document get(Actor actor, long id) {
        Document document = documents.findById(id).orElseThrow(() -> new NotFoundException("document", id));
        orders.view(actor, document.orderId());
        return document;
    }

    /**
     * An invoice's or credit note's e-invoice: CII XML in the XRechnung or EN 16931 profile, written from what the
     * document said when it was issued; the download is in the order's timeline.
     */
    @Transactional
    public byte[] xml(Actor actor, long id, String profile) {
        Document document = get(actor, id);
        if (!EInvoices.applies(document.kind())) {
            throw new dev.kontor.shared.ActionRefusedException(
                    "e-invoice", document.kind().name(), "document.refused.no-e-invoice");
        }
        EInvoices.Profile p;
        try {
            p = profile == null || profile.isBlank()
                    ? EInvoices.Profile.XRECHNUNG
                    : EInvoices.Profile.valueOf(profile.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw dev.kontor.shared.InvalidInputException.of("profile", "validation.unknown-value", profile);
        }
        byte[] xml = eInvoices.xml(document, p, zone);
        writer.record(
                actor, document.orderId(), "document.downloaded-e-invoice", document, List.of(), null, clock.instant());
        return xml;
    }

    /** The PDF's bytes as issued; the download is written into the order's timeline. */
    @Transactional
    public byte[] pdf(Actor actor, long id) {
        Document document = get(actor, id);
        byte[] bytes = documents.pdf(id).orElseThrow(() -> new NotFoundException("document", id));
        writer.record(actor, document.orderId(), "document.downloaded", document, List.of(), null, clock.instant());
        return bytes;
    }

    /**
     * The standing invoices of these orders as one PDF, in the orders' order (those the actor does not see, and orders
     * without an invoice, are left out); each download is in its order's timeline.
     */
    @Transactional
    public byte[] invoicesPdf(Actor actor, List<Long> orderIds) {
        org.apache.pdfbox.multipdf.PDFMergerUtility merger = new org.apache.pdfbox.multipdf.PDFMergerUtility();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        merger.setDestinationStream(out);
        List<dev.kontor.timeline.TimelineEntry> downloads = new java.util.ArrayList<>();
        Instant now = clock.instant();
        for (long orderId : orderIds) {
            if (!canSee(actor, orderId)) {
                continue;
            }
            DocumentRules.standingInvoice(documents.ofOrder(orderId)).ifPresent(invoice -> {
                merger.addSource(new org.apache.pdfbox.io.RandomAccessReadBuffer(
                        documents.pdf(invoice.id()).orElseThrow()));
                downloads.add(writer.entry(actor, orderId, "document.downloaded", invoice, now));
            });
        }
        if (downloads.isEmpty()) {
            throw new NotFoundException("invoices", orderIds.size());
        }
        try {
            merger.mergeDocuments(org.apache.pdfbox.io.IOUtils.createMemoryOnlyStreamCache());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        writer.recordAll(downloads);
        return out.toByteArray();
    }

    /** Documents of a kind ({@code null}: all) issued in [from, to), newest first; for those who issue them. */
    @Transactional(readOnly = true)
    public List<Document> issued(Actor actor, DocumentKind kind, Instant from, Instant to, int limit) {
        permissions.requireAllowed(actor, Permission.DOCUMENT_ISSUE, dev.kontor.access.Situation.NONE);
        return documents.issued(kind, from, to, Math.min(Math.max(limit, 1), 500)).stream()
                .filter(d -> canSee(actor, d.orderId()))
                .toList();
    }

    /** The order's invoice that stands (not void, not fully credited), if it has one: what an invoice mail attaches. */
    @Transactional(readOnly = true)
    public Optional<Document> standingInvoice(long orderId) {
        return DocumentRules.standingInvoice(documents.ofOrder(orderId));
    }

    /** Whether the actor may issue documents for this order (the order page's buttons). */
    public boolean mayIssue(Actor actor, Order order) {
        return orders.verdict(actor, order, Permission.DOCUMENT_ISSUE).isAllowed();
    }

    /** Whether the actor may correct this order's documents (credit notes, voids). */
    public boolean mayCorrect(Actor actor, Order order) {
        return orders.verdict(actor, order, Permission.DOCUMENT_CORRECT).isAllowed();
    }

    /** What an invoice still holds: the amount credit notes have not taken back. */
    @Transactional(readOnly = true)
    public long creditable(Document invoice) {
        return DocumentRules.creditable(invoice, documents.ofOrder(invoice.orderId()));
    }

    private boolean canSee(Actor actor, long orderId) {
        try {
            orders.view(actor, orderId);
            return true;
        } catch (dev.kontor.shared.KontorException e) {
            return false;
        }
    }
}
