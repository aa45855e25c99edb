package dev.kontor.orders;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
 * @param customFields     the shop's own fields, checked, in their stored form (see the fields module)
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
        PaymentTerms paymentTerms,
        Map<String, Object> customFields) {

    public OrderContent {
        paymentTerms = paymentTerms == null ? PaymentTerms.DUE_ON_RECEIPT : paymentTerms;
        customFields = customFields == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(customFields));
        lines = List.copyOf(lines);
        tags = tags == null ? Set.of() : Set.copyOf(new TreeSet<>(tags));
        observerIds = observerIds == null ? Set.of() : Set.copyOf(observerIds);
    }

    /** A builder for new content; {@link #toBuilder()} starts from existing content. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this content, to change a few fields of it. */
    public Builder toBuilder() {
        return new Builder()
                .customer(customerId, customerName)
                .email(email)
                .phone(phone)
                .billingAddress(billingAddress)
                .shippingAddress(shippingAddress)
                .currency(currency)
                .pricesIncludeTax(pricesIncludeTax)
                .lines(lines)
                .shipping(shipping)
                .discount(discount)
                .paymentMethod(paymentMethod)
                .tags(tags)
                .responsibleId(responsibleId)
                .observerIds(observerIds)
                .paymentTerms(paymentTerms)
                .customFields(customFields);
    }

    /** Who buys, as the order refers to them: the customer's id and the name the order shows. */
    public CustomerRef customer() {
        return new CustomerRef(customerId, customerName);
    }

    /** The same content with other lines. */
    public OrderContent withLines(List<OrderLine> newLines) {
        return toBuilder().lines(newLines).build();
    }

    /** The same content with other tags. */
    public OrderContent withTags(Set<String> newTags) {
        return toBuilder().tags(newTags).build();
    }

    /** The same content with someone else (or nobody) responsible. */
    public OrderContent withResponsible(Long newResponsibleId) {
        return toBuilder().responsibleId(newResponsibleId).build();
    }

    /** The same content with another order discount. */
    public OrderContent withDiscount(long newDiscount) {
        return toBuilder().discount(newDiscount).build();
    }

    public Totals totals() {
        return Totals.of(lines, shipping, discount, pricesIncludeTax);
    }

    /** A customer as an order refers to them: by id, with the name the order shows. */
    public record CustomerRef(long id, String name) {}

    /** Builds content field by field; unset fields are empty (no lines, no tags, nothing charged). */
    public static final class Builder {
        private long customerId;
        private String customerName;
        private String email;
        private String phone;
        private Address billingAddress;
        private Address shippingAddress;
        private String currency;
        private boolean pricesIncludeTax = true;
        private List<OrderLine> lines = List.of();
        private long shipping;
        private long discount;
        private String paymentMethod;
        private Set<String> tags = Set.of();
        private Long responsibleId;
        private Set<Long> observerIds = Set.of();
        private PaymentTerms paymentTerms;
        private Map<String, Object> customFields = Map.of();

        private Builder() {}

        public Builder customer(long id, String name) {
            this.customerId = id;
            this.customerName = name;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder billingAddress(Address address) {
            this.billingAddress = address;
            return this;
        }

        public Builder shippingAddress(Address address) {
            this.shippingAddress = address;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder pricesIncludeTax(boolean pricesIncludeTax) {
            this.pricesIncludeTax = pricesIncludeTax;
            return this;
        }

        public Builder lines(List<OrderLine> lines) {
            this.lines = lines;
            return this;
        }

        public Builder shipping(long shipping) {
            this.shipping = shipping;
            return this;
        }

        public Builder discount(long discount) {
            this.discount = discount;
            return this;
        }

        public Builder paymentMethod(String paymentMethod) {
            this.paymentMethod = paymentMethod;
            return this;
        }

        public Builder tags(Set<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder responsibleId(Long responsibleId) {
            this.responsibleId = responsibleId;
            return this;
        }

        public Builder observerIds(Set<Long> observerIds) {
            this.observerIds = observerIds;
            return this;
        }

        public Builder paymentTerms(PaymentTerms paymentTerms) {
            this.paymentTerms = paymentTerms;
            return this;
        }

        public Builder customFields(Map<String, Object> customFields) {
            this.customFields = customFields;
            return this;
        }

        public OrderContent build() {
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
                    responsibleId,
                    observerIds,
                    paymentTerms,
                    customFields);
        }
    }
}
