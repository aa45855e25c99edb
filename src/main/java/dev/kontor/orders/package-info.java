/**
 * Orders: the order itself — who buys, where it goes, its lines and prices, and its three statuses: its own
 * lifecycle (draft → awaiting review → approved → completed; on hold; void; deleted), payment and fulfilment, the
 * last two derived from the money and goods recorded against it, never set. The lifecycle's rules are one table
 * ({@link dev.kontor.orders.LifecycleRules}); who may take an action is the access policy's say; both must agree.
 * Every change is one transaction with its timeline entry (who, when, what before and after, why), its stock kept in
 * step, and its event.
 *
 * <p>Public face, one class per use case: {@link dev.kontor.orders.OrderIntake} (place),
 * {@link dev.kontor.orders.GroupCommit} (one sender's placements and approvals arriving together, written together),
 * {@link dev.kontor.orders.OrderEditing}, {@link dev.kontor.orders.OrderLifecycle},
 * {@link dev.kontor.orders.OrderOrganising} (tags, responsible), {@link dev.kontor.orders.OrderNotes}; for other
 * modules {@link dev.kontor.orders.OrderPayments} and {@link dev.kontor.orders.OrderGoods} (payments and fulfilment
 * record money and goods in their own transactions), {@link dev.kontor.orders.OrderRevisions} (the after-sales
 * verbs' primitives); {@link dev.kontor.orders.Orders} reads. SPI: {@link dev.kontor.orders.OrderPanel} (sections
 * other modules add to the order page). The HTTP representation {@code web.OrderResponse} is a named interface.
 *
 * <p>Owns {@code orders}, {@code order_lines}, {@code order_observers}, {@code order_notes}, {@code channels},
 * {@code number_series}. Publishes {@link dev.kontor.orders.OrderPlaced},
 * {@link dev.kontor.orders.OrderLifecycleChanged} and, for many orders moved by one command (a bulk approval, an
 * import's batch, {@link dev.kontor.orders.OrderIntake#placeAll}'s callers), {@link dev.kontor.orders.OrderLifecycleChanges}. Listens to {@code CustomerBlacklisted} (flags the customer's
 * orders, in the marking transaction) and {@code ReservationExpired} (a timeline note, after commit). Carries out
 * approved order actions ({@code OrderApprovalHandler}). Knows nothing of payments, fulfilment or the web shell.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders")
package dev.kontor.orders;
