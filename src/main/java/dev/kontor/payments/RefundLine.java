package dev.kontor.payments;

/**
 * One line of a refund: how many units of an order line are refunded, and what becomes of them.
 *
 * @param orderLineId the order line's id
 */
public record RefundLine(Long orderLineId, Integer quantity, RefundGoods goods) {}
