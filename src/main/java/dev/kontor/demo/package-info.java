/**
 * The demo shop: on an empty database, with {@code kontor.demo.enabled=true} (the run command's "demo"
 * profile), fills Kontor with colleagues in each role, customers from Germany, China and Norway, and orders
 * from every channel in every state of every axis, made through the real services so each has a genuine
 * timeline. Depends on the business modules; nothing depends on it. Off in production.
 */
@ApplicationModule(displayName = "Demo shop")
package dev.kontor.demo;

import org.springframework.modulith.ApplicationModule;
