package dev.kontor.catalog;

import java.time.Clock;
import java.time.Instant;

import dev.kontor.catalog.internal.ReservationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an order line holds, moved to another order's line without letting any unit go in between (nobody else can
 * take them): an order split keeps its reservations and backorders. Runs in the splitting order's transaction.
 */
@Service
public class HoldingMoves {

    private final ReservationRepository reservations;
    private final Clock clock;

    HoldingMoves(ReservationRepository reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    /**
     * Moves part of what an order line holds to another order's line (a quantity split off into a child order):
     * backordered units go first, so the line that stays keeps the units on the shelf and can ship.
     */
    @Transactional
    public void move(long fromLineId, OrderRef to, long toLineId, int units) {
        reservations.lockByLine(fromLineId).ifPresent(h -> {
            int total = h.reserved() + h.backordered();
            if (units >= total) {
                move(fromLineId, to, toLineId);
                return;
            }
            int backordered = Math.min(units, h.backordered());
            int reserved = units - backordered;
            Instant now = clock.instant();
            reservations.save(h.withUnits(h.reserved() - reserved, h.backordered() - backordered), now);
            reservations.save(h.movedTo(toLineId, to, reserved, backordered), now);
        });
    }

    /**
     * An order line's units go with it to another order (an order split): what it reserved or backordered is
     * now held for the new line, with no units let go in between (nobody else can take them).
     */
    @Transactional
    public void move(long fromLineId, OrderRef to, long toLineId) {
        reservations.lockByLine(fromLineId).ifPresent(h -> {
            reservations.delete(fromLineId);
            reservations.save(h.movedTo(toLineId, to, h.reserved(), h.backordered()), clock.instant());
        });
    }
}
