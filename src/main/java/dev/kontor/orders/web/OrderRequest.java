package dev.kontor.orders.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.CustomerRules;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.shared.web.AddressPayload;
import io.swagger.v3.oas.annotations.media.Schema;

/** An order to create (or a draft's new content). Amounts are integers in the currency's minor unit. */
@Schema(name = "OrderRequest")
record OrderRequest(
        @Schema(
                example = "TAOBAO",
                description = "MANUAL, WEBSHOP, TAOBAO, TMALL, EBAY, AMAZON, SHOPIFY, or one added in settings")
        String channel,

        @Schema(
                example = "3141592653589793",
                description = "The channel's own order id; the same one twice returns the existing order")
        String externalId,

        @Schema(description = "An existing customer by id, or a new one")
        CustomerRequest customer,

        @Schema(example = "zhang.wei@example.cn") String email,
        @Schema(example = "+86 138 0013 8000") String phone,
        AddressPayload billingAddress,
        AddressPayload shippingAddress,
        @Schema(example = "CNY", description = "ISO 4217") String currency,

        @Schema(example = "true", description = "Whether unit prices include tax (default true)")
        Boolean pricesIncludeTax,

        List<LineRequest> lines,

        @Schema(example = "1000", description = "Shipping charged, minor units")
        Long shipping,

        @Schema(example = "0", description = "Discount on the whole order, minor units")
        Long discount,

        @Schema(example = "ALIPAY") String paymentMethod,

        @Schema(
                description = "When the customer must pay: kind DUE_ON_RECEIPT (default), NET_7, NET_15, NET_30, or "
                        + "FIXED_DATE with fixedDate")
        PaymentTerms paymentTerms,

        @Schema(example = "[\"vip\"]") Set<String> tags,
        Long responsibleId,
        Set<Long> observerIds,

        @Schema(description = "When the customer ordered; now when absent")
        Instant placedAt,

        @Schema(
                example = "26800",
                description = "The total you computed; refused with 422 if it does not match the lines")
        Long total,

        @Schema(example = "false", description = "Save as a draft instead of submitting for review")
        Boolean draft,

        @Schema(
                example = "{\"deliveryDate\": \"2026-12-24\", \"hall\": \"4B\"}",
                description = "The shop's own fields (GET /api/custom-fields), by key: text, number, money as "
                        + "{\"minor\": 1250, \"currency\": \"EUR\"}, date as yyyy-MM-dd, yes/no as true/false, a "
                        + "choice by its key, a user by id. On create, fields marked required must be there; on "
                        + "update, leaving customFields out keeps the order's values. 422 names customFields.<key>.")
        Map<String, Object> customFields) {

    /** A new customer's details, or just the id of an existing one. */
    @Schema(name = "OrderCustomer")
    record CustomerRequest(
            @Schema(example = "42") Long id,
            @Schema(example = "PERSON") CustomerKind kind,
            @Schema(example = "张伟") String name,
            String company,
            @Schema(example = "CN") String country,
            @Schema(example = "zh_CN") String language,
            @Schema(example = "zhang.wei@example.cn") String email,
            @Schema(example = "+86 138 0013 8000") String phone,

            @Schema(description = "A fixed office line; foreign business customers need one")
            String landline,

            @Schema(example = "zhang.wei@163.com", description = "The account the customer pays from")
            String payerAccount,

            @Schema(example = "Alipay") String payerAccountType,
            AddressPayload address) {

        OrderInput.CustomerChoice toChoice() {
            if (id != null) {
                return OrderInput.CustomerChoice.existing(id);
            }
            CustomerDetails details = CustomerDetails.of(
                    kind,
                    name,
                    company,
                    country,
                    language,
                    email,
                    phone,
                    landline,
                    payerAccount,
                    payerAccountType,
                    address == null ? null : address.toAddress());
            return new OrderInput.CustomerChoice(null, details, CustomerRules.FieldNames.SINGLE_FIELDS);
        }
    }

    @Schema(name = "OrderLineRequest")
    record LineRequest(
            @Schema(example = "WLY0QU1098") String sku,
            @Schema(example = "Linen shirt") String name,

            @Schema(example = "{\"colour\":\"blue\",\"size\":\"M\"}")
            Map<String, String> attributes,

            @Schema(example = "12900", description = "Price of one unit, minor units")
            Long unitPrice,

            @Schema(example = "2") Integer quantity,

            @Schema(example = "0", description = "Discount on the whole line, minor units")
            Long discount,

            @Schema(example = "1300", description = "Tax rate in basis points: 1300 = 13 %")
            Integer taxRate) {}

    /** The input; {@code creating}: a new order, held to the required custom fields even when none are sent. */
    OrderInput toInput(boolean creating) {
        List<OrderInput.LineInput> lineInputs = lines == null
                ? List.of()
                : lines.stream()
                        .map(l -> l == null
                                ? null
                                : new OrderInput.LineInput(
                                        l.sku(),
                                        l.name(),
                                        l.attributes(),
                                        l.unitPrice(),
                                        l.quantity(),
                                        l.discount(),
                                        l.taxRate()))
                        .toList();
        return new OrderInput(
                channel,
                externalId,
                customer == null ? null : customer.toChoice(),
                email,
                phone,
                billingAddress == null ? null : billingAddress.toAddress(),
                shippingAddress == null ? null : shippingAddress.toAddress(),
                currency,
                pricesIncludeTax,
                lineInputs,
                shipping,
                discount,
                paymentMethod,
                tags,
                responsibleId,
                observerIds,
                placedAt,
                total,
                paymentTerms,
                customFields == null && creating ? Map.of() : customFields);
    }
}
