package dev.kontor.customers;

import java.util.List;

import dev.kontor.shared.Address;
import dev.kontor.shared.Countries;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;

/**
 * What a customer must have. Field names are relative to {@code prefix}, so an order that creates its
 * customer reports {@code customer.email}.
 */
public final class CustomerRules {

    private static final List<String> LANGUAGES = List.of("en", "de", "zh_CN", "nb");

    private CustomerRules() {}

    public static Problems check(CustomerDetails c, String homeCountry, String prefix) {
        return check(c, homeCountry, prefix, FieldNames.DEFAULT);
    }

    /**
     * How a request names the customer's contacts and addresses, when not as {@code contacts[i]} and
     * {@code addresses[i]}: e.g. a form with one {@code email} and one {@code address} field.
     */
    public interface FieldNames {
        FieldNames DEFAULT = new FieldNames() {};

        /**
         * A request with one field per kind of contact ({@code email}, {@code phone}, {@code landline},
         * {@code payerAccount}) and one {@code address}: how the API and the order form send a new customer.
         */
        FieldNames SINGLE_FIELDS = new FieldNames() {
            @Override
            public String contact(int index, ContactKind kind) {
                return switch (kind) {
                    case EMAIL -> "email";
                    case PHONE -> "phone";
                    case LANDLINE -> "landline";
                    case PAYER_ACCOUNT -> "payerAccount";
                };
            }

            @Override
            public String address(int index) {
                return "address";
            }
        };

        default String contact(int index, ContactKind kind) {
            return "contacts[" + index + "]";
        }

        default String address(int index) {
            return "addresses[" + index + "]";
        }
    }

    public static Problems check(CustomerDetails c, String homeCountry, String prefix, FieldNames names) {
        Problems problems = new Problems();
        if (Text.clean(c.name()) == null) {
            problems.add(prefix + "name", "validation.required");
        } else if (c.name().length() > 200) {
            problems.add(prefix + "name", "validation.too-long", 200);
        }
        if (c.kind() == CustomerKind.COMPANY && Text.clean(c.company()) == null) {
            problems.add(prefix + "company", "validation.company.required");
        }
        if (c.taxId() != null && c.taxId().length() > 50) {
            problems.add(prefix + "taxId", "validation.too-long", 50);
        }
        if (c.country() == null) {
            problems.add(prefix + "country", "validation.required");
        } else if (!Countries.isKnown(c.country())) {
            problems.add(prefix + "country", "validation.country", c.country());
        }
        if (c.language() != null && !LANGUAGES.contains(c.language())) {
            problems.add(prefix + "language", "validation.language", String.join(", ", LANGUAGES));
        }
        checkContacts(c.contacts(), prefix, names, problems);
        checkPersons(c.persons(), prefix, problems);
        for (int i = 0; i < c.addresses().size(); i++) {
            problems.addAll(c.addresses().get(i).problems(prefix + names.address(i)));
        }
        if (problems.isEmpty() && isForeignBusiness(c, homeCountry)) {
            checkForeignBusiness(c, prefix, names, problems);
        }
        return problems;
    }

    /** The most contact persons a customer keeps. */
    public static final int MAX_PERSONS = 50;

    /** Each contact person has a name; an e-mail, if given, is one. */
    private static void checkPersons(List<ContactPerson> persons, String prefix, Problems problems) {
        if (persons.size() > MAX_PERSONS) {
            problems.add(prefix + "persons", "validation.persons.too-many", MAX_PERSONS);
        }
        for (int i = 0; i < persons.size(); i++) {
            ContactPerson p = persons.get(i);
            String at = prefix + "persons[" + i + "].";
            if (p.name() == null) {
                problems.add(at + "name", "validation.required");
            } else if (p.name().length() > 200) {
                problems.add(at + "name", "validation.too-long", 200);
            }
            if (p.email() != null && !Text.isEmail(p.email())) {
                problems.add(at + "email", "validation.email", p.email());
            }
            if (p.role() != null && p.role().length() > 100) {
                problems.add(at + "role", "validation.too-long", 100);
            }
            if (p.phone() != null && p.phone().length() > 50) {
                problems.add(at + "phone", "validation.too-long", 50);
            }
        }
    }

    private static void checkContacts(List<Contact> contacts, String prefix, FieldNames names, Problems problems) {
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            String field = prefix + names.contact(i, contact.kind());
            if (contact.value() == null) {
                problems.add(field, "validation.required");
            } else if (contact.kind() == ContactKind.EMAIL && !Text.isEmail(contact.value())) {
                problems.add(field, "validation.email", contact.value());
            } else if ((contact.kind() == ContactKind.PHONE || contact.kind() == ContactKind.LANDLINE)
                    && !Text.isPhone(contact.value())) {
                problems.add(field, "validation.phone");
            } else if (contact.value().length() > 200) {
                problems.add(field, "validation.too-long", 200);
            }
        }
    }

    /** A company based outside the shop's home country (Alibaba's "foreign order"). */
    public static boolean isForeignBusiness(CustomerDetails c, String homeCountry) {
        return c.kind() == CustomerKind.COMPANY
                && c.country() != null
                && !c.country().equals(homeCountry);
    }

    /**
     * A foreign company needs its name and registered address in Latin script and a landline: the
     * message names each thing that is missing.
     */
    private static void checkForeignBusiness(CustomerDetails c, String prefix, FieldNames names, Problems problems) {
        if (!Text.isLatin(c.company())) {
            problems.add(prefix + "company", "validation.foreign.company-latin");
        }
        if (c.addresses().isEmpty()) {
            problems.add(prefix + names.address(0), "validation.foreign.address-required");
        } else {
            Address address = c.addresses().get(0);
            for (String field : address.nonLatinFields()) {
                problems.add(prefix + names.address(0) + "." + field, "validation.foreign.address-latin");
            }
        }
        if (c.contacts().stream().noneMatch(contact -> contact.kind() == ContactKind.LANDLINE)) {
            problems.add(prefix + "landline", "validation.foreign.landline-required");
        }
    }
}
