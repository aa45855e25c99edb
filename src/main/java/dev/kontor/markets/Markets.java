package dev.kontor.markets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.kontor.markets.internal.MarketRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The markets and their shipping methods (seeded: Germany/EU in EUR, Norway in NOK, China in CNY, USA in USD).
 * A customer's shipping country picks the market; the market, the currency of their draft and invoice.
 */
@Service
public class Markets {

    private final MarketRepository markets;

    Markets(MarketRepository markets) {
        this.markets = markets;
    }

    @Transactional(readOnly = true)
    public List<Market> all() {
        return markets.findAll();
    }

    /** The market a shipping country belongs to, if any. */
    @Transactional(readOnly = true)
    public Optional<Market> forCountry(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        return markets.findByCountry(country.strip().toUpperCase(Locale.ROOT)).stream()
                .findFirst();
    }

    /** How goods go to this market, priced in its currency. */
    @Transactional(readOnly = true)
    public List<Market.ShippingMethod> shippingMethods(String market) {
        return markets.shippingMethods(market);
    }
}
