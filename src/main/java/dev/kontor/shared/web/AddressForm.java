package dev.kontor.shared.web;

import java.util.Arrays;

import dev.kontor.shared.Address;
import dev.kontor.shared.Text;

/**
 * A postal address as a form has it: every field as typed, even when wrong, bound to public fields. Empty means no
 * address.
 */
public class AddressForm {
    public String name;
    public String company;
    public String street;
    public String street2;
    public String postalCode;
    public String city;
    public String region;
    public String country;
    public String phone;

    public boolean isEmpty() {
        return Arrays.stream(new String[] {name, company, street, street2, postalCode, city, region, country, phone})
                .allMatch(v -> Text.clean(v) == null);
    }

    public Address toAddress() {
        return isEmpty() ? null : new Address(name, company, street, street2, postalCode, city, region, country, phone);
    }

    public static AddressForm of(Address a) {
        AddressForm f = new AddressForm();
        if (a != null) {
            f.name = a.name();
            f.company = a.company();
            f.street = a.street();
            f.street2 = a.street2();
            f.postalCode = a.postalCode();
            f.city = a.city();
            f.region = a.region();
            f.country = a.country();
            f.phone = a.phone();
        }
        return f;
    }
}
