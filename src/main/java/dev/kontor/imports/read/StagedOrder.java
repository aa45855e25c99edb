package dev.kontor.imports.read;

import java.time.Instant;
import java.util.Map;

import dev.kontor.shared.Address;

/**
 * One order as a marketplace file has it, before it is checked: amounts in minor units of {@code currency}, any of
 * them {@code null} when the file does not say.
 *
 * @param line the line of the file the order starts on
 * @param buyer the buyer's name (the consignee's, when the file has no other)
 * @param buyerAccount the buyer's name on the marketplace (Taobao's 买家会员名, eBay's user id)
 * @param payerAccount the account the buyer paid from (Taobao's 支付宝账号)
 * @param goods what the items cost, as the file states it (after their discounts)
 * @param tax tax on top of the prices, when the file's prices exclude it
 * @param total what the order costs, as the file states it
 * @param paid what the buyer paid, as the file states it
 * @param customFields the shop's own order fields by key, as the file writes them ({@code null}: the file has none)
 */
public record StagedOrder(
        String externalId,
        long line,
        Instant placedAt,
        Instant paidAt,
        String buyer,
        String buyerAccount,
        String payerAccount,
        String email,
        String phone,
        Address shippingAddress,
        String currency,
        Long goods,
        Long shipping,
        Long discount,
        Long tax,
        Long total,
        Long paid,
        Long refunded,
        MarketStatus status,
        String carrier,
        String tracking,
        String buyerMessage,
        String note,
        String paymentMethod,
        Map<String, String> customFields) {

    /** An order of a file that carries none of the shop's own fields (a marketplace's). */
    public StagedOrder(
            String externalId,
            long line,
            Instant placedAt,
            Instant paidAt,
            String buyer,
            String buyerAccount,
            String payerAccount,
            String email,
            String phone,
            Address shippingAddress,
            String currency,
            Long goods,
            Long shipping,
            Long discount,
            Long tax,
            Long total,
            Long paid,
            Long refunded,
            MarketStatus status,
            String carrier,
            String tracking,
            String buyerMessage,
            String note,
            String paymentMethod) {
        this(
                externalId,
                line,
                placedAt,
                paidAt,
                buyer,
                buyerAccount,
                payerAccount,
                email,
                phone,
                shippingAddress,
                currency,
                goods,
                shipping,
                discount,
                tax,
                total,
                paid,
                refunded,
                status,
                carrier,
                tracking,
                buyerMessage,
                note,
                paymentMethod,
                null);
    }

    /** The same order with what a person corrected in the review: time, buyer, contacts, address, total. */
    public StagedOrder corrected(
            Instant newPlacedAt, String newBuyer, String newEmail, String newPhone, Address newAddress, Long newTotal) {
        return new StagedOrder(
                externalId,
                line,
                newPlacedAt,
                paidAt,
                newBuyer,
                buyerAccount,
                payerAccount,
                newEmail,
                newPhone,
                newAddress,
                currency,
                goods,
                shipping,
                discount,
                tax,
                newTotal,
                paid,
                refunded,
                status,
                carrier,
                tracking,
                buyerMessage,
                note,
                paymentMethod,
                customFields);
    }
}
