package dev.kontor.fields;

import java.util.List;

import dev.kontor.shared.Names;

/**
 * A field an admin added to orders.
 *
 * @param key               how the API and filters name it ({@code deliveryDate}); never changes
 * @param names             its label per language
 * @param choices           for {@link FieldType#CHOICE}: the choices, each a key and its names
 * @param required          whether every order a person writes must have it (a sales stage can also require it)
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
        boolean active) {

    public CustomField {
        choices = choices == null ? List.of() : List.copyOf(choices);
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
