/**
 * Catalog and stock: products and their variants (by colour, size or any attribute a shop defines), prices per
 * currency, suppliers and purchase prices; stock per variant and location as an append-only ledger of
 * movements; reservations that can never oversell (one conditional UPDATE, and a CHECK constraint behind it);
 * time-limited holds for drafts counted in working days; the purchasing list.
 *
 * <p>Public face: {@link dev.kontor.catalog.Catalog}, {@link dev.kontor.catalog.Inventory},
 * {@link dev.kontor.catalog.Purchasing}. Orders call {@code Inventory} in their own transaction to hold,
 * commit, release and ship stock; the catalog knows orders only by id and label. Publishes
 * {@link dev.kontor.catalog.ReservationExpired}.
 */
@ApplicationModule(displayName = "Catalog and stock")
package dev.kontor.catalog;

import org.springframework.modulith.ApplicationModule;
