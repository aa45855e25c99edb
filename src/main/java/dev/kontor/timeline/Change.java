package dev.kontor.timeline;

/**
 * One field's value before and after a change, as text for people to read.
 *
 * @param field  the field's name, e.g. {@code lifecycle} or {@code lines[2].quantity}
 * @param before the value before, or {@code null} when it was not set
 * @param after  the value after, or {@code null} when it was removed
 */
public record Change(String field, String before, String after) {

    public static Change of(String field, Object before, Object after) {
        return new Change(field, before == null ? null : before.toString(), after == null ? null : after.toString());
    }
}
