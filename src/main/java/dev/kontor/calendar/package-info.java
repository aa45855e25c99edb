/**
 * Working days: weekends and, per country, the holidays an admin keeps in {@code holidays}. Its public face
 * is {@link dev.kontor.calendar.WorkingDays}: "two working days from now in Germany". Used by time-limited
 * reservations; publishes nothing, listens to nothing.
 */
@ApplicationModule(displayName = "Calendar")
package dev.kontor.calendar;

import org.springframework.modulith.ApplicationModule;
