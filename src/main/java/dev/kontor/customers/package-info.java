/**
 * Customers: people and companies who order, with their e-mails, phones, landlines and payer accounts
 * (an Alipay or PayPal account), addresses, country and language. Its public face is
 * {@link dev.kontor.customers.Customers}; orders refer to a customer by id and keep a copy of the name.
 *
 * <p>The foreign-business rule lives here ({@link dev.kontor.customers.CustomerRules}): a company outside
 * the shop's home country needs its name and address in Latin script and a landline phone.
 * The blacklist ({@link dev.kontor.customers.Blacklist}) marks fraudsters and their phones, e-mails, payer
 * accounts and addresses; it publishes {@link dev.kontor.customers.CustomerBlacklisted}, on which the orders
 * module flags and holds orders. A customer's values of the shop's own fields are checked by the fields module.
 * Depends on access (who may blacklist and lift), fields and the shared kernel.
 */
@ApplicationModule(displayName = "Customers")
package dev.kontor.customers;

import org.springframework.modulith.ApplicationModule;
