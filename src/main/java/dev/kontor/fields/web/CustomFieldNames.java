package dev.kontor.fields.web;

import java.util.Optional;

import dev.kontor.access.Users;
import dev.kontor.fields.CustomField;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldRules;
import dev.kontor.shared.Money;
import dev.kontor.shared.Names;
import dev.kontor.web.FieldNames;
import dev.kontor.web.Formatting;
import dev.kontor.web.Languages;
import dev.kontor.web.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Custom fields by their names, and their values as people read them, in the reader's language; pages use it as
 * {@code ${@customFieldText.name(field)}} and {@code ${@customFieldText.value(field, value)}}.
 */
@Component("customFieldText")
public class CustomFieldNames implements FieldNames {

    private static final String PREFIX = "customFields.";

    private final CustomFields fields;
    private final Users users;
    private final Messages messages;
    private final Formatting fmt;

    CustomFieldNames(CustomFields fields, Users users, Messages messages, Formatting fmt) {
        this.fields = fields;
        this.users = users;
        this.messages = messages;
        this.fmt = fmt;
    }

    @Override
    public Optional<String> name(String path, String language) {
        return field(path).map(f -> f.names().in(language));
    }

    @Override
    public Optional<String> value(String path, String value, String language) {
        Optional<CustomField> field = field(path);
        if (field.isEmpty() || value == null) {
            return Optional.empty();
        }
        CustomField f = field.get();
        return Optional.ofNullable(
                switch (f.type()) {
                    case CHOICE -> {
                        Names names = f.choiceNames(value);
                        yield names == null ? value : names.in(language);
                    }
                    case USER -> {
                        try {
                            yield users.byId(Long.parseLong(value)).displayName();
                        } catch (RuntimeException e) {
                            yield value;
                        }
                    }
                    case YES_NO -> messages.get("true".equals(value) ? "fields.yes" : "fields.no");
                    case DATE -> {
                        try {
                            yield fmt.day(java.time.LocalDate.parse(value));
                        } catch (RuntimeException e) {
                            yield value;
                        }
                    }
                    default ->
                        null; // text, numbers and amounts read as written ("12.50 EUR" is formatted by the labels)
                });
    }

    /** The field's name in the reader's language. */
    public String name(CustomField f) {
        return f.names().in(Languages.tag(LocaleContextHolder.getLocale()));
    }

    /** A stored value of any type in the reader's language. */
    public String value(CustomField f, Object value) {
        return shown(f, value, Languages.tag(LocaleContextHolder.getLocale()));
    }

    private String shown(CustomField f, Object value, String language) {
        if (value == null) {
            return "–";
        }
        Money amount = FieldRules.amount(value);
        if (amount != null) {
            return fmt.money(amount);
        }
        return value(PREFIX + f.key(), value.toString(), language).orElse(value.toString());
    }

    private Optional<CustomField> field(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String key = path.substring(PREFIX.length());
        return fields.all().stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
