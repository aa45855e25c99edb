package dev.kontor.workbench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.PaymentStatus;

/**
 * What an order list shows. Empty sets mean "any". Deleted drafts are never listed.
 *
 * @param query      an order number, external id, customer name, e-mail or phone
 * @param placedFrom first day (inclusive) in the shop's time zone
 * @param placedTo   last day (inclusive) in the shop's time zone
 * @param visibleToUserId when set, only orders this user is responsible for or observes
 * @param overdueOn  when set, only orders whose payment was due before this day and is still owed
 * @param matchedIds orders other modules found for the query (a tracking number), matched besides the text
 * @param flaggedOnly only orders a blacklist mark caught
 * @param paymentMethods payment methods ({@code ALIPAY}, {@code BANK_TRANSFER}); empty means any
 * @param approvedFrom approved at or after this moment in the shop's time zone
 * @param approvedTo approved before this moment in the shop's time zone
 * @param customFields custom fields and the value each must have, in their stored form ({@code {"hall": "4B"}})
 * @param marks      other modules' filters ({@link OrderMark}) by key, e.g. {@code unconfirmed}
 */
public record OrderFilter(
        String query,
        Set<LifecycleStatus> lifecycle,
        Set<PaymentStatus> payment,
        Set<FulfilmentStatus> fulfilment,
        Set<String> channels,
        LocalDate placedFrom,
        LocalDate placedTo,
        Long customerId,
        Long visibleToUserId,
        LocalDate overdueOn,
        Set<Long> matchedIds,
        boolean flaggedOnly,
        Set<String> paymentMethods,
        LocalDateTime approvedFrom,
        LocalDateTime approvedTo,
        Map<String, Object> customFields,
        Set<String> marks) {

    /** A filter without marks ({@link OrderMark}). */
    public OrderFilter(
            String query,
            Set<LifecycleStatus> lifecycle,
            Set<PaymentStatus> payment,
            Set<FulfilmentStatus> fulfilment,
            Set<String> channels,
            LocalDate placedFrom,
            LocalDate placedTo,
            Long customerId,
            Long visibleToUserId,
            LocalDate overdueOn,
            Set<Long> matchedIds,
            boolean flaggedOnly,
            Set<String> paymentMethods,
            LocalDateTime approvedFrom,
            LocalDateTime approvedTo,
            Map<String, Object> customFields) {
        this(
                query,
                lifecycle,
                payment,
                fulfilment,
                channels,
                placedFrom,
                placedTo,
                customerId,
                visibleToUserId,
                overdueOn,
                matchedIds,
                flaggedOnly,
                paymentMethods,
                approvedFrom,
                approvedTo,
                customFields,
                Set.of());
    }

    public OrderFilter(
            String query,
            Set<LifecycleStatus> lifecycle,
            Set<PaymentStatus> payment,
            Set<FulfilmentStatus> fulfilment,
            Set<String> channels,
            LocalDate placedFrom,
            LocalDate placedTo,
            Long customerId) {
        this(
                query,
                lifecycle,
                payment,
                fulfilment,
                channels,
                placedFrom,
                placedTo,
                customerId,
                null,
                null,
                Set.of(),
                false,
                Set.of(),
                null,
                null,
                Map.of());
    }

    /** Only the orders this user is responsible for or observes. */
    public OrderFilter visibleTo(Long userId) {
        return narrowed(
                userId == null ? -1L : userId,
                overdueOn,
                matchedIds,
                flaggedOnly,
                paymentMethods,
                approvedFrom,
                approvedTo);
    }

    /** Only what is overdue on this day. */
    public OrderFilter overdueOn(LocalDate today) {
        return narrowed(visibleToUserId, today, matchedIds, flaggedOnly, paymentMethods, approvedFrom, approvedTo);
    }

    /** Also the orders other modules found for the query. */
    public OrderFilter alsoMatching(Set<Long> ids) {
        return narrowed(visibleToUserId, overdueOn, ids, flaggedOnly, paymentMethods, approvedFrom, approvedTo);
    }

    /** Only the orders a blacklist mark caught. */
    public OrderFilter flagged() {
        return narrowed(visibleToUserId, overdueOn, matchedIds, true, paymentMethods, approvedFrom, approvedTo);
    }

    public OrderFilter {
        lifecycle = lifecycle == null ? Set.of() : Set.copyOf(lifecycle);
        payment = payment == null ? Set.of() : Set.copyOf(payment);
        fulfilment = fulfilment == null ? Set.of() : Set.copyOf(fulfilment);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        matchedIds = matchedIds == null ? Set.of() : Set.copyOf(matchedIds);
        paymentMethods = paymentMethods == null ? Set.of() : Set.copyOf(paymentMethods);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        marks = marks == null ? Set.of() : Set.copyOf(marks);
    }

    /**
     * Only orders paid (or to be paid) by one of these methods ({@code ALIPAY}), and approved in this window (the
     * shop's local time, from inclusive, to exclusive; either may be open): seed 001's daily reconciliation lists the
     * orders approved between 00:00 and 13:00.
     */
    public OrderFilter paidByAndApproved(Set<String> methods, LocalDateTime from, LocalDateTime to) {
        return narrowed(visibleToUserId, overdueOn, matchedIds, flaggedOnly, methods, from, to);
    }

    /** The same filter as the user wrote it, narrowed by what Kontor adds (visibility, task views, seed 001's). */
    private OrderFilter narrowed(
            Long visibleTo,
            LocalDate overdue,
            Set<Long> matched,
            boolean flaggedOnlyNow,
            Set<String> methods,
            LocalDateTime from,
            LocalDateTime to) {
        return new OrderFilter(
                query,
                lifecycle,
                payment,
                fulfilment,
                channels,
                placedFrom,
                placedTo,
                customerId,
                visibleTo,
                overdue,
                matched,
                flaggedOnlyNow,
                methods,
                from,
                to,
                customFields,
                marks);
    }

    /** Only orders whose custom fields have these values (their stored form, from {@code CustomFields.filter}). */
    public OrderFilter withCustomFields(Map<String, Object> values) {
        return new OrderFilter(
                query,
                lifecycle,
                payment,
                fulfilment,
                channels,
                placedFrom,
                placedTo,
                customerId,
                visibleToUserId,
                overdueOn,
                matchedIds,
                flaggedOnly,
                paymentMethods,
                approvedFrom,
                approvedTo,
                values,
                marks);
    }

    /** Only orders every one of these marks ({@link OrderMark#key()}) holds for. */
    public OrderFilter withMarks(Set<String> keys) {
        return new OrderFilter(
                query,
                lifecycle,
                payment,
                fulfilment,
                channels,
                placedFrom,
                placedTo,
                customerId,
                visibleToUserId,
                overdueOn,
                matchedIds,
                flaggedOnly,
                paymentMethods,
                approvedFrom,
                approvedTo,
                customFields,
                keys);
    }

    /** The "unpaid" task view: live orders (awaiting review, approved, on hold) with money still to come. */
    public static OrderFilter unpaid() {
        return new OrderFilter(
                null,
                Set.of(LifecycleStatus.NEW, LifecycleStatus.APPROVED, LifecycleStatus.ON_HOLD),
                Set.of(PaymentStatus.UNPAID, PaymentStatus.PARTIALLY_PAID, PaymentStatus.PENDING),
                Set.of(),
                Set.of(),
                null,
                null,
                null);
    }

    public static OrderFilter all() {
        return new OrderFilter(null, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null);
    }
}
