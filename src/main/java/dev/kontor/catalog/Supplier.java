package dev.kontor.catalog;

/** Who a variant is bought from, and how to reach them. */
public record Supplier(long id, String name, String contactName, String email, String phone, String address) {}
