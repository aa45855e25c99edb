package dev.kontor.customers;

import dev.kontor.shared.Text;

/**
 * A person at a company customer one deals with: the buyer, the accountant, the warehouse manager.
 *
 * @param role what they do there ({@code purchasing}, {@code accounts}), as written
 */
public record ContactPerson(String name, String role, String email, String phone) {

    public ContactPerson {
        name = Text.clean(name);
        role = Text.clean(role);
        email = Text.clean(email);
        phone = Text.clean(phone);
    }

    /** One line for the history: "Ola Berg (purchasing), ola@nordmann.no, +47 22 12 34 56". */
    public String line() {
        StringBuilder s = new StringBuilder(name == null ? "" : name);
        if (role != null) {
            s.append(" (").append(role).append(')');
        }
        if (email != null) {
            s.append(", ").append(email);
        }
        if (phone != null) {
            s.append(", ").append(phone);
        }
        return s.toString();
    }
}
