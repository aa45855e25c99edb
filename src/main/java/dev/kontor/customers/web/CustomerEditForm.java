package dev.kontor.customers.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.kontor.customers.AddressUse;
import dev.kontor.customers.Contact;
import dev.kontor.customers.ContactKind;
import dev.kontor.customers.ContactPerson;
import dev.kontor.customers.Customer;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.fields.FieldRules;
import dev.kontor.shared.Address;
import dev.kontor.shared.Text;

/**
 * The customer page's edit form, bound to its public fields: who the customer is, any number of contacts and
 * addresses (rows left empty are dropped; a spare row of each is offered).
 */
public class CustomerEditForm {

    public Integer version;
    public String kind = CustomerKind.PERSON.name();
    public String name;
    public String company;
    public String taxId;
    public String country;
    public String language;
    public List<ContactRow> contacts = new ArrayList<>();
    public List<AddressRow> addresses = new ArrayList<>();
    public List<PersonRow> persons = new ArrayList<>();
    /** The address row new orders ship to, and the one they bill to (empty: the shipping address). */
    public Integer shipTo = 0;

    public Integer billTo;

    /** The shop's own customer fields by key, as typed ({@code customFields[segment]}); money as "12.50 EUR". */
    public Map<String, String> customFields = new LinkedHashMap<>();

    /** A person at the company: name, what they do, e-mail, phone. */
    public static class PersonRow {
        public String name;
        public String role;
        public String email;
        public String phone;

        boolean isEmpty() {
            return Stream.of(name, role, email, phone).allMatch(v -> Text.clean(v) == null);
        }
    }

    /** One contact: its kind, value and what it is (a label, e.g. "Alipay" or "office"). */
    public static class ContactRow {
        public String kind = ContactKind.EMAIL.name();
        public String value;
        public String label;

        boolean isEmpty() {
            return Text.clean(value) == null && Text.clean(label) == null;
        }
    }

    /** One address. */
    public static class AddressRow {
        public String name;
        public String company;
        public String street;
        public String street2;
        public String postalCode;
        public String city;
        public String region;
        public String country;
        public String phone;

        boolean isEmpty() {
            return Stream.of(name, company, street, street2, postalCode, city, region, country, phone)
                    .allMatch(v -> Text.clean(v) == null);
        }

        Address toAddress() {
            return new Address(
                    Text.clean(name),
                    Text.clean(company),
                    Text.clean(street),
                    Text.clean(street2),
                    Text.clean(postalCode),
                    Text.clean(city),
                    Text.clean(region),
                    Text.clean(country) == null ? null : country.strip().toUpperCase(Locale.ROOT),
                    Text.clean(phone));
        }
    }

    static CustomerEditForm of(Customer c) {
        CustomerEditForm form = new CustomerEditForm();
        form.version = c.version();
        form.kind = c.kind().name();
        form.name = c.name();
        form.company = c.company();
        form.taxId = c.taxId();
        form.country = c.country();
        form.language = c.language();
        for (Contact contact : c.contacts()) {
            ContactRow row = new ContactRow();
            row.kind = contact.kind().name();
            row.value = contact.value();
            row.label = contact.label();
            form.contacts.add(row);
        }
        for (Address a : c.addresses()) {
            AddressRow row = new AddressRow();
            row.name = a.name();
            row.company = a.company();
            row.street = a.street();
            row.street2 = a.street2();
            row.postalCode = a.postalCode();
            row.city = a.city();
            row.region = a.region();
            row.country = a.country();
            row.phone = a.phone();
            form.addresses.add(row);
        }
        for (ContactPerson p : c.persons()) {
            PersonRow row = new PersonRow();
            row.name = p.name();
            row.role = p.role();
            row.email = p.email();
            row.phone = p.phone();
            form.persons.add(row);
        }
        form.shipTo = c.addressUse().shipping();
        form.billTo = c.addressUse().billing();
        c.customFields().forEach((key, value) -> form.customFields.put(key, FieldRules.written(value)));
        return form;
    }

    /** Drops the rows left empty, so that problems name the rows as they are shown again. */
    void dropEmptyRows() {
        contacts.removeIf(ContactRow::isEmpty);
        shipTo = kept(shipTo);
        billTo = kept(billTo);
        addresses.removeIf(AddressRow::isEmpty);
        persons.removeIf(PersonRow::isEmpty);
    }

    /** Where an address row chosen for shipping or billing is once the empty rows before it are gone. */
    private Integer kept(Integer row) {
        if (row == null
                || row < 0
                || row >= addresses.size()
                || addresses.get(row).isEmpty()) {
            return null;
        }
        int before = 0;
        for (int i = 0; i < row; i++) {
            before += addresses.get(i).isEmpty() ? 0 : 1;
        }
        return before;
    }

    /** A spare contact row and a spare address, for adding one without a round trip. */
    void withSpareRows() {
        contacts.add(new ContactRow());
        addresses.add(new AddressRow());
        persons.add(new PersonRow());
    }

    CustomerDetails toDetails() {
        List<Contact> written = contacts.stream()
                .map(r -> new Contact(kindOf(r.kind), Text.clean(r.value), Text.clean(r.label)))
                .toList();
        return new CustomerDetails(
                CustomerKind.COMPANY.name().equals(kind) ? CustomerKind.COMPANY : CustomerKind.PERSON,
                Text.clean(name),
                Text.clean(company),
                Text.clean(country) == null ? null : country.strip().toUpperCase(Locale.ROOT),
                Text.clean(language),
                written,
                addresses.stream().map(AddressRow::toAddress).toList(),
                taxId,
                persons.stream()
                        .map(p -> new ContactPerson(p.name, p.role, p.email, p.phone))
                        .toList(),
                new AddressUse(shipTo == null ? 0 : shipTo, billTo),
                customFieldValues());
    }

    /** The custom fields as the form sent them (empty ones are "not set"). */
    private Map<String, Object> customFieldValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        customFields.forEach((key, value) -> values.put(key, Text.clean(value)));
        return values;
    }

    private static ContactKind kindOf(String written) {
        for (ContactKind k : ContactKind.values()) {
            if (k.name().equals(written)) {
                return k;
            }
        }
        return ContactKind.EMAIL;
    }
}
