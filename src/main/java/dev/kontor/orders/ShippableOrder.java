package dev.kontor.orders;

import java.time.Instant;

/**
 * An order the warehouse may ship now, as its queue lists it.
 *
 * @param plannedCarrier the carrier's code chosen with the shipping method at checkout, if any
 * @param openUnits      units still to ship
 * @param destination    city and country, for sorting parcels
 */
public record ShippableOrder(
        long id,
        String number,
        String channel,
        String customerName,
        Instant placedAt,
        PaymentStatus payment,
        FulfilmentStatus fulfilment,
        String paymentMethod,
        String plannedCarrier,
        int openUnits,
        String destination) {}
