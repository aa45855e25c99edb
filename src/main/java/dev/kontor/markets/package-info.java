/**
 * Markets: where goods are sold to and in which currency (seeded: Germany/EU in EUR, Norway in NOK, China in CNY,
 * USA in USD). A shipping country picks its market ({@link dev.kontor.markets.Markets#forCountry}), the market the
 * currency of a draft, its invoice and the catalog prices its lines take; each market has its shipping methods,
 * priced in its currency, which the payment page offers.
 *
 * <p>Owns the tables {@code markets} and {@code shipping_methods}. Public face: {@link dev.kontor.markets.Markets},
 * {@link dev.kontor.markets.Market}. Depends on nothing but the shared kernel; orders and payments depend on it.
 * Publishes nothing, listens to nothing.
 */
@ApplicationModule(displayName = "Markets")
package dev.kontor.markets;

import org.springframework.modulith.ApplicationModule;
