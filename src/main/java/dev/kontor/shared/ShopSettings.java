package dev.kontor.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The shop Kontor runs for, read once from {@code kontor.shop.*}: its name (on mails, packing slips and the payment
 * page), its home country (its holiday calendar, the foreign-business rule) and its time zone (what "today" and a
 * day in a filter mean). The one place these settings are read.
 *
 * @param timeZone the shop's time zone; the machine's when not set
 */
public record ShopSettings(String name, String homeCountry, ZoneId timeZone) {

    public ShopSettings {
        name = name == null || name.isBlank() ? "Kontor" : name.strip();
        if (homeCountry == null || homeCountry.isBlank()) {
            throw new StartupProblem(
                    "kontor.shop.home-country is not set.",
                    "Set it to the shop's country (ISO 3166 code, e.g. DE): its calendar and the foreign-business "
                            + "rule depend on it.",
                    null);
        }
        homeCountry = homeCountry.strip().toUpperCase(Locale.ROOT);
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
    }

    /** Today in the shop's calendar. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), timeZone);
    }
}
