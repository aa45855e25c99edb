package dev.kontor;

import java.time.Clock;

import dev.kontor.shared.ShopSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kontor, an order management system for sellers on many channels.
 *
 * <p>Each top-level package is one business capability (a Spring Modulith module); see
 * {@code docs/ARCHITECTURE.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class KontorApplication {

    public static void main(String[] args) {
        SpringApplication.run(KontorApplication.class, args);
    }

    /** The one source of "now": tests replace it to move time forward. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The shop's name, home country and time zone ({@code kontor.shop.*}), for every module that needs them. */
    @Bean
    ShopSettings shop(Environment environment) {
        return Binder.get(environment)
                .bind("kontor.shop", ShopSettings.class)
                .orElseGet(() -> new ShopSettings(null, null, null));
    }
}
