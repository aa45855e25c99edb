package dev.kontor.workbench;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.PaymentStatus;

/**
 * One row of an order list: enough to recognise the order and see its three statuses.
 *
 * @param flagged a blacklist mark caught it (shown red)
 * @param paymentMethod how it is paid ({@code ALIPAY}), when known
 * @param approvedAt when it was first approved; {@code null} while it never was
 */
public record OrderSummary(
        long id,
        String number,
        String channel,
        String externalId,
        long customerId,
        String customerName,
        LifecycleStatus lifecycle,
        PaymentStatus payment,
        FulfilmentStatus fulfilment,
        String currency,
        long total,
        int units,
        Set<String> tags,
        Instant placedAt,
        Instant updatedAt,
        boolean flagged,
        String paymentMethod,
        Instant approvedAt,
        Map<String, Object> customFields) {}
