package dev.kontor.customers.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.customers.Contact;
import dev.kontor.customers.CustomerDetails;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers' contacts and addresses as the columns of one insert, each naming its customer by its place in the list
 * (from 1), for {@link CustomerRepository}.
 */
record ContactColumns(
        Integer[] contactOwners,
        String[] contactKinds,
        String[] contactValues,
        String[] contactLabels,
        String[] contactNormalized,
        Integer[] contactPositions,
        Integer[] addressOwners,
        Integer[] addressPositions,
        String[] addresses) {

    static ContactColumns of(List<CustomerDetails> details, JsonMapper json) {
        List<Integer> contactOwners = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Integer> contactPositions = new ArrayList<>();
        List<Integer> addressOwners = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<Integer> addressPositions = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            CustomerDetails c = details.get(i);
            for (int p = 0; p < c.contacts().size(); p++) {
                contactOwners.add(i + 1);
                contacts.add(c.contacts().get(p));
                contactPositions.add(p);
            }
            for (int p = 0; p < c.addresses().size(); p++) {
                addressOwners.add(i + 1);
                addresses.add(json.writeValueAsString(c.addresses().get(p)));
                addressPositions.add(p);
            }
        }
        return new ContactColumns(
                contactOwners.toArray(Integer[]::new),
                contacts.stream().map(c -> c.kind().name()).toArray(String[]::new),
                contacts.stream().map(Contact::value).toArray(String[]::new),
                contacts.stream().map(Contact::label).toArray(String[]::new),
                contacts.stream().map(Contact::normalized).toArray(String[]::new),
                contactPositions.toArray(Integer[]::new),
                addressOwners.toArray(Integer[]::new),
                addressPositions.toArray(Integer[]::new),
                addresses.toArray(String[]::new));
    }

    /** The columns as the named parameters of {@code CustomerRepository.CONTACTS_AND_ADDRESSES}. */
    Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        params.put("contactOwners", contactOwners);
        params.put("contactKinds", contactKinds);
        params.put("contactValues", contactValues);
        params.put("contactLabels", contactLabels);
        params.put("contactNormalized", contactNormalized);
        params.put("contactPositions", contactPositions);
        params.put("addressOwners", addressOwners);
        params.put("addressPositions", addressPositions);
        params.put("addresses", addresses);
        return params;
    }
}
