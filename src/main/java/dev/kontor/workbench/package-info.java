/**
 * Customer service's workbench: the order lists (every order and the task views: to review, unpaid, overdue, to
 * ship, blacklisted), one search box over numbers, names, phones, e-mails, payer accounts, item codes and, through
 * {@link dev.kontor.workbench.OrderFinder}, other modules' keys (tracking numbers); live counts; each user's saved
 * views; the CSV export; and bulk actions started from a list.
 *
 * <p>The read side of orders: it reads the orders module's tables (never writes them) and owns {@code saved_views},
 * {@code order_counts} (bucket deltas kept by triggers on {@code orders}, folded by a job) and
 * {@code order_customer_names}. Public face: {@link dev.kontor.workbench.OrderLists},
 * {@link dev.kontor.workbench.OrderBulk}, {@link dev.kontor.workbench.OrderExport},
 * {@link dev.kontor.workbench.SavedViews}, {@link dev.kontor.workbench.OrderFinder}. Depends on orders, bulk,
 * customers and access; publishes nothing, listens to nothing.
 */
@ApplicationModule(displayName = "Workbench")
package dev.kontor.workbench;

import org.springframework.modulith.ApplicationModule;
