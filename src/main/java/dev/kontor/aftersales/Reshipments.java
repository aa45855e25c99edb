package dev.kontor.aftersales;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderContent;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.OrderRevisions;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending goods again (a lost parcel): a new order {@code RE<number>} linked to the one it replaces, for the chosen
 * lines, at no charge, approved at once (its stock reserved) and owing nothing.
 */
@Service
public class Reshipments {

    private final OrderRevisions revisions;
    private final Clock clock;

    Reshipments(OrderRevisions revisions, Clock clock) {
        this.revisions = revisions;
        this.clock = clock;
    }

    /** Re-ships the chosen lines (all when none are named); answers the new order. */
    @Transactional
    public Order reship(Actor actor, long id, List<Long> lineIds, String reason) {
        String why = Reasons.require(reason);
        Order parent = revisions.lockForService(actor, id, null);
        LifecycleStatus state = parent.lifecycle();
        if (state == LifecycleStatus.CANCELLED || state == LifecycleStatus.DELETED || state == LifecycleStatus.DRAFT) {
            throw new ActionRefusedException("reship", state.name(), "order.refused.reship-state", state);
        }
        List<OrderLine> chosen = parent.lines().stream()
                .filter(l -> lineIds == null || lineIds.isEmpty() || lineIds.contains(l.id()))
                .toList();
        if (chosen.isEmpty() || lineIds != null && chosen.size() != new HashSet<>(lineIds).size()) {
            throw InvalidInputException.of("lines", "validation.reship.lines");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (OrderLine l : chosen) {
            lines.add(OrderLine.free(lines.size() + 1, l.sku(), l.name(), l.attributes(), l.quantity(), l.taxRate()));
        }
        OrderContent content = parent.content().toBuilder()
                .lines(lines)
                .shipping(0)
                .discount(0)
                .paymentTerms(PaymentTerms.DUE_ON_RECEIPT)
                .build();
        Instant now = clock.instant();
        String base = "RE" + parent.number();
        Order child = revisions.derive(
                actor,
                parent,
                content,
                "RESHIP",
                n -> n == 1 ? base : base + "-" + n,
                now,
                now,
                "order.reship-created",
                why);
        Order approved = revisions.establish(actor, child, true, parent.number());
        revisions.remark(actor, parent, "order.reshipped", why, Map.of("reship", child.number()));
        return approved;
    }
}
