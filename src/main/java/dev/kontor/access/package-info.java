/**
 * Access: users, their roles, how they sign in (a form for people, bearer tokens for machines) and what
 * they may do. Its public face is {@link dev.kontor.access.Actor} (who is acting, passed into every
 * service command), {@link dev.kontor.access.Users} and {@link dev.kontor.access.ApiTokens}.
 *
 * <p>Publishes nothing yet; listens to nothing. Other modules receive the current {@code Actor} as a
 * controller method parameter (resolved here) and never touch Spring Security themselves.
 */
@ApplicationModule(displayName = "Access")
package dev.kontor.access;

import org.springframework.modulith.ApplicationModule;
