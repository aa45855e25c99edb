package dev.kontor.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.imports.read.StagedOrder;
import dev.kontor.orders.OrderInput;
import dev.kontor.shared.Address;

/** A staged order as Kontor places it: the buyer as a customer, the file's lines, amounts and times. */
final class ImportedOrders {

    private ImportedOrders() {}

    static OrderInput input(
            StagedOrder order, String channel, List<OrderInput.LineInput> lines, long discount, boolean taxIncluded) {
        Address to = order.shippingAddress();
        String country = to == null ? null : to.country();
        CustomerDetails buyer = CustomerDetails.of(
                CustomerKind.PERSON,
                order.buyer(),
                to == null ? null : to.company(),
                country,
                null,
                order.email(),
                order.phone(),
                null,
                order.payerAccount(),
                order.payerAccount() == null ? null : payerLabel(order.paymentMethod()),
                to);
        return new OrderInput(
                channel,
                order.externalId(),
                OrderInput.CustomerChoice.create(buyer),
                order.email(),
                order.phone(),
                to,
                to,
                order.currency(),
                taxIncluded,
                lines,
                order.shipping(),
                discount == 0 ? null : discount,
                order.paymentMethod(),
                Set.of(),
                null,
                Set.of(),
                order.placedAt(),
                null,
                null,
                order.customFields() == null ? null : new LinkedHashMap<>(order.customFields()));
    }

    private static String payerLabel(String paymentMethod) {
        return "ALIPAY".equals(paymentMethod) ? "Alipay" : paymentMethod;
    }

    /**
     * The item code of a line whose file gives none (Shopify's gift cards): {@code NOSKU-} and a digest of its name,
     * the same for the same name in every file, so that such lines can be found and mapped later.
     */
    static String codeFor(String name) {
        String basis = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "NOSKU-" + HexFormat.of().formatHex(digest, 0, 4).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
