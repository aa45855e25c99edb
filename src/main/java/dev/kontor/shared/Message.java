package dev.kontor.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Text for a person, kept as a message key and its arguments, so that whoever reads it later sees it in their own
 * language: business code stores messages, the web edge renders them for the reader. An argument that is itself a
 * message (an enum value's label) is a {@link Label}; a {@code field} puts the field's name in front ("Quantity: must
 * be positive."). A message without a key is text kept as it was written (results stored before messages were).
 *
 * @param key the message key, e.g. {@code order.refused.not-editable}; {@code null} for {@code text}
 * @param args the arguments: strings, numbers, {@link Label}s, {@link Amount}s or {@link Names} (a name per language,
 *     read in the reader's)
 * @param field the input field the message is about, if any
 * @param text text as written, when there is no key
 */
public record Message(String key, List<Object> args, String field, String text) {

    public Message {
        args = args == null ? List.of() : List.copyOf(args);
        if ((key == null) == (text == null)) {
            throw new IllegalArgumentException("A message has a key or a text, not both");
        }
    }

    /** An argument shown as the text of another message key, e.g. an enum value's label. */
    public record Label(String key) {}

    /** An amount of money as an argument, shown in the reader's number format: {@code ¥150.00}, {@code 150,00 €}. */
    public record Amount(long minor, String currency) {}

    /** A message with arguments; enum values become their labels ({@code enum.<Type>.<VALUE>}). */
    public static Message of(String key, Object... args) {
        return new Message(key, arguments(List.of(args)), null, null);
    }

    /** Text kept as it was written. */
    public static Message text(String text) {
        return new Message(null, List.of(), null, text);
    }

    /** What a refusal says: its first field problem (naming the field) or its own message. */
    public static Message of(KontorException refusal) {
        if (refusal instanceof InvalidInputException invalid) {
            return of(invalid.problems().get(0));
        }
        return new Message(refusal.messageKey(), arguments(refusal.args()), null, null);
    }

    /** A field problem, naming its field. */
    public static Message of(FieldProblem problem) {
        return new Message(problem.code(), arguments(problem.args()), problem.field(), null);
    }

    /** The message key of an enum value's label: {@code enum.LifecycleStatus.NEW}. */
    public static String labelKey(Enum<?> value) {
        return "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    private static List<Object> arguments(List<Object> args) {
        List<Object> kept = new ArrayList<>();
        for (Object arg : args) {
            if (arg instanceof Enum<?> value) {
                kept.add(new Label(labelKey(value)));
            } else if (arg instanceof Money money) {
                kept.add(new Amount(money.minor(), money.currency()));
            } else if (arg instanceof Number || arg instanceof Label || arg instanceof Amount || arg instanceof Names) {
                kept.add(arg);
            } else {
                kept.add(String.valueOf(arg));
            }
        }
        return kept;
    }
}
