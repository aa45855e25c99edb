package dev.kontor.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When orders take stock.
 *
 * @param reserveAt             {@code APPROVAL} (default) or {@code CREATION}: when an order commits its stock
 * @param draftHoldWorkingDays  how long a draft holds what is available, in working days (0: drafts hold nothing)
 * @param holdCalendar          whose working days count, an ISO country code (empty: the shop's home country)
 */
@ConfigurationProperties("kontor.inventory")
public record InventorySettings(
        @DefaultValue("APPROVAL") ReserveAt reserveAt,
        @DefaultValue("2") int draftHoldWorkingDays,
        @DefaultValue("") String holdCalendar) {

    public enum ReserveAt {
        APPROVAL,
        CREATION
    }
}
