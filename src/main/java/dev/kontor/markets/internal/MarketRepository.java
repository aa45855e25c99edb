package dev.kontor.markets.internal;

import java.util.Arrays;
import java.util.List;

import dev.kontor.markets.Market;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Markets and their shipping methods. */
@Repository
public class MarketRepository {

    private final JdbcClient jdbc;

    MarketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Market> findAll() {
        return jdbc.sql("SELECT code, name, currency, countries FROM markets ORDER BY position, code")
                .query((rs, n) -> new Market(rs.getString(1), rs.getString(2), rs.getString(3), Arrays.asList((String[])
                        rs.getArray(4).getArray())))
                .list();
    }

    public List<Market> findByCountry(String country) {
        return jdbc.sql("""
                        SELECT code, name, currency, countries FROM markets WHERE :country = ANY (countries)
                        ORDER BY position, code""")
                .param("country", country)
                .query((rs, n) -> new Market(rs.getString(1), rs.getString(2), rs.getString(3), Arrays.asList((String[])
                        rs.getArray(4).getArray())))
                .list();
    }

    public List<Market.ShippingMethod> shippingMethods(String market) {
        return jdbc.sql("""
                        SELECT s.market, s.code, s.name, s.price, m.currency, s.carrier FROM shipping_methods s
                        JOIN markets m ON m.code = s.market WHERE s.market = :market ORDER BY s.position, s.code""")
                .param("market", market)
                .query((rs, n) -> new Market.ShippingMethod(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }
}
