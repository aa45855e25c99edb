/**
 * CRM: the sales team's side of an order and a customer (issue 18). So far: planned activities — a call, meeting,
 * task or e-mail due at a time for a responsible colleague, on an order or a customer — listed under My activities
 * (overdue ones first, a count in the navigation), done with an outcome that goes into the order's or customer's
 * timeline, and mailed to the responsible colleague when due ({@code jobs.ActivityReminders}). Its public face is
 * {@link dev.kontor.crm.Activities}. Adds a panel to the order page and the customer page. Depends on orders and
 * customers (to see what an activity is on), documents (the mail outbox), access and timeline.
 */
@ApplicationModule(displayName = "CRM")
package dev.kontor.crm;

import org.springframework.modulith.ApplicationModule;
