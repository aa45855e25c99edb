package dev.kontor.fulfillment;

import java.util.List;

/**
 * A return the warehouse received: why, and per line how many units and what becomes of them.
 */
public record ReturnRequest(String reason, List<Line> lines) {

    /** Units of one order line that came back. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReturnLine")
    public record Line(Long lineId, Integer quantity, ReturnDisposition disposition) {}
}
