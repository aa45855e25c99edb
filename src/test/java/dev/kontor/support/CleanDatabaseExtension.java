package dev.kontor.support;

import java.util.List;

import dev.kontor.catalog.Drift;
import dev.kontor.catalog.Inventory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before each test: an empty database (reference data only) and the clock back at the real time. After each
 * test: every stock figure must equal what the ledger and the reservations add up to.
 */
public class CleanDatabaseExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        List<Drift> drifts = SpringExtension.getApplicationContext(context)
                .getBean(Inventory.class)
                .check();
        if (!drifts.isEmpty()) {
            throw new AssertionError("Stock drifted from its ledger after " + context.getDisplayName() + ": " + drifts);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        var spring = SpringExtension.getApplicationContext(context);
        spring.getBean(TestDatabase.class).reset();
        spring.getBean(MutableClock.class).reset();
    }
}
