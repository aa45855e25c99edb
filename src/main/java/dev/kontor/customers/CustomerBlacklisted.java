package dev.kontor.customers;

/** A customer was blacklisted ({@code lifted == false}) or a supervisor lifted it ({@code lifted == true}). */
public record CustomerBlacklisted(long customerId, String reason, boolean lifted, String by) {}
