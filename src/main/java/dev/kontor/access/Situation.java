package dev.kontor.access;

import java.util.Set;

/**
 * What the access policy looks at besides the user: the facts of the thing acted on. Modules describe
 * their subject in these neutral terms, so the policy needs no module's types.
 *
 * @param responsibleId     the user responsible for the order, if any
 * @param observerIds       users following the order
 * @param state             the order's lifecycle state, e.g. {@code APPROVED}
 * @param moneyReceived     whether money was ever received for it (Alibaba's "received"/"paid")
 * @param goodsShipped      whether anything was shipped
 * @param discountBasisPoints the discount the change gives, in basis points of the list value (1000 = 10 %)
 * @param deskReceived      whether the order desk marked the order received (已接收, seed 003)
 */
public record Situation(
        Long responsibleId,
        Set<Long> observerIds,
        String state,
        boolean moneyReceived,
        boolean goodsShipped,
        int discountBasisPoints,
        boolean deskReceived) {

    public Situation {
        observerIds = observerIds == null ? Set.of() : Set.copyOf(observerIds);
    }

    /** A situation of something no order desk receives. */
    public Situation(
            Long responsibleId,
            Set<Long> observerIds,
            String state,
            boolean moneyReceived,
            boolean goodsShipped,
            int discountBasisPoints) {
        this(responsibleId, observerIds, state, moneyReceived, goodsShipped, discountBasisPoints, false);
    }

    /** For actions on nothing in particular (managing users, opening a list). */
    public static final Situation NONE = new Situation(null, Set.of(), null, false, false, 0);

    public boolean isResponsible(Actor actor) {
        return responsibleId != null && responsibleId.equals(actor.userId());
    }
}
