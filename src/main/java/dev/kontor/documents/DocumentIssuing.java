package dev.kontor.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.customers.Customer;
import dev.kontor.customers.Customers;
import dev.kontor.documents.internal.DocumentRepository;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.timeline.Change;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing documents, each command one transaction: from an order (a quote, a confirmation, a pro-forma, an invoice,
 * a delivery note), a credit note from an invoice, and voiding. One command per order at a time (an advisory lock on
 * the order's documents), so two colleagues never invoice the same order twice.
 */
@Service
public class DocumentIssuing {

    private final DocumentRepository documents;
    private final DocumentWriter writer;
    private final DocumentSettings settings;
    private final DocumentPolicy policy;
    private final Orders orders;
    private final Customers customers;
    private final Permissions permissions;
    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentIssuing(
            DocumentRepository documents,
            DocumentWriter writer,
            DocumentSettings settings,
            DocumentPolicy policy,
            Orders orders,
            Customers customers,
            Permissions permissions,
            JdbcClient jdbc,
            Clock clock) {
        this.documents = documents;
        this.writer = writer;
        this.settings = settings;
        this.policy = policy;
        this.orders = orders;
        this.customers = customers;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Issues a document of {@code kind} for the order as it is now, in {@code language} ({@code null}: the
     * customer's).
     */
    @Transactional
    public Document issue(Actor actor, long orderId, DocumentKind kind, String language) {
        Order order = orders.view(actor, orderId);
        permissions.requireAllowed(actor, Permission.DOCUMENT_ISSUE, orders.situationOf(order));
        lockOrder(orderId);
        List<Document> existing = documents.ofOrder(orderId);
        DocumentRules.checkIssue(
                kind,
                new DocumentRules.OrderState(
                        order.lifecycle().name(),
                        !order.lines().isEmpty(),
                        order.content().billingAddress() != null
                                || order.content().shippingAddress() != null,
                        order.paid()),
                existing);
        Instant now = clock.instant();
        DocumentContent content = DocumentContents.ofOrder(
                order, kind, writer.seller(), writer.today(now), settings.paymentDays(), orders.dueDate(order));
        return writer.write(actor, orderId, kind, languageFor(order, language), content, null, now);
    }

    /**
     * The order's confirmation for the mail that confirms a payment through its link: the one issued before, or a new
     * one, in a transaction of its own, so that a document that cannot be issued leaves the mail to go without it.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public Document confirmation(long orderId, String language) {
        lockOrder(orderId);
        return documents.ofOrder(orderId).stream()
                .filter(d -> d.kind() == DocumentKind.ORDER_CONFIRMATION && !d.isVoid())
                .reduce((first, second) -> second)
                .orElseGet(
                        () -> issue(Actor.system("payment link"), orderId, DocumentKind.ORDER_CONFIRMATION, language));
    }

    /** The order's standing invoice, or a new one: what "print invoices" makes sure of for each ticked order. */
    @Transactional
    public Document invoice(Actor actor, long orderId) {
        lockOrder(orderId);
        Optional<Document> standing = DocumentRules.standingInvoice(documents.ofOrder(orderId));
        if (standing.isPresent()) {
            orders.view(actor, orderId);
            return standing.get();
        }
        return issue(actor, orderId, DocumentKind.INVOICE, null);
    }

    /** Whether the admins' setting invoices orders automatically at this moment. */
    public boolean invoicesOn(DocumentSettings.InvoiceOn moment) {
        return moment != DocumentSettings.InvoiceOn.NEVER && policy.invoiceOn() == moment;
    }

    /**
     * The order's invoice, issued by Kontor itself when {@code kontor.documents.invoice-on} names this moment and the
     * order has no invoice standing (a repeated delivery of the same event issues nothing more). Answers the invoice
     * issued, if one was.
     */
    @Transactional
    public Optional<Document> invoiceAutomatically(long orderId, DocumentSettings.InvoiceOn moment) {
        if (moment == DocumentSettings.InvoiceOn.NEVER || policy.invoiceOn() != moment) {
            return Optional.empty();
        }
        Actor kontor = Actor.system("invoice on " + moment.name().toLowerCase(Locale.ROOT));
        lockOrder(orderId);
        List<Document> existing = documents.ofOrder(orderId);
        if (DocumentRules.standingInvoice(existing).isPresent()) {
            return Optional.empty();
        }
        Order order = orders.get(orderId);
        try {
            DocumentRules.checkIssue(DocumentKind.INVOICE, stateOf(order), existing);
        } catch (KontorException refused) {
            // said in the order's timeline instead of failing the event again and again
            writer.recordNotIssued(kontor, orderId, DocumentKind.INVOICE, refused, clock.instant());
            return Optional.empty();
        }
        return Optional.of(issue(kontor, orderId, DocumentKind.INVOICE, null));
    }

    /**
     * A credit note for an invoice: {@code units} names order line ids and how many units of each it takes back;
     * empty takes back everything the invoice still holds.
     */
    @Transactional
    public Document credit(Actor actor, long invoiceId, Map<Long, Integer> units, String reason) {
        Document invoice =
                documents.findById(invoiceId).orElseThrow(() -> new NotFoundException("document", invoiceId));
        Order order = orders.view(actor, invoice.orderId());
        permissions.requireAllowed(actor, Permission.DOCUMENT_CORRECT, orders.situationOf(order));
        lockOrder(invoice.orderId());
        List<Document> all = documents.ofOrder(invoice.orderId());
        invoice = documents.lock(invoiceId).orElseThrow();
        Map<Long, Integer> wanted = new LinkedHashMap<>(units);
        wanted.values().removeIf(q -> q != null && q == 0);
        DocumentRules.checkCredit(invoice, all, wanted);
        Map<Long, Integer> open = DocumentRules.creditableUnits(invoice, all);
        Map<Long, Integer> taking = wanted.isEmpty() ? open : wanted;
        boolean everythingLeft = open.entrySet().stream()
                .allMatch(e -> taking.getOrDefault(e.getKey(), 0).equals(e.getValue()));
        DocumentContent content = DocumentContents.credit(invoice, all, taking, everythingLeft);
        Instant now = clock.instant();
        Document credit = writer.write(
                actor, invoice.orderId(), DocumentKind.CREDIT_NOTE, invoice.language(), content, invoice.id(), now);
        if (reason != null && !reason.isBlank()) {
            writer.record(actor, invoice.orderId(), "document.credit-reason", credit, List.of(), reason.strip(), now);
        }
        return credit;
    }

    /** Voids a document that was issued by mistake; a paid or credited invoice is corrected by a credit note. */
    @Transactional
    public Document voidDocument(Actor actor, long documentId, String reason) {
        Document document =
                documents.findById(documentId).orElseThrow(() -> new NotFoundException("document", documentId));
        Order order = orders.view(actor, document.orderId());
        permissions.requireAllowed(actor, Permission.DOCUMENT_CORRECT, orders.situationOf(order));
        lockOrder(document.orderId());
        document = documents.lock(documentId).orElseThrow();
        DocumentRules.checkVoid(document, documents.ofOrder(document.orderId()), order.paid());
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "validation.required");
        }
        Instant now = clock.instant();
        documents.markVoid(documentId, actor.displayName(), reason.strip(), now);
        writer.record(
                actor,
                document.orderId(),
                "document.voided",
                document,
                List.of(Change.of("documentState", "ISSUED", "VOID")),
                reason.strip(),
                now);
        return documents.findById(documentId).orElseThrow();
    }

    private static DocumentRules.OrderState stateOf(Order order) {
        return new DocumentRules.OrderState(
                order.lifecycle().name(),
                !order.lines().isEmpty(),
                order.content().billingAddress() != null || order.content().shippingAddress() != null,
                order.paid());
    }

    private void lockOrder(long orderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "kontor-documents-order:" + orderId)
                .query((rs, n) -> 1)
                .list();
    }

    private String languageFor(Order order, String wanted) {
        if (wanted != null && !wanted.isBlank()) {
            String language = wanted.strip().replace('-', '_');
            if (!DocumentWriter.LANGUAGES.contains(language)) {
                throw InvalidInputException.of(
                        "language", "validation.language", String.join(", ", DocumentWriter.LANGUAGES));
            }
            return language;
        }
        return customers
                .find(order.content().customerId())
                .map(Customer::language)
                .map(DocumentWriter::language)
                .orElse("en");
    }
}
