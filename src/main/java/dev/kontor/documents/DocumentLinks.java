package dev.kontor.documents;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.documents.internal.DocumentLinkRepository;
import dev.kontor.documents.internal.DocumentRepository;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
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
    private final Clock clock;

    DocumentLinks(
            DocumentLinkRepository links,
            DocumentRepository documents,
            DocumentWriter writer,
            DocumentSettings settings,
            Orders orders,
            Permissions permissions,
            Clock clock) {
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

    /** What a link opens: the document and its PDF, or why not. */
    public sealed interface Opened {
        /** The link works. */
        record Found(Document document, byte[] pdf) implements Opened {}

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

    /** The customer opens a link: the PDF as issued, the download in the order's timeline. */
    @Transactional
    public Opened open(String token) {
        if (token == null || token.length() > 100) {
            return new Opened.Unknown();
        }
        var link = links.find(DocumentWriter.sha256(token));
        if (link.isEmpty()) {
            return new Opened.Unknown();
        }
        Document document = documents.findById(link.get().documentId()).orElseThrow();
        Instant now = clock.instant();
        if (link.get().revokedAt() != null || !now.isBefore(link.get().expiresAt())) {
            return new Opened.Gone(document.language());
        }
        byte[] pdf = documents.pdf(document.id()).orElseThrow();
        writer.record(
                Actor.system("customer"),
                document.orderId(),
                "document.downloaded-by-customer",
                document,
                List.of(),
                null,
                now);
        return new Opened.Found(document, pdf);
    }
}
