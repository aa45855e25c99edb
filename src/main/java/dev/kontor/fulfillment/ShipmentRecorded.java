package dev.kontor.fulfillment;

/** Goods of an order were shipped. */
public record ShipmentRecorded(long shipmentId, long orderId, String carrier, String trackingNumber) {}
