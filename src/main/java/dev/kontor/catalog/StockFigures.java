package dev.kontor.catalog;

/**
 * A variant's stock at one location or in total. {@code available = onHand − reserved};
 * {@code demand = reserved + backordered}: ordered and not yet shipped, including what was promised
 * without stock.
 */
public record StockFigures(String location, int onHand, int reserved, int backordered, int defective) {

    public int available() {
        return onHand - reserved;
    }

    public int demand() {
        return reserved + backordered;
    }

    public StockFigures plus(StockFigures other) {
        return new StockFigures(
                null,
                onHand + other.onHand,
                reserved + other.reserved,
                backordered + other.backordered,
                defective + other.defective);
    }

    public static final StockFigures NONE = new StockFigures(null, 0, 0, 0, 0);
}
