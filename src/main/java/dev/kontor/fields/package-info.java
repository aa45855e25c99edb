/**
 * Custom fields (issue 18): fields an admin adds to orders or customers (text, number, money, date, yes/no, one of a
 * list, a user), with a label per language, required always or (orders) from a sales stage on. Owns their definitions
 * and the rules a value must keep ({@link dev.kontor.fields.FieldRules}); the values themselves live with the order or
 * customer (a JSONB object, see docs/custom-fields.md), so the orders, customers and imports modules ask
 * {@link dev.kontor.fields.CustomFields} to check them. Depends on
 * access (who may define fields, which users exist) and shared.
 */
@ApplicationModule(displayName = "Custom fields")
package dev.kontor.fields;

import org.springframework.modulith.ApplicationModule;
