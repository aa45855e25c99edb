package dev.kontor.integration;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * A connector for the web shop channel in tests: keeps what it is told, and fails while told to (a marketplace that
 * is down). Every test context has it; it only hears WEBSHOP orders' shipments, cancellations, refunds and notes.
 */
@Component
public class TestChannelConnector implements ChannelConnector {

    public final List<ChannelUpdate> told = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    @Override
    public Set<String> channels() {
        return Set.of("WEBSHOP");
    }

    @Override
    public String tell(ChannelUpdate update) {
        if (down) {
            throw new IllegalStateException("503 from the shop's API");
        }
        told.add(update);
        return "ack-" + update.id();
    }

    public void reset() {
        told.clear();
        down = false;
    }
}
