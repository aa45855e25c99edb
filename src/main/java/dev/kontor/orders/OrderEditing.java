package dev.kontor.orders;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Verdict;
import dev.kontor.orders.internal.OrderInputJson;
import dev.kontor.shared.Address;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing what was written into an order: freely while it is a draft or awaiting review, as an amendment once
 * approved (with a supervisor's approval where the policy says so), never once goods have shipped or it is closed.
 * A discount beyond the limit needs a supervisor too. The stock follows the new lines in the same transaction.
 */
@Service
public class OrderEditing {

    private final OrderInputs inputs;
    private final OrderChanges changes;
    private final OrderStock stock;
    private final Permissions permissions;
    private final OrderInputJson inputJson;

    OrderEditing(
            OrderInputs inputs,
            OrderChanges changes,
            OrderStock stock,
            Permissions permissions,
            OrderInputJson inputJson) {
        this.inputs = inputs;
        this.changes = changes;
        this.stock = stock;
        this.permissions = permissions;
        this.inputJson = inputJson;
    }

    /** Replaces the content of a draft or new order, or amends an approved one; asks for what needs approval. */
    @Transactional
    public ActionOutcome edit(Actor actor, long id, Integer expectedVersion, OrderInput input) {
        Order order = changes.lockAt(actor, id, expectedVersion);
        OrderInput kept = input.customFields() == null
                ? input.withCustomFields(order.content().customFields())
                : input;
        OrderInput sameChannel = inputs.checked(kept.withChannel(order.channel()), order.currency());
        int discount = Order.discountBasisPoints(OrderInputs.preview(sameChannel));
        Verdict verdict = permissions.require(actor, Permission.ORDER_EDIT, OrderChanges.situation(order, discount));
        if (!order.isEditable()) {
            order.edit(order.content()); // throws the lifecycle's refusal
        }
        if (verdict instanceof Verdict.NeedsApproval needed) {
            return new ActionOutcome(
                    order,
                    changes.ask(
                            actor,
                            order,
                            "order.edit",
                            Map.of("input", inputJson.write(sameChannel)),
                            order.version(),
                            needed.why(),
                            null));
        }
        return ActionOutcome.done(apply(actor, order, sameChannel, Map.of()));
    }

    /**
     * Changes where the order goes (the buyer asked, a marketplace's later file says so) while nothing has shipped;
     * the timeline shows the address before and after. Refused for an order that shipped or is closed.
     */
    @Transactional
    public Order changeShippingAddress(Actor actor, long id, Address address) {
        Order order = changes.lockAt(actor, id, null);
        permissions.requireAllowed(
                actor,
                Permission.ORDER_EDIT,
                OrderChanges.situation(order, Order.discountBasisPoints(order.content())));
        if (address == null) {
            throw InvalidInputException.of("shippingAddress", "validation.required");
        }
        List<FieldProblem> problems = address.problems("shippingAddress");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Order before = order.copy();
        order.edit(order.content().toBuilder().shippingAddress(address).build());
        return changes.save(actor, before, order, "order.address-changed", null, Map.of());
    }

    /** Carries out an amendment a supervisor approved, as it was asked, on the locked order. */
    void applyApproved(Actor requester, Order order, String input, Map<String, String> details) {
        apply(requester, order, inputJson.read(input), details);
    }

    private Order apply(Actor actor, Order order, OrderInput input, Map<String, String> details) {
        Order before = order.copy();
        order.edit(inputs.contentOf(actor, input));
        if (order.lifecycle() != LifecycleStatus.DRAFT) {
            OrderInputs.requireReadyForReview(order.content());
        }
        Order saved = changes.save(actor, before, order, "order.edited", null, details);
        stock.sync(actor, saved);
        return saved;
    }
}
