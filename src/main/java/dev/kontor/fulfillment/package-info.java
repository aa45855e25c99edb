/**
 * Fulfilment: the goods leaving the warehouse. A {@link dev.kontor.fulfillment.Shipment} records which
 * lines and how many units went, with which carrier and tracking number; the order's fulfilment status
 * is derived from the units shipped, which {@link dev.kontor.fulfillment.Shipments} hands to the orders
 * module in the same transaction. Carriers (an admin's list, each with a tracking-number pattern) are checked
 * when shipping. {@link dev.kontor.fulfillment.WarehouseQueue} is the warehouse's list of what to ship now;
 * {@link dev.kontor.fulfillment.BulkShipment} ships many orders from a CSV; packing slips print from the browser.
 * The search box finds an order by tracking number through {@link dev.kontor.orders.OrderFinder}.
 *
 * <p>Depends on orders, catalog (whether stock is reserved), timeline and access. Publishes
 * {@link dev.kontor.fulfillment.ShipmentRecorded}.
 */
@ApplicationModule(displayName = "Fulfilment")
package dev.kontor.fulfillment;

import org.springframework.modulith.ApplicationModule;
