package dev.kontor.integration;

import dev.kontor.workbench.OrderMark;
import org.springframework.stereotype.Component;

/**
 * The order lists' filter "not yet confirmed to the channel": orders with an update for their marketplace that its
 * connector has not confirmed (waiting, being retried, or given up).
 */
@Component
class UnconfirmedToChannel implements OrderMark {

    @Override
    public String key() {
        return "unconfirmed";
    }

    @Override
    public String labelKey() {
        return "filter.unconfirmed";
    }

    @Override
    public String condition() {
        return "EXISTS (SELECT 1 FROM channel_updates u WHERE u.order_id = o.id AND u.status <> 'CONFIRMED')";
    }
}
