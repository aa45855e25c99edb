package dev.kontor.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerRules;
import dev.kontor.shared.Address;

/**
 * An order as a client sends it, to create or to replace a draft's content. Field problems are reported
 * under the names used here ({@code lines[0].quantity}, {@code customer.email}, {@code total}), which
 * are the API's and the form's.
 *
 * @param customer      an existing customer, or the details of a new one
 * @param expectedTotal the total the client computed, if it sent one; must match the lines
 * @param placedAt      when the customer ordered (a marketplace's order time); now when absent
 * @param paymentTerms  when the customer must pay; due on receipt when absent
 */
public record OrderInput(
        String channel,
        String externalId,
        CustomerChoice customer,
        String email,
        String phone,
        Address billingAddress,
        Address shippingAddress,
        String currency,
        Boolean pricesIncludeTax,
        List<LineInput> lines,
        Long shipping,
        Long discount,
        String paymentMethod,
        Set<String> tags,
        Long responsibleId,
        Set<Long> observerIds,
        Instant placedAt,
        Long expectedTotal,
        PaymentTerms paymentTerms) {

    public OrderInput {
        lines = lines == null ? List.of() : lines;
        tags = tags == null ? Set.of() : tags;
        observerIds = observerIds == null ? Set.of() : observerIds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this input, to change a few fields of it. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.channel = channel;
        b.externalId = externalId;
        b.customer = customer;
        b.email = email;
        b.phone = phone;
        b.billingAddress = billingAddress;
        b.shippingAddress = shippingAddress;
        b.currency = currency;
        b.pricesIncludeTax = pricesIncludeTax;
        b.lines = lines;
        b.shipping = shipping;
        b.discount = discount;
        b.paymentMethod = paymentMethod;
        b.tags = tags;
        b.responsibleId = responsibleId;
        b.observerIds = observerIds;
        b.placedAt = placedAt;
        b.expectedTotal = expectedTotal;
        b.paymentTerms = paymentTerms;
        return b;
    }

    /** The same input for another channel, without an external id (an edit keeps the order's channel). */
    public OrderInput withChannel(String newChannel) {
        return toBuilder().channel(newChannel).externalId(null).build();
    }

    /**
     * Who buys: an existing customer's id, or a new customer's details (matched to an existing customer by
     * e-mail or payer account).
     *
     * @param fieldNames how the request names the new customer's contacts and addresses
     */
    public record CustomerChoice(Long id, CustomerDetails details, CustomerRules.FieldNames fieldNames) {

        public CustomerChoice {
            fieldNames = fieldNames == null ? CustomerRules.FieldNames.DEFAULT : fieldNames;
        }

        public static CustomerChoice existing(long id) {
            return new CustomerChoice(id, null, CustomerRules.FieldNames.DEFAULT);
        }

        public static CustomerChoice create(CustomerDetails details) {
            return new CustomerChoice(null, details, CustomerRules.FieldNames.DEFAULT);
        }
    }

    /**
     * One line as sent: prices and discounts in minor units, tax rate in basis points.
     */
    public record LineInput(
            String sku,
            String name,
            Map<String, String> attributes,
            Long unitPrice,
            Integer quantity,
            Long discount,
            Integer taxRate) {}
    /** Builds an input field by field; what is not set is absent, as a client that leaves it out. */
    public static final class Builder {
        private String channel;
        private String externalId;
        private CustomerChoice customer;
        private String email;
        private String phone;
        private Address billingAddress;
        private Address shippingAddress;
        private String currency;
        private Boolean pricesIncludeTax;
        private List<LineInput> lines = List.of();
        private Long shipping;
        private Long discount;
        private String paymentMethod;
        private Set<String> tags = Set.of();
        private Long responsibleId;
        private Set<Long> observerIds = Set.of();
        private Instant placedAt;
        private Long expectedTotal;
        private PaymentTerms paymentTerms;

        private Builder() {}

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder customer(CustomerChoice customer) {
            this.customer = customer;
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

        public Builder pricesIncludeTax(Boolean pricesIncludeTax) {
            this.pricesIncludeTax = pricesIncludeTax;
            return this;
        }

        public Builder lines(List<LineInput> lines) {
            this.lines = lines;
            return this;
        }

        public Builder shipping(Long shipping) {
            this.shipping = shipping;
            return this;
        }

        public Builder discount(Long discount) {
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

        public Builder placedAt(Instant placedAt) {
            this.placedAt = placedAt;
            return this;
        }

        public Builder expectedTotal(Long expectedTotal) {
            this.expectedTotal = expectedTotal;
            return this;
        }

        public Builder paymentTerms(PaymentTerms paymentTerms) {
            this.paymentTerms = paymentTerms;
            return this;
        }

        public OrderInput build() {
            return new OrderInput(
                    channel,
                    externalId,
                    customer,
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
                    placedAt,
                    expectedTotal,
                    paymentTerms);
        }
    }
}
