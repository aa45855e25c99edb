package dev.kontor.fields;

import java.util.List;

import dev.kontor.shared.Names;

/**
 * A field an admin added to orders or to customers.
 *
 * @param key               how the API and filters name it ({@code deliveryDate}); never changes
 * @param names             its label per language
 * @param choices           for {@link FieldType#CHOICE}: the choices, each a key and its names
 * @param scope             whether it belongs to orders or to customers
 * @param required          whether every order (customer) a person writes must have it (a sales stage can also
 *                          require an order field)
 * @param active            whether it is offered; a retired field keeps its values on the orders that have them
 */
public record CustomField(
        long id,
        String key,
        Names names,
        FieldType type,
        List<Choice> choices,
        boolean required,
        int position,
        boolean active,
        FieldScope scope) {

    public CustomField {
        choices = choices == null ? List.of() : List.copyOf(choices);
        scope = scope == null ? FieldScope.ORDER : scope;
    }

    /** An order field. */
    public CustomField(
            long id,
            String key,
            Names names,
            FieldType type,
            List<Choice> choices,
            boolean required,
            int position,
            boolean active) {
        this(id, key, names, type, choices, required, position, active, FieldScope.ORDER);
    }

    /** One choice of a {@link FieldType#CHOICE} field. */
    public record Choice(String key, Names names) {}

    /** The names of a choice by its key, or nothing. */
    public Names choiceNames(Object key) {
        return choices.stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .map(Choice::names)
                .orElse(null);
    }
}
