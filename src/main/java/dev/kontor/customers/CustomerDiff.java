package dev.kontor.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.kontor.fields.FieldRules;
import dev.kontor.shared.Address;
import dev.kontor.timeline.Change;

/** What changed between two versions of a customer, field by field, as the customer's timeline shows it. */
final class CustomerDiff {

    private CustomerDiff() {}

    static List<Change> between(Customer before, CustomerDetails after) {
        List<Change> changes = new ArrayList<>();
        compare(changes, "customerKind", before.kind(), after.kind());
        compare(
                changes,
                "customerName",
                before.name(),
                after.name() == null ? null : after.name().strip());
        compare(changes, "company", before.company(), after.company());
        compare(changes, "taxId", before.taxId(), after.taxId());
        compare(changes, "country", before.country(), after.country());
        compare(changes, "language", before.language(), after.language());
        compare(changes, "contacts", contacts(before.contacts()), contacts(after.contacts()));
        compare(changes, "addresses", addresses(before.addresses()), addresses(after.addresses()));
        compare(changes, "contactPersons", persons(before.persons()), persons(after.persons()));
        compare(
                changes,
                "shipsTo",
                used(before.addresses(), before.addressUse().shipping()),
                used(after.addresses(), after.addressUse().shipping()));
        compare(
                changes,
                "billsTo",
                used(before.addresses(), before.addressUse().billing()),
                used(after.addresses(), after.addressUse().billing()));
        Map<String, ?> was = before.customFields();
        Map<String, ?> is = after.customFields() == null ? was : after.customFields();
        Set<String> keys = new TreeSet<>(was.keySet());
        keys.addAll(is.keySet());
        for (String key : keys) { // one change per field, as an order's: the reader sees its name and value
            compare(changes, "customFields." + key, FieldRules.written(was.get(key)), FieldRules.written(is.get(key)));
        }
        return changes;
    }

    /** Contacts as one line each: {@code +49 170 5065756 (mobile)}; the kinds' names are the reader's. */
    private static String contacts(List<Contact> contacts) {
        return contacts.stream()
                .map(c -> c.value() + (c.label() == null ? "" : " (" + c.label() + ")"))
                .collect(Collectors.joining("; "));
    }

    private static String persons(List<ContactPerson> persons) {
        return persons.stream().map(ContactPerson::line).collect(Collectors.joining("; "));
    }

    /** The address at a position in one line, or nothing. */
    private static String used(List<Address> addresses, Integer position) {
        if (position == null || position >= addresses.size()) {
            return null;
        }
        Address a = addresses.get(position);
        return (a.name() == null ? "" : a.name() + ", ") + a.oneLine();
    }

    private static String addresses(List<Address> addresses) {
        return addresses.stream()
                .map(a -> (a.name() == null ? "" : a.name() + ", ") + a.oneLine())
                .collect(Collectors.joining(" | "));
    }

    private static void compare(List<Change> changes, String field, Object before, Object after) {
        Object was = before instanceof String s && s.isBlank() ? null : before;
        Object is = after instanceof String s && s.isBlank() ? null : after;
        if (!Objects.equals(was, is)) {
            changes.add(Change.of(field, was, is));
        }
    }
}
