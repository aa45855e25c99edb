package dev.kontor.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.kontor.access.Users;
import dev.kontor.shared.ShopSettings;
import dev.kontor.web.Flash;
import dev.kontor.web.Formatting;
import dev.kontor.web.Labels;
import dev.kontor.web.Messages;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A controller on its own, without a database: MockMvc, the web shell (messages in four languages, the problem+json
 * and error-page advice, flash messages), Spring Security's defaults, and the controller's collaborators as mocks
 * the test declares. For a controller's refusals: validation, 403, 409, 412.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@ActiveProfiles("test")
@Import({Messages.class, Labels.class, Flash.class, Formatting.class, ControllerSlice.Shop.class})
@MockitoBean(types = Users.class)
public @interface ControllerSlice {

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /** The shop's settings, as the application binds them. */
    class Shop {
        @Bean
        ShopSettings shopSettings() {
            return new ShopSettings("Kontor Test GmbH", "DE", java.time.ZoneId.of("Europe/Berlin"));
        }
    }
}
