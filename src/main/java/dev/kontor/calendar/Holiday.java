package dev.kontor.calendar;

import java.time.LocalDate;

/** A day that is not a working day in a country. */
public record Holiday(String country, LocalDate day, String name) {}
