package dev.kontor.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A postal address, as written on a parcel or an invoice.
 *
 * @param name       the recipient
 * @param company    the recipient's company, if any
 * @param street     street and number (Taobao addresses put everything here)
 * @param street2    more of it, if needed
 * @param postalCode the postal code; some countries have none
 * @param city       the city
 * @param region     state, province or county, if the country uses one
 * @param country    ISO 3166-1 alpha-2 code, e.g. {@code DE}, {@code CN}, {@code NO}
 * @param phone      a phone number for the carrier
 */
public record Address(
        String name,
        String company,
        String street,
        String street2,
        String postalCode,
        String city,
        String region,
        String country,
        String phone) {

    public Address {
        name = Text.clean(name);
        company = Text.clean(company);
        street = Text.clean(street);
        street2 = Text.clean(street2);
        postalCode = Text.clean(postalCode);
        city = Text.clean(city);
        region = Text.clean(region);
        country = country == null ? null : Text.clean(country.toUpperCase(Locale.ROOT));
        phone = Text.clean(phone);
    }

    /** What is missing or malformed, with field names under {@code prefix} (e.g. {@code shippingAddress}). */
    public List<FieldProblem> problems(String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null) {
            problems.add(FieldProblem.of(prefix + ".name", "validation.required"));
        }
        if (street == null) {
            problems.add(FieldProblem.of(prefix + ".street", "validation.required"));
        }
        if (city == null) {
            problems.add(FieldProblem.of(prefix + ".city", "validation.required"));
        }
        if (country == null) {
            problems.add(FieldProblem.of(prefix + ".country", "validation.required"));
        } else if (!Countries.isKnown(country)) {
            problems.add(FieldProblem.of(prefix + ".country", "validation.country", country));
        }
        if (phone != null && !Text.isPhone(phone)) {
            problems.add(FieldProblem.of(prefix + ".phone", "validation.phone"));
        }
        Stream.of(name, company, street, street2, postalCode, city, region)
                .filter(v -> v != null && v.length() > 200)
                .findAny()
                .ifPresent(v -> problems.add(FieldProblem.of(prefix, "validation.too-long", 200)));
        return problems;
    }

    /** The parts of the address that are not written in Latin script, by field name. */
    public List<String> nonLatinFields() {
        List<String> fields = new ArrayList<>();
        if (!Text.isLatin(street)) {
            fields.add("street");
        }
        if (!Text.isLatin(street2)) {
            fields.add("street2");
        }
        if (!Text.isLatin(city)) {
            fields.add("city");
        }
        if (!Text.isLatin(region)) {
            fields.add("region");
        }
        if (!Text.isLatin(postalCode)) {
            fields.add("postalCode");
        }
        return fields;
    }

    /** The address on one line, for lists and search results. */
    public String oneLine() {
        return String.join(
                ", ",
                Stream.of(
                                street,
                                street2,
                                Stream.of(postalCode, city)
                                        .filter(s -> s != null)
                                        .reduce((a, b) -> a + " " + b)
                                        .orElse(null),
                                region,
                                country)
                        .filter(s -> s != null && !s.isBlank())
                        .toList());
    }
}
