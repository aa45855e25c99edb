package dev.kontor.integration;

import java.time.Instant;

/**
 * What a channel's connector is told about one of its orders: the marketplace's own order id ({@code externalId}),
 * Kontor's number, and what happened.
 *
 * @param id          the update's id: the same update sent again (a retry) has the same id, so a connector can tell
 * @param carrier     for {@link ChannelUpdateKind#SHIPPED}: the carrier's name as Kontor knows it
 * @param tracking    for {@link ChannelUpdateKind#SHIPPED}: the tracking number, if any
 * @param amount      for {@link ChannelUpdateKind#REFUNDED}: everything refunded so far, minor units of {@code currency}
 * @param note        for {@link ChannelUpdateKind#NOTE}: the note's text
 */
public record ChannelUpdate(
        long id,
        ChannelUpdateKind kind,
        String channel,
        String orderNumber,
        String externalId,
        String carrier,
        String tracking,
        Long amount,
        String currency,
        String note,
        Instant at) {}
