package dev.kontor;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
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
public class KontorApplication {

    public static void main(String[] args) {
        SpringApplication.run(KontorApplication.class, args);
    }

    /** The one source of "now": tests replace it to move time forward. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
