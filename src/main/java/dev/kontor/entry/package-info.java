/**
 * Order entry: the form people write orders with by hand — saved as a draft, sent straight to review or, by whoever
 * may approve it, saved approved ({@link dev.kontor.orders.GroupCommit#placeApproved}) — and edit
 * them with, every problem shown beside its field and the form kept as typed; htmx adds and removes lines and
 * suggests customers while one types. A client of the orders module's face ({@link dev.kontor.orders.OrderIntake},
 * {@link dev.kontor.orders.OrderEditing}), as the HTTP API is.
 *
 * <p>Owns no table and no business rule: the order's rules stay in orders. Depends on orders, customers, markets
 * and access; publishes nothing, listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Order entry")
package dev.kontor.entry;
