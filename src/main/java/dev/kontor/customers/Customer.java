package dev.kontor.customers;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.shared.Address;

/**
 * A customer: a person or a company.
 *
 * @param name     the person's full name, or the company's contact person
 * @param company  the company's name; required for {@link CustomerKind#COMPANY}
 * @param country  ISO 3166-1 alpha-2 code of where the customer is based
 * @param language the language to write to them in ({@code en}, {@code de}, {@code zh_CN}, {@code nb})
 * @param customFields the values of the shop's own customer fields, by key, as stored
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
        String taxId,
        List<ContactPerson> persons,
        AddressUse addressUse,
        Map<String, Object> customFields) {

    public Customer {
        contacts = List.copyOf(contacts);
        addresses = List.copyOf(addresses);
        persons = persons == null ? List.of() : List.copyOf(persons);
        addressUse = (addressUse == null ? AddressUse.FIRST : addressUse).within(addresses.size());
        customFields = customFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /** A customer without values of the shop's own fields. */
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
            int version,
            String taxId,
            List<ContactPerson> persons,
            AddressUse addressUse) {
        this(
                id,
                kind,
                name,
                company,
                country,
                language,
                contacts,
                addresses,
                createdAt,
                updatedAt,
                version,
                taxId,
                persons,
                addressUse,
                Map.of());
    }

    /** A customer without contact persons, new orders using the first address. */
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
            int version,
            String taxId) {
        this(
                id,
                kind,
                name,
                company,
                country,
                language,
                contacts,
                addresses,
                createdAt,
                updatedAt,
                version,
                taxId,
                List.of(),
                AddressUse.FIRST);
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
        return new CustomerDetails(
                kind, name, company, country, language, contacts, addresses, taxId, persons, addressUse);
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

    /** Where new orders ship to: the address chosen for shipping (the first when none was chosen). */
    public Optional<Address> address() {
        return addresses.isEmpty() ? Optional.empty() : Optional.of(addresses.get(addressUse.shipping()));
    }

    /** Where new orders are billed to when it is not the shipping address. */
    public Optional<Address> billingAddress() {
        return addressUse.billing() == null ? Optional.empty() : Optional.of(addresses.get(addressUse.billing()));
    }
}
