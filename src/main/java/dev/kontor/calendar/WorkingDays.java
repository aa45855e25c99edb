package dev.kontor.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.calendar.internal.HolidayRepository;
import dev.kontor.shared.Countries;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts working days: Monday to Friday, except the country's holidays. "Two working days after Friday
 * 15:00" is Tuesday 15:00; after Thursday 15:00 before a Friday holiday, it is Tuesday 15:00 too.
 */
@Service
public class WorkingDays {

    private final HolidayRepository holidays;
    private final ZoneId zone;
    private final Permissions permissions;

    WorkingDays(HolidayRepository holidays, Permissions permissions, ShopSettings shop) {
        this.holidays = holidays;
        this.permissions = permissions;
        this.zone = shop.timeZone();
    }

    /** The moment {@code days} working days after {@code start} in {@code country}, at the same time of day. */
    @Transactional(readOnly = true)
    public Instant after(Instant start, int days, String country) {
        ZonedDateTime at = start.atZone(zone);
        Set<LocalDate> off =
                holidays.between(country, at.toLocalDate(), at.toLocalDate().plusDays(days * 3L + 30));
        LocalDate day = at.toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day, off)) {
                counted++;
            }
        }
        return at.with(day).toInstant();
    }

    static boolean isWorkingDay(LocalDate day, Set<LocalDate> holidays) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    @Transactional(readOnly = true)
    public List<Holiday> holidays(String country) {
        return holidays.all(Text.clean(country) == null ? null : country.strip().toUpperCase(Locale.ROOT));
    }

    /** Adds (or renames) a holiday. Admins only (settings). */
    @Transactional
    public Holiday addHoliday(Actor actor, String country, LocalDate day, String name) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        Problems problems = new Problems();
        String code = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        if (!Countries.isKnown(code)) {
            problems.add("country", "validation.country", String.valueOf(country));
        }
        if (day == null) {
            problems.add("day", "validation.required");
        }
        if (Text.clean(name) == null) {
            problems.add("name", "validation.required");
        } else if (name.length() > 100) {
            problems.add("name", "validation.too-long", 100);
        }
        problems.throwIfAny();
        Holiday holiday = new Holiday(code, day, name.strip());
        holidays.upsert(holiday);
        return holiday;
    }

    @Transactional
    public void removeHoliday(Actor actor, String country, LocalDate day) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        if (!holidays.delete(country == null ? "" : country.toUpperCase(Locale.ROOT), day)) {
            throw new NotFoundException("holiday", country + " " + day);
        }
    }
}
