/**
 * The web shell, with no business logic: the page layout and navigation, the language (a {@code ?lang=}
 * parameter on any page, remembered in a cookie), formatting helpers for templates, friendly error pages,
 * and the API's RFC 9457 problem+json answers for every refusal the modules throw.
 *
 * <p>Depends only on the shared kernel. Publishes nothing, listens to nothing.
 */
@ApplicationModule(displayName = "Web shell")
package dev.kontor.web;

import org.springframework.modulith.ApplicationModule;
