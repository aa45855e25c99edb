package dev.kontor.orders;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of an order: what was bought, at what price, and how much of it has shipped.
 *
 * @param id              assigned when stored; {@code null} for a new line
 * @param sku             the variant's code, e.g. {@code WLY0QU1098}
 * @param name            the product's name as the customer saw it
 * @param attributes      what distinguishes the variant, e.g. {@code colour=red, size=M}
 * @param unitPrice       price of one unit in minor units of the order's currency
 * @param quantity        units ordered, at least 1
 * @param discount        discount on the whole line, in minor units
 * @param taxRate         tax rate in basis points: 1900 = 19 %
 * @param shippedQuantity units shipped so far
 */
public record OrderLine(
        Long id,
        int position,
        String sku,
        String name,
        Map<String, String> attributes,
        long unitPrice,
        int quantity,
        long discount,
        int taxRate,
        int shippedQuantity,
        int returnedQuantity) {

    public OrderLine {
        attributes =
                attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Price times quantity, less the line's discount. */
    public long total() {
        return Math.subtractExact(Math.multiplyExact(unitPrice, (long) quantity), discount);
    }

    public int openQuantity() {
        return quantity - shippedQuantity;
    }

    OrderLine withShipped(int shipped) {
        return new OrderLine(
                id, position, sku, name, attributes, unitPrice, quantity, discount, taxRate, shipped, returnedQuantity);
    }

    OrderLine withReturned(int returned) {
        return new OrderLine(
                id, position, sku, name, attributes, unitPrice, quantity, discount, taxRate, shippedQuantity, returned);
    }

    /** Units shipped that have not come back: what a return (or a refund taking goods back) may still take. */
    public int returnableQuantity() {
        return shippedQuantity - returnedQuantity;
    }

    /** The attributes as one short text: {@code red / M}. */
    public String attributeText() {
        return String.join(" / ", attributes.values());
    }
}
