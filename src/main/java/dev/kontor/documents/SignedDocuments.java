package dev.kontor.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.Customers;
import dev.kontor.documents.internal.SignedDocumentRepository;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderGuard;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed order document that comes back from a business customer (到单): its scan uploaded (PDF, PNG or JPEG, at
 * most 10 MB, kept in the database), the arrival cancelled with a reason, and, as an {@link OrderGuard}, what that
 * means for approving and voiding ({@link SignedDocumentRules}).
 */
@Service
public class SignedDocuments implements OrderGuard {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final SignedDocumentRepository repository;
    private final DocumentPolicy policy;
    private final Customers customers;
    private final Orders orders;
    private final Permissions permissions;
    private final DocumentWriter writer;
    private final Clock clock;

    SignedDocuments(
            SignedDocumentRepository repository,
            DocumentPolicy policy,
            Customers customers,
            Orders orders,
            Permissions permissions,
            DocumentWriter writer,
            Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.customers = customers;
        this.orders = orders;
        this.permissions = permissions;
        this.writer = writer;
        this.clock = clock;
    }

    /** Whether the order needs its signed document back, and the arrival standing, if any. */
    public record State(boolean required, Optional<SignedDocumentRepository.Arrival> arrival) {}

    @Transactional(readOnly = true)
    public State of(Actor actor, long orderId) {
        Order order = orders.view(actor, orderId);
        return new State(required(order), repository.standing(orderId));
    }

    @Override
    public Optional<Refusal> check(Order order, OrderAction action) {
        if (action != OrderAction.APPROVE && action != OrderAction.CANCEL) {
            return Optional.empty();
        }
        if (action == OrderAction.APPROVE && !required(order)) {
            return Optional.empty(); // the common case: one look at the admins' setting, no look for a scan
        }
        boolean arrived = repository.standing(order.id()).isPresent();
        return SignedDocumentRules.check(action, action == OrderAction.APPROVE, arrived);
    }

    /** Approving can be refused only while the admins ask for signed documents; voiding, always. */
    @Override
    public boolean active(OrderAction action) {
        if (action == OrderAction.CANCEL) {
            return true;
        }
        SignedDocumentRepository.Requirement r = repository.requirement();
        return action == OrderAction.APPROVE && (!r.channels().isBlank() || r.companies());
    }

    private boolean required(Order order) {
        SignedDocumentRepository.Requirement r = repository.requirement();
        if (r.channels().isBlank() && !r.companies()) {
            return false;
        }
        boolean business = r.companies()
                && customers
                        .find(order.content().customerId())
                        .map(c -> c.kind() == CustomerKind.COMPANY)
                        .orElse(false);
        return SignedDocumentRules.required(order.channel(), business, r.channels(), r.companies());
    }

    /** The signed scan arrived: kept, said in the order's timeline; the order may now be approved. */
    @Transactional
    public void arrive(Actor actor, long orderId, String fileName, byte[] bytes) {
        Order order = orders.view(actor, orderId);
        permissions.requireAllowed(actor, Permission.DOCUMENT_ISSUE, orders.situationOf(order));
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "validation.required");
        }
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "validation.signed.too-big", MAX_BYTES / (1024 * 1024));
        }
        String type = FileKinds.of(bytes);
        if (type == null) {
            throw InvalidInputException.of("file", "validation.signed.type");
        }
        if (repository.standing(orderId).isPresent()) {
            throw new ActionRefusedException("arrive", "ARRIVED", "document.refused.signed-arrived-already");
        }
        String name = fileName == null || fileName.isBlank()
                ? "signed"
                : fileName.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        name = name.length() > 200 ? name.substring(0, 200) : name;
        Instant now = clock.instant();
        repository.insert(orderId, name, type, bytes, actor.displayName(), now);
        record(actor, orderId, "document.signed-arrived", null, Map.of("file", name), now);
    }

    /** Takes an arrival back (the wrong scan, a customer who withdrew): needed before the order can be voided. */
    @Transactional
    public void cancel(Actor actor, long orderId, String reason) {
        Order order = orders.view(actor, orderId);
        permissions.requireAllowed(actor, Permission.DOCUMENT_ISSUE, orders.situationOf(order));
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "validation.reason.required");
        }
        Instant now = clock.instant();
        if (repository.cancel(orderId, actor.displayName(), reason.strip(), now) == 0) {
            throw new ActionRefusedException("cancel-arrival", "NONE", "document.refused.signed-none");
        }
        record(actor, orderId, "document.signed-cancelled", reason.strip(), Map.of(), now);
    }

    /** The scan, for colleagues who see the order. */
    @Transactional(readOnly = true)
    public Optional<Scan> scan(Actor actor, long orderId) {
        orders.view(actor, orderId);
        return repository
                .standing(orderId)
                .flatMap(a -> repository.bytes(a.id()).map(b -> new Scan(a.fileName(), a.contentType(), b)));
    }

    /** A scan's bytes with its name and type. */
    public record Scan(String fileName, String contentType, byte[] bytes) {}

    /** Admin → Documents: which orders need it. */
    @Transactional
    public void require(Actor actor, String channels, boolean companies) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        String cleaned = String.join(
                ",",
                java.util.Arrays.stream(channels == null ? new String[0] : channels.split(","))
                        .map(String::strip)
                        .filter(c -> !c.isEmpty())
                        .toList());
        repository.setRequirement(cleaned, companies, policy.invoiceOn().name(), actor.displayName(), clock.instant());
    }

    @Transactional(readOnly = true)
    public SignedDocumentRepository.Requirement requirement() {
        return repository.requirement();
    }

    private void record(
            Actor actor, long orderId, String action, String reason, Map<String, String> details, Instant now) {
        writer.recordOrder(actor, orderId, action, reason, details, now);
    }
}
