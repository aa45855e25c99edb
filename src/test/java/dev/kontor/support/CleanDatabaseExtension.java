package dev.kontor.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Before each test: an empty database (reference data only) and the clock back at the real time. */
public class CleanDatabaseExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        var spring = SpringExtension.getApplicationContext(context);
        spring.getBean(TestDatabase.class).reset();
        spring.getBean(MutableClock.class).reset();
    }
}
