package dev.kontor.orders;

import java.util.Collections;
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
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
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

    /** The same line with the id the store gave it. */
    public OrderLine withId(long storedId) {
        return new OrderLine(
                storedId,
                position,
                sku,
                name,
                attributes,
                unitPrice,
                quantity,
                discount,
                taxRate,
                shippedQuantity,
                returnedQuantity);
    }

    /** The same line, another variant of it (an exchange): nothing of the new variant shipped yet. */
    public OrderLine withVariant(String newSku, String newName, Map<String, String> newAttributes) {
        return new OrderLine(
                id, position, newSku, newName, newAttributes, unitPrice, quantity, discount, taxRate, 0, 0);
    }

    /** The same line at another unit price. */
    public OrderLine withUnitPrice(long newUnitPrice) {
        return new OrderLine(
                id,
                position,
                sku,
                name,
                attributes,
                newUnitPrice,
                quantity,
                discount,
                taxRate,
                shippedQuantity,
                returnedQuantity);
    }

    /** Some of the line's units with their discount, nothing shipped (a part split off, or the part that stays). */
    public OrderLine withQuantity(int units, long unitsDiscount) {
        return new OrderLine(id, position, sku, name, attributes, unitPrice, units, unitsDiscount, taxRate, 0, 0);
    }

    /** The line as a new line of another order, at a position there: no id, nothing shipped. */
    public OrderLine copyAt(int newPosition) {
        return new OrderLine(null, newPosition, sku, name, attributes, unitPrice, quantity, discount, taxRate, 0, 0);
    }

    /** A new line (no id, nothing shipped) of a free item: no price, no discount (a gift, a re-shipment). */
    public static OrderLine free(
            int position, String sku, String name, Map<String, String> attributes, int quantity, int taxRate) {
        return new OrderLine(null, position, sku, name, attributes, 0, quantity, 0, taxRate, 0, 0);
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
