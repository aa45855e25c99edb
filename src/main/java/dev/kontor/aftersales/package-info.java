/**
 * After sales: customer service's verbs on an order once it was placed — exchange a variant, add a free gift, give a
 * rebate, change a price, re-ship a lost parcel as a new order {@code RE<number>}, split lines or units off into a
 * child order {@code <number>-OSP<n>}. Each is one transaction made of the orders module's primitives
 * ({@link dev.kontor.orders.OrderRevisions}), so the order's rules, permissions, timeline and stock hold as for any
 * other change.
 *
 * <p>Owns no table. Public face: {@link dev.kontor.aftersales.AfterSales}, {@link dev.kontor.aftersales.Reshipments},
 * {@link dev.kontor.aftersales.Splits}. Depends on orders, catalog (variants, moving reservations) and access.
 * Publishes {@link dev.kontor.aftersales.OrderSplit} (the payments module carries money over in the same
 * transaction); listens to nothing.
 */
@ApplicationModule(displayName = "After sales")
package dev.kontor.aftersales;

import org.springframework.modulith.ApplicationModule;
