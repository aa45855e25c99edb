package dev.kontor.orders;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The markets and their shipping methods (seeded: Germany/EU in EUR, Norway in NOK, China in CNY, USA in USD). */
@Service
public class Markets {

    private final JdbcClient jdbc;

    Markets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Market> all() {
        return jdbc.sql("SELECT code, name, currency, countries FROM markets ORDER BY position, code")
                .query((rs, n) -> new Market(rs.getString(1), rs.getString(2), rs.getString(3),
                        Arrays.asList((String[]) rs.getArray(4).getArray())))
                .list();
    }

    /** The market a shipping country belongs to, if any. */
    @Transactional(readOnly = true)
    public Optional<Market> forCountry(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        return all().stream().filter(m -> m.countries().contains(code)).findFirst();
    }

    /** How goods go to this market. */
    @Transactional(readOnly = true)
    public List<Market.ShippingMethod> shippingMethods(String market) {
        return jdbc.sql("""
                        SELECT s.market, s.code, s.name, s.price, m.currency FROM shipping_methods s
                        JOIN markets m ON m.code = s.market WHERE s.market = :market ORDER BY s.position, s.code""")
                .param("market", market)
                .query((rs, n) -> new Market.ShippingMethod(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5)))
                .list();
    }
}
