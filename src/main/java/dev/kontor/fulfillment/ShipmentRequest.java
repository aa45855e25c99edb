package dev.kontor.fulfillment;

import java.time.Instant;
import java.util.List;

/**
 * A shipment to record: which lines, how many units each, with which carrier.
 *
 * @param shippedAt when it left; now when absent
 */
public record ShipmentRequest(String carrier, String trackingNumber, Instant shippedAt, List<Line> lines) {

    /** Units of one order line. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ShipmentLine")
    public record Line(Long lineId, Integer quantity) {}
}
