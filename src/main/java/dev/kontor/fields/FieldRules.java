package dev.kontor.fields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kontor.shared.Currencies;
import dev.kontor.shared.Money;
import dev.kontor.shared.Names;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;

/**
 * What a custom field's value must be, without a database: each type's JSON form, required fields, what a stage
 * requires, and what a definition must be. Problems name the field as the API does: {@code customFields.<key>}.
 */
public final class FieldRules {

    /** A field's key: a letter, then letters and digits (camelCase), as JSON names it. */
    public static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]{1,39}");

    public static final int TEXT_MAX = 500;

    private FieldRules() {}

    /**
     * The values checked against the fields, in their stored form (an empty value means "not set" and is dropped);
     * every problem is added, naming its field. {@code holdToRequired}: whether a required field must be there (an
     * order a person writes; not one a marketplace file brings).
     */
    public static Map<String, Object> check(
            List<CustomField> fields,
            Map<String, ?> values,
            boolean holdToRequired,
            LongPredicate userExists,
            Problems problems) {
        Map<String, CustomField> byKey = new LinkedHashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        Map<String, Object> kept = new TreeMap<>();
        Set<String> refused = new HashSet<>(); // said once: wrong, not also missing
        Map<String, ?> given = values == null ? Map.of() : values;
        for (Map.Entry<String, ?> entry : given.entrySet()) {
            CustomField field = byKey.get(entry.getKey());
            String at = "customFields." + entry.getKey();
            if (field == null) {
                problems.add(at, "validation.field.unknown", entry.getKey());
                continue;
            }
            Object value = entry.getValue();
            if (value == null || (value instanceof String s && Text.clean(s) == null)) {
                continue;
            }
            Object stored = stored(field, value, userExists);
            if (stored == null) {
                refused.add(field.key());
                problems.add(at, "validation.field." + field.type().name().toLowerCase(Locale.ROOT), field.names());
            } else {
                kept.put(field.key(), stored);
            }
        }
        for (CustomField field : fields) {
            if (holdToRequired
                    && field.active()
                    && field.required()
                    && !kept.containsKey(field.key())
                    && !refused.contains(field.key())) {
                problems.add("customFields." + field.key(), "validation.field.required", field.names());
            }
        }
        return kept;
    }

    /** The value in its stored form, or {@code null} when it is not a value of the field's type. */
    static Object stored(CustomField field, Object value, LongPredicate userExists) {
        return switch (field.type()) {
            case TEXT -> {
                String text = Text.clean(String.valueOf(value));
                yield text == null || text.length() > TEXT_MAX || !(value instanceof String) ? null : text;
            }
            case NUMBER -> number(value);
            case MONEY -> money(value);
            case DATE -> {
                try {
                    yield value instanceof String s ? LocalDate.parse(s.strip()).toString() : null;
                } catch (DateTimeParseException e) {
                    yield null;
                }
            }
            case YES_NO ->
                value instanceof Boolean b
                        ? b
                        : "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
            case CHOICE -> field.choiceNames(String.valueOf(value)) != null && value instanceof String s ? s : null;
            case USER -> {
                BigDecimal id = number(value);
                yield id != null && id.scale() <= 0 && userExists.test(id.longValue()) ? id.longValue() : null;
            }
        };
    }

    private static BigDecimal number(Object value) {
        try {
            if (value instanceof Number n) {
                return new BigDecimal(n.toString()).stripTrailingZeros();
            }
            if (value instanceof String s && s.strip().length() <= 30) {
                return new BigDecimal(s.strip()).stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static final Pattern WRITTEN_AMOUNT = Pattern.compile("(-?\\d{1,15}(?:[.,]\\d{1,4})?) ([A-Z]{3})");

    private static Map<String, Object> money(Object value) {
        if (value instanceof String written) {
            Matcher m = WRITTEN_AMOUNT.matcher(written.strip().toUpperCase(Locale.ROOT));
            if (!m.matches() || !Currencies.isKnown(m.group(2))) {
                return null;
            }
            try {
                Money amount = Money.parse(m.group(1).replace(',', '.'), m.group(2));
                return money(Map.of("minor", amount.minor(), "currency", amount.currency()));
            } catch (RuntimeException e) {
                return null;
            }
        }
        if (!(value instanceof Map<?, ?> amount)) {
            return null;
        }
        BigDecimal minor = number(amount.get("minor"));
        Object currency = amount.get("currency");
        if (minor == null || minor.scale() > 0 || !(currency instanceof String code) || !Currencies.isKnown(code)) {
            return null;
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("minor", minor.longValueExact());
        stored.put("currency", code);
        return stored;
    }

    /** A stored amount ({@code {"minor": 1250, "currency": "EUR"}}) as money, or {@code null} for any other value. */
    public static Money amount(Object value) {
        return value instanceof Map<?, ?> stored && stored.get("minor") instanceof Number minor
                ? Money.of(minor.longValue(), String.valueOf(stored.get("currency")))
                : null;
    }

    /**
     * A stored value as text, the way the timeline, the form and the CSV export write it: an amount as "12.50 EUR"
     * (which the pages then show in the reader's format), anything else as stored; {@code null} stays {@code null}.
     */
    public static String written(Object value) {
        Money money = amount(value);
        return money != null ? money.toString() : value == null ? null : value.toString();
    }

    /**
     * A list's filters by the shop's own fields as a query string writes them ({@code cf.hall=4B}): key → value as
     * typed, empty ones left out. The list's query checks them ({@link CustomFields#filter}).
     */
    public static Map<String, String> filters(Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("cf.") && name.length() > 3 && value != null && !value.isBlank()) {
                values.put(name.substring(3), value.strip());
            }
        });
        return values;
    }

    /** Of the fields named by these keys (a sales stage requires them), the active ones the values lack. */
    public static List<CustomField> missing(Collection<String> keys, List<CustomField> fields, Map<String, ?> values) {
        List<CustomField> missing = new ArrayList<>();
        for (CustomField field : fields) {
            if (field.active() && keys.contains(field.key()) && (values == null || values.get(field.key()) == null)) {
                missing.add(field);
            }
        }
        return missing;
    }

    /** The problems of a definition as an admin writes it. */
    public static Problems checkDefinition(
            String key, Names names, FieldType type, List<CustomField.Choice> choices, Set<String> takenKeys) {
        Problems problems = new Problems();
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add("key", "validation.field.key");
        } else if (takenKeys.contains(key)) {
            problems.add("key", "validation.field.key-taken", key);
        }
        if (names == null || names.isEmpty()) {
            problems.add("names", "validation.required");
        } else if (names.byLanguage().values().stream().anyMatch(n -> n.length() > 60)) {
            problems.add("names", "validation.too-long", 60);
        }
        if (type == null) {
            problems.add("type", "validation.required");
        } else if (type == FieldType.CHOICE) {
            if (choices == null || choices.isEmpty()) {
                problems.add("choices", "validation.field.choices");
            } else if (choices.stream()
                    .anyMatch(c -> c.key() == null
                            || !KEY.matcher(c.key()).matches()
                            || c.names() == null
                            || c.names().isEmpty())) {
                problems.add("choices", "validation.field.choice-written");
            }
        }
        return problems;
    }
}
