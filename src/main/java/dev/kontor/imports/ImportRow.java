package dev.kontor.imports;

import dev.kontor.imports.read.StagedOrder;
import dev.kontor.shared.Message;

/**
 * A staged order with what the checks made of it and what committing did.
 *
 * @param orderNumber the Kontor order it became, or that already had it
 * @param outcomeMessage why an imported order waits for review, or what contradicts Kontor (a conflict)
 * @param editedBy who corrected the row in the review, if anyone did
 */
public record ImportRow(
        long id,
        String fileName,
        long line,
        StagedOrder order,
        int lineCount,
        ImportVerdict verdict,
        ImportOutcome outcome,
        Long orderId,
        String orderNumber,
        Message outcomeMessage,
        String editedBy) {}
