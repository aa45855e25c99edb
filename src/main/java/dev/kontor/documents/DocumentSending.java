package dev.kontor.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.documents.internal.DocumentRepository;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.ShopSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends an issued document to the customer: a mail in the document's language with its PDF attached and a link to
 * download it again, queued in this transaction (sent once it commits, retried while the mail server is down).
 */
@Service
public class DocumentSending {

    private final DocumentRepository documents;
    private final DocumentLinks links;
    private final DocumentWriter writer;
    private final Mail mail;
    private final Orders orders;
    private final Permissions permissions;
    private final Clock clock;
    private final String shopName;

    DocumentSending(
            DocumentRepository documents,
            DocumentLinks links,
            DocumentWriter writer,
            Mail mail,
            Orders orders,
            Permissions permissions,
            Clock clock,
            ShopSettings shop) {
        this.documents = documents;
        this.links = links;
        this.writer = writer;
        this.mail = mail;
        this.orders = orders;
        this.permissions = permissions;
        this.clock = clock;
        this.shopName = shop.name();
    }

    /** Queues the mail; answers the address it goes to. */
    @Transactional
    public String send(Actor actor, long documentId) {
        Document document =
                documents.findById(documentId).orElseThrow(() -> new NotFoundException("document", documentId));
        Order order = orders.view(actor, document.orderId());
        permissions.requireAllowed(actor, Permission.DOCUMENT_ISSUE, orders.situationOf(order));
        if (document.isVoid()) {
            throw new ActionRefusedException("send", "VOID", "document.refused.void", document.number());
        }
        String to = document.content().customerEmail() != null
                ? document.content().customerEmail()
                : order.content().email();
        if (to == null || to.isBlank()) {
            throw InvalidInputException.of("email", "validation.document.no-email");
        }
        DocumentLinks.Link link = links.create(actor, documentId);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("document", document);
        model.put("kind", document.kind());
        model.put("c", document.content());
        model.put("shop", shopName);
        model.put("url", mail.publicUrl() + "/d/" + link.token());
        model.put("expires", link.expiresAt());
        mail.queue(new MailMessage(
                "document",
                Orders.SUBJECT,
                document.orderId(),
                to,
                DocumentWriter.locale(document.language()),
                "mail.document.subject",
                new Object[] {shopName, document.number()},
                model,
                document.id()));
        Instant now = clock.instant();
        writer.record(actor, document.orderId(), "document.sent", document, List.of(), null, now);
        return to;
    }
}
