package dev.kontor.documents;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.documents.internal.DocumentLinkRepository;
import dev.kontor.documents.internal.DocumentRepository;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links that let a customer download a document again at any time, like the payment link: unguessable (256
 * random bits, only their SHA-256 kept), expiring ({@code kontor.documents.link-days}) and revocable.
 */
@Service
public class DocumentLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DocumentLinkRepository links;
    private final DocumentRepository documents;
    private final DocumentWriter writer;
    private final DocumentSettings settings;
    private final Orders orders;
    private final Permissions permissions;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    DocumentLinks(
            DocumentLinkRepository links,
            DocumentRepository documents,
            DocumentWriter writer,
            DocumentSettings settings,
            Orders orders,
            Permissions permissions,
            OrderLifecycle lifecycle,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.links = links;
        this.documents = documents;
        this.writer = writer;
        this.settings = settings;
        this.orders = orders;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** A new link and until when it works. */
    public record Link(String token, Instant expiresAt) {}

    /** What a link opens: the document, or why not. */
    public sealed interface Opened {
        /** The link works. */
        record Found(Document document) implements Opened {}

        /** No such link (or never was). */
        record Unknown() implements Opened {}

        /** The link expired or was revoked. */
        record Gone(String language) implements Opened {}
    }

    @Transactional
    public Link create(Actor actor, long documentId) {
        Document document = documents
                .findById(documentId)
                .orElseThrow(() -> new dev.kontor.shared.NotFoundException("document", documentId));
        Order order = orders.view(actor, document.orderId());
        permissions.requireAllowed(actor, Permission.DOCUMENT_ISSUE, orders.situationOf(order));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(settings.linkDays()));
        links.insert(DocumentWriter.sha256(token), documentId, actor.displayName(), now, expires);
        writer.record(actor, document.orderId(), "document.link-created", document, List.of(), null, now);
        return new Link(token, expires);
    }

    /** Revokes the document's links; answers how many were open. */
    @Transactional
    public int revoke(Actor actor, long documentId) {
        Document document = documents
                .findById(documentId)
                .orElseThrow(() -> new dev.kontor.shared.NotFoundException("document", documentId));
        Order order = orders.view(actor, document.orderId());
        permissions.requireAllowed(actor, Permission.DOCUMENT_ISSUE, orders.situationOf(order));
        Instant now = clock.instant();
        int revoked = links.revokeAll(documentId, now);
        if (revoked > 0) {
            writer.record(actor, document.orderId(), "document.link-revoked", document, List.of(), null, now);
        }
        return revoked;
    }

    /** The customer opens a link: the document it stands for, or why it does not work. Writes nothing. */
    @Transactional(readOnly = true)
    public Opened open(String token) {
        if (token == null || token.length() > 100) {
            return new Opened.Unknown();
        }
        var link = links.find(DocumentWriter.sha256(token));
        if (link.isEmpty()) {
            return new Opened.Unknown();
        }
        Document document = documents.findById(link.get().documentId()).orElseThrow();
        if (link.get().revokedAt() != null
                || !clock.instant().isBefore(link.get().expiresAt())) {
            return new Opened.Gone(document.language());
        }
        return new Opened.Found(document);
    }

    /** The PDF as issued, for a working link; the download is in the order's timeline. */
    @Transactional
    public Optional<byte[]> pdf(String token) {
        if (!(open(token) instanceof Opened.Found found)) {
            return Optional.empty();
        }
        Document document = found.document();
        writer.record(
                Actor.system("customer"),
                document.orderId(),
                "document.downloaded-by-customer",
                document,
                List.of(),
                null,
                clock.instant());
        return documents.pdf(document.id());
    }

    /**
     * The customer accepts a quote through its link: once, while the link works and the quote is not void. A draft
     * it was issued for is submitted in the same transaction (seed 004: the accepted quote becomes the order); if it
     * cannot be, nothing is written and the customer is told to ask.
     */
    @Transactional
    public Document accept(String token) {
        if (!(open(token) instanceof Opened.Found found)) {
            throw new dev.kontor.shared.NotFoundException("document-link", "?");
        }
        Document quote = documents.lock(found.document().id()).orElseThrow();
        if (quote.kind() != DocumentKind.QUOTE) {
            throw new ActionRefusedException("accept", quote.kind().name(), "document.refused.not-a-quote");
        }
        if (quote.isVoid()) {
            throw new ActionRefusedException("accept", "VOID", "document.refused.void", quote.number());
        }
        if (quote.acceptedAt() != null) {
            return quote;
        }
        Instant now = clock.instant();
        documents.markAccepted(quote.id(), now);
        Actor customer = Actor.system("customer");
        writer.record(customer, quote.orderId(), "document.accepted", quote, List.of(), null, now);
        Order order = orders.get(quote.orderId());
        if (order.lifecycle() == LifecycleStatus.DRAFT) {
            lifecycle.act(customer, order.id(), null, OrderAction.SUBMIT, null);
        }
        return documents.findById(quote.id()).orElseThrow();
    }
}
