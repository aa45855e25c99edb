package dev.kontor.imports.read;

import java.util.Map;

/**
 * One item of an order as a marketplace file has it, before it is checked.
 *
 * @param line the line of the file it is on
 * @param sku the seller's item code (Taobao's 商家编码), if the file has one
 * @param attributes the variant's attributes (Taobao's 商品属性 {@code 颜色分类:驼色;尺码:M})
 * @param unitPrice the price of one unit, minor units of the order's currency
 * @param discount the line's discount, minor units
 */
public record StagedLine(
        String externalId,
        long line,
        String sku,
        String name,
        Map<String, String> attributes,
        Long unitPrice,
        Integer quantity,
        Long discount) {

    public StagedLine {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
