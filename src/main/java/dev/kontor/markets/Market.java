package dev.kontor.markets;

import java.util.List;

/**
 * Where goods are sold to, and in which currency: a customer's shipping country picks the market, and the market
 * the currency of their draft and invoice.
 *
 * @param countries ISO 3166 codes
 */
public record Market(String code, String name, String currency, List<String> countries) {

    /**
     * One way goods go to this market, and its price in the market's currency (minor units).
     *
     * @param carrier the code of the carrier it goes with; {@code null} for pick-up
     */
    public record ShippingMethod(
            String market, String code, String name, long price, String currency, String carrier) {}
}
