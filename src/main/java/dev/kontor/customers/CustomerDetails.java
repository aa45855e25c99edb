package dev.kontor.customers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.shared.Address;
import dev.kontor.shared.Phones;
import dev.kontor.shared.Text;

/**
 * What is needed to create a customer: the input side of {@link Customer}. {@code customFields} {@code null}: these
 * details say nothing of the shop's own fields (a buyer created with a marketplace order; an edit keeps them).
 */
public record CustomerDetails(
        CustomerKind kind,
        String name,
        String company,
        String country,
        String language,
        List<Contact> contacts,
        List<Address> addresses,
        String taxId,
        List<ContactPerson> persons,
        AddressUse addressUse,
        Map<String, Object> customFields) {

    public CustomerDetails {
        kind = kind == null ? CustomerKind.PERSON : kind;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        taxId = Text.clean(taxId);
        persons = persons == null ? List.of() : List.copyOf(persons);
        addressUse = (addressUse == null ? AddressUse.FIRST : addressUse).within(addresses.size());
        customFields = customFields == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /** Details that say nothing of the shop's own fields (kept as they are on an edit; a new customer has none). */
    public CustomerDetails(
            CustomerKind kind,
            String name,
            String company,
            String country,
            String language,
            List<Contact> contacts,
            List<Address> addresses,
            String taxId,
            List<ContactPerson> persons,
            AddressUse addressUse) {
        this(kind, name, company, country, language, contacts, addresses, taxId, persons, addressUse, null);
    }

    /** These details with the shop's own fields' values (as typed or as stored). */
    public CustomerDetails withCustomFields(Map<String, ?> values) {
        return new CustomerDetails(
                kind,
                name,
                company,
                country,
                language,
                contacts,
                addresses,
                taxId,
                persons,
                addressUse,
                values == null ? null : new LinkedHashMap<String, Object>(values));
    }

    /** Details without contact persons, new orders using the first address. */
    public CustomerDetails(
            CustomerKind kind,
            String name,
            String company,
            String country,
            String language,
            List<Contact> contacts,
            List<Address> addresses,
            String taxId) {
        this(kind, name, company, country, language, contacts, addresses, taxId, List.of(), AddressUse.FIRST);
    }

    /** Details without a tax number (a person, a marketplace buyer). */
    public CustomerDetails(
            CustomerKind kind,
            String name,
            String company,
            String country,
            String language,
            List<Contact> contacts,
            List<Address> addresses) {
        this(kind, name, company, country, language, contacts, addresses, null);
    }

    /**
     * These details with their phones and landlines as Kontor keeps them ({@link Phones#kept}), read in the
     * customer's country's way, else their address's, else {@code homeCountry}'s.
     */
    public CustomerDetails withPhonesKept(String homeCountry) {
        String region = country != null
                ? country
                : addresses.stream()
                        .map(Address::country)
                        .filter(c -> c != null && !c.isBlank())
                        .findFirst()
                        .orElse(homeCountry);
        List<Contact> kept = contacts.stream()
                .map(c -> c.kind() == ContactKind.PHONE || c.kind() == ContactKind.LANDLINE
                        ? new Contact(c.kind(), Phones.kept(c.value(), region), c.label())
                        : c)
                .toList();
        return new CustomerDetails(
                kind, name, company, country, language, kept, addresses, taxId, persons, addressUse, customFields);
    }

    /**
     * Details with at most one contact of each kind and one address, as a form or the API sends them;
     * check them with {@link CustomerRules.FieldNames#SINGLE_FIELDS} to name the fields right.
     *
     * @param payerAccountLabel what the payer account is, e.g. {@code Alipay}
     */
    public static CustomerDetails of(
            CustomerKind kind,
            String name,
            String company,
            String country,
            String language,
            String email,
            String phone,
            String landline,
            String payerAccount,
            String payerAccountLabel,
            Address address) {
        List<Contact> contacts = new ArrayList<>();
        if (Text.clean(email) != null) {
            contacts.add(new Contact(ContactKind.EMAIL, email, null));
        }
        if (Text.clean(phone) != null) {
            contacts.add(new Contact(ContactKind.PHONE, phone, null));
        }
        if (Text.clean(landline) != null) {
            contacts.add(new Contact(ContactKind.LANDLINE, landline, null));
        }
        if (Text.clean(payerAccount) != null) {
            contacts.add(new Contact(ContactKind.PAYER_ACCOUNT, payerAccount, payerAccountLabel));
        }
        String countryCode =
                Text.clean(country) == null ? null : country.strip().toUpperCase(Locale.ROOT);
        return new CustomerDetails(
                kind,
                Text.clean(name),
                Text.clean(company),
                countryCode,
                Text.clean(language),
                contacts,
                address == null ? List.of() : List.of(address));
    }
}
