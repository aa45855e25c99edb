package dev.kontor.orders;

import java.util.List;
import java.util.Set;

import dev.kontor.shared.Address;

/**
 * What a person writes into an order and may change while it is a draft or new: who buys, where it goes,
 * what and at what price.
 *
 * @param pricesIncludeTax whether unit prices are gross (marketplaces, shops for consumers) or net
 * @param shipping         shipping charged, minor units
 * @param discount         discount on the whole order, minor units
 * @param responsibleId    the user who looks after the order
 * @param observerIds      users who may follow the order without being responsible
 * @param paymentTerms     when the customer must pay (due on receipt when absent)
 */
public record OrderContent(
        long customerId,
        String customerName,
        String email,
        String phone,
        Address billingAddress,
        Address shippingAddress,
        String currency,
        boolean pricesIncludeTax,
        List<OrderLine> lines,
        long shipping,
        long discount,
        String paymentMethod,
        Set<String> tags,
        Long responsibleId,
        Set<Long> observerIds,
        PaymentTerms paymentTerms) {

    public OrderContent {
        paymentTerms = paymentTerms == null ? PaymentTerms.DUE_ON_RECEIPT : paymentTerms;
        lines = List.copyOf(lines);
        tags = tags == null ? Set.of() : Set.copyOf(new java.util.TreeSet<>(tags));
        observerIds = observerIds == null ? Set.of() : Set.copyOf(observerIds);
    }

    /** The same content with other lines. */
    public OrderContent withLines(List<OrderLine> newLines) {
        return new OrderContent(
                customerId,
                customerName,
                email,
                phone,
                billingAddress,
                shippingAddress,
                currency,
                pricesIncludeTax,
                newLines,
                shipping,
                discount,
                paymentMethod,
                tags,
                responsibleId,
                observerIds,
                paymentTerms);
    }

    /** The same content with other tags. */
    public OrderContent withTags(Set<String> newTags) {
        return new OrderContent(
                customerId,
                customerName,
                email,
                phone,
                billingAddress,
                shippingAddress,
                currency,
                pricesIncludeTax,
                lines,
                shipping,
                discount,
                paymentMethod,
                newTags,
                responsibleId,
                observerIds,
                paymentTerms);
    }

    /** The same content with someone else (or nobody) responsible. */
    public OrderContent withResponsible(Long newResponsibleId) {
        return new OrderContent(
                customerId,
                customerName,
                email,
                phone,
                billingAddress,
                shippingAddress,
                currency,
                pricesIncludeTax,
                lines,
                shipping,
                discount,
                paymentMethod,
                tags,
                newResponsibleId,
                observerIds,
                paymentTerms);
    }

    /** The same content with another order discount. */
    public OrderContent withDiscount(long newDiscount) {
        return new OrderContent(
                customerId,
                customerName,
                email,
                phone,
                billingAddress,
                shippingAddress,
                currency,
                pricesIncludeTax,
                lines,
                shipping,
                newDiscount,
                paymentMethod,
                tags,
                responsibleId,
                observerIds,
                paymentTerms);
    }

    public Totals totals() {
        return Totals.of(lines, shipping, discount, pricesIncludeTax);
    }
}
