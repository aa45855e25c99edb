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
 * @param customFields  the shop's own fields ({@code {"deliveryDate": "2026-12-24"}}); {@code null} when the writer
 *                      does not speak of them (a marketplace file: its orders are not held to required fields; an
 *                      edit: the order keeps its values)
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
        PaymentTerms paymentTerms,
        Map<String, Object> customFields) {

    public OrderInput {
        lines = lines == null ? List.of() : lines;
        tags = tags == null ? Set.of() : tags;
        observerIds = observerIds == null ? Set.of() : observerIds;
    }

    /** The same input with its custom fields as checked (their stored form). */
    public OrderInput withCustomFields(Map<String, Object> checked) {
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
                paymentTerms,
                checked);
    }

    /** The same input for another channel, without an external id (an edit keeps the order's channel). */
    public OrderInput withChannel(String newChannel) {
        return new OrderInput(
                newChannel,
                null,
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
                paymentTerms,
                customFields);
    }

    /** The same input in a currency and with lines completed from the market and the catalog. */
    public OrderInput withPricing(String newCurrency, List<LineInput> newLines) {
        return new OrderInput(
                channel,
                externalId,
                customer,
                email,
                phone,
                billingAddress,
                shippingAddress,
                newCurrency,
                pricesIncludeTax,
                newLines,
                shipping,
                discount,
                paymentMethod,
                tags,
                responsibleId,
                observerIds,
                placedAt,
                expectedTotal,
                paymentTerms,
                customFields);
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
}
