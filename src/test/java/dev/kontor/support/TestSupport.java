package dev.kontor.support;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every integration test can use: a clock to move, the database cleaner, test users. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupport {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    TestDatabase testDatabase(DataSource dataSource) {
        return new TestDatabase(dataSource);
    }

    @Bean
    Fixtures fixtures() {
        return new Fixtures();
    }
}
