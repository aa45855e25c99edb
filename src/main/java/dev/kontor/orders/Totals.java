package dev.kontor.orders;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An order's sums, always computed from its lines, never stored independently of them.
 *
 * <p>The order discount is spread over the lines in proportion to their totals (the remainder going to
 * the largest shares) so that tax is charged on what the customer actually pays. Shipping is not taxed
 * here; a shop that must tax it adds it as a line.
 *
 * @param subtotal lines' totals
 * @param shipping shipping charged
 * @param discount discount on the whole order
 * @param tax      tax contained in (or, for net prices, added to) the total
 * @param total    what the customer pays
 */
public record Totals(long subtotal, long shipping, long discount, long tax, long total) {

    public static Totals of(List<OrderLine> lines, long shipping, long discount, boolean pricesIncludeTax) {
        long subtotal = 0;
        for (OrderLine line : lines) {
            subtotal = Math.addExact(subtotal, line.total());
        }
        long[] shares = spread(discount, lines, subtotal);
        long tax = 0;
        for (int i = 0; i < lines.size(); i++) {
            long taxable = lines.get(i).total() - shares[i];
            tax += taxOf(taxable, lines.get(i).taxRate(), pricesIncludeTax);
        }
        long total = subtotal - discount + shipping + (pricesIncludeTax ? 0 : tax);
        return new Totals(subtotal, shipping, discount, tax, total);
    }

    /**
     * The tax of each rate (basis points → minor units) the lines carry, after the order's discount is spread over
     * them: what an invoice and the order form show per rate. The parts add up to {@link #of}'s tax.
     */
    public static Map<Integer, Long> taxByRate(List<OrderLine> lines, long discount, boolean pricesIncludeTax) {
        long subtotal = 0;
        for (OrderLine line : lines) {
            subtotal = Math.addExact(subtotal, line.total());
        }
        long[] shares = spread(discount, lines, subtotal);
        Map<Integer, Long> byRate = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 0; i < lines.size(); i++) {
            long tax = taxOf(lines.get(i).total() - shares[i], lines.get(i).taxRate(), pricesIncludeTax);
            byRate.merge(lines.get(i).taxRate(), tax, Long::sum);
        }
        return byRate;
    }

    /** Tax on an amount, rounded half up: contained in it (gross prices) or on top of it (net prices). */
    static long taxOf(long amount, int rateBasisPoints, boolean included) {
        if (amount <= 0 || rateBasisPoints == 0) {
            return 0;
        }
        long numerator = Math.multiplyExact(amount, (long) rateBasisPoints);
        long denominator = included ? 10_000L + rateBasisPoints : 10_000L;
        return (numerator * 2 + denominator) / (denominator * 2);
    }

    /** The discount split over the lines by their share of the subtotal; the parts add up exactly. */
    static long[] spread(long discount, List<OrderLine> lines, long subtotal) {
        long[] shares = new long[lines.size()];
        if (discount == 0 || subtotal <= 0) {
            return shares;
        }
        long given = 0;
        long[] remainders = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            long weighted = Math.multiplyExact(discount, lines.get(i).total());
            shares[i] = weighted / subtotal;
            remainders[i] = weighted % subtotal;
            given += shares[i];
        }
        for (long left = discount - given; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            shares[largest]++;
            remainders[largest] = -1;
        }
        return shares;
    }
}
