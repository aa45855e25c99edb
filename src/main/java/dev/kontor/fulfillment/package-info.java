/**
 * Fulfilment: the goods leaving the warehouse. A {@link dev.kontor.fulfillment.Shipment} records which
 * lines and how many units went, with which carrier and tracking number; the order's fulfilment status
 * is derived from the units shipped, which {@link dev.kontor.fulfillment.Shipments} hands to the orders
 * module in the same transaction.
 *
 * <p>Depends on orders, timeline and access. Publishes {@link dev.kontor.fulfillment.ShipmentRecorded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fulfilment")
package dev.kontor.fulfillment;
