package dev.kontor.web;

import java.util.Optional;

/**
 * Names of fields the message bundles cannot know, because the shop made them (custom fields): a module's web edge
 * implements it, and {@link Messages#field} and {@link Labels} ask it before the bundles, so that a problem or a
 * timeline entry about {@code customFields.hall} says "Hall" in the reader's language.
 */
public interface FieldNames {

    /** The field's name in the language ({@code de}, {@code zh_CN}…), if this provider knows the path. */
    Optional<String> name(String path, String language);

    /** A stored value of the field as the reader reads it (a choice's name, a colleague's name), if known. */
    default Optional<String> value(String path, String value, String language) {
        return Optional.empty();
    }
}
