package dev.kontor.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.Message;
import dev.kontor.shared.Names;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns message keys from refusals into text in the current user's language. */
@Component
public class Messages {

    private final MessageSource source;
    private final ObjectProvider<FieldNames> fieldNames;

    Messages(MessageSource source, ObjectProvider<FieldNames> fieldNames) {
        this.source = source;
        this.fieldNames = fieldNames;
    }

    /** A stored value of a field the shop made, as the reader reads it, if a provider knows it. */
    public Optional<String> fieldValue(String path, String value) {
        for (FieldNames names : fieldNames.orderedStream().toList()) {
            Optional<String> shown = names.value(path, value, Languages.tag(locale()));
            if (shown.isPresent()) {
                return shown;
            }
        }
        return Optional.empty();
    }

    /** The text for a key; enum arguments are shown by their own label ({@link #label(Enum)}). */
    public String get(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Enum<?> e
                    ? label(e)
                    : args[i] instanceof Message.Label l
                            ? get(l.key())
                            : args[i] instanceof Names names ? names.in(Languages.tag(locale())) : args[i];
        }
        return source.getMessage(key, shown, key, locale());
    }

    /** The text for a key, if the bundles have it. */
    public Optional<String> find(String key) {
        return Optional.ofNullable(source.getMessage(key, null, null, locale()));
    }

    /** An enum value's label: the key {@code enum.<Type>.<VALUE>}, e.g. {@code enum.LifecycleStatus.NEW}. */
    public String label(Enum<?> value) {
        return source.getMessage(labelKey(value), null, value.name(), locale());
    }

    public static String labelKey(Enum<?> value) {
        return Message.labelKey(value);
    }

    /** A stored message in the reader's language: label arguments translated, its field named in front. */
    public String of(Message message) {
        if (message == null) {
            return null;
        }
        if (message.key() == null) {
            return message.text();
        }
        Object[] args = message.args().stream()
                .map(arg -> arg instanceof Message.Label label
                        ? get(label.key())
                        : arg instanceof Message.Amount amount
                                ? money(amount.minor(), amount.currency())
                                : arg instanceof Names names ? names.in(Languages.tag(locale())) : arg)
                .toArray();
        String text = source.getMessage(message.key(), args, message.key(), locale());
        return message.field() == null ? text : field(message.field()) + ": " + text;
    }

    /** An amount in the reader's number format, with its currency's sign: {@code ¥150.00}, {@code 150,00 €}. */
    public String money(long minor, String currency) {
        return Formatting.money(minor, currency, locale());
    }

    public String of(KontorException e) {
        return get(e.messageKey(), e.args().toArray());
    }

    public String of(FieldProblem problem) {
        return get(problem.code(), problem.args().toArray());
    }

    /** A problem for a flash message, where no form field sits beside it: "Quantity: must be positive." */
    public String withField(FieldProblem problem) {
        return field(problem.field()) + ": " + of(problem);
    }

    /**
     * A field's name as people read it: {@code field.<path>} when the bundles have it, otherwise the name of its
     * last part ({@code billing.street} → "Street and number", {@code lines[2].quantity} → "Quantity"), so that no
     * raw field path reaches a user.
     */
    public String field(String path) {
        for (FieldNames names : fieldNames.orderedStream().toList()) {
            Optional<String> named = names.name(path, Languages.tag(locale()));
            if (named.isPresent()) {
                return named.get();
            }
        }
        Optional<String> exact = find("field." + path);
        if (exact.isPresent()) {
            return exact.get();
        }
        String last = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        return find("field." + last).orElse(last);
    }

    public String of(List<FieldProblem> problems, String field) {
        return problems.stream()
                .filter(p -> p.field().equals(field))
                .findFirst()
                .map(this::of)
                .orElse(null);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
