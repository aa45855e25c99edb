package dev.kontor.customers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.kontor.shared.Address;

/**
 * A customer: a person or a company.
 *
 * @param name     the person's full name, or the company's contact person
 * @param company  the company's name; required for {@link CustomerKind#COMPANY}
 * @param country  ISO 3166-1 alpha-2 code of where the customer is based
 * @param language the language to write to them in ({@code en}, {@code de}, {@code zh_CN}, {@code nb})
 */
public record Customer(
        Long id,
        CustomerKind kind,
        String name,
        String company,
        String country,
        String language,
        List<Contact> contacts,
        List<Address> addresses,
        Instant createdAt,
        Instant updatedAt,
        int version,
        String taxId) {

    public Customer {
        contacts = List.copyOf(contacts);
        addresses = List.copyOf(addresses);
    }

    /** A customer without a tax number. */
    public Customer(
            Long id,
            CustomerKind kind,
            String name,
            String company,
            String country,
            String language,
            List<Contact> contacts,
            List<Address> addresses,
            Instant createdAt,
            Instant updatedAt,
            int version) {
        this(id, kind, name, company, country, language, contacts, addresses, createdAt, updatedAt, version, null);
    }

    /** What the customer is now, as details to edit. */
    public CustomerDetails details() {
        return new CustomerDetails(kind, name, company, country, language, contacts, addresses, taxId);
    }

    /** The name to show: the company for companies, otherwise the person. */
    public String displayName() {
        return kind == CustomerKind.COMPANY && company != null ? company : name;
    }

    public Optional<String> first(ContactKind kind) {
        return contacts.stream()
                .filter(c -> c.kind() == kind)
                .map(Contact::value)
                .findFirst();
    }

    public List<Contact> all(ContactKind kind) {
        return contacts.stream().filter(c -> c.kind() == kind).toList();
    }

    /** The first e-mail, or an empty text. */
    public String primaryEmail() {
        return first(ContactKind.EMAIL).orElse("");
    }

    /** The first mobile phone, or an empty text. */
    public String primaryPhone() {
        return first(ContactKind.PHONE).orElse("");
    }

    /** Phone numbers (mobile and landline), comma-separated. */
    public String phones() {
        return String.join(
                ", ",
                contacts.stream()
                        .filter(c -> c.kind() == ContactKind.PHONE || c.kind() == ContactKind.LANDLINE)
                        .map(Contact::value)
                        .toList());
    }

    public List<Contact> payerAccounts() {
        return all(ContactKind.PAYER_ACCOUNT);
    }

    public Optional<Address> address() {
        return addresses.stream().findFirst();
    }
}
