package dev.kontor.workbench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.fields.FieldRules;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.shared.InvalidInputException;

/**
 * An order list's query string ({@code q=…&lifecycle=NEW&lifecycle=APPROVED&overdue=true}) read back into its
 * filter: what a bulk action "on every order of this list" and the CSV export act on is exactly what the list shows,
 * and other views of orders (the sales board) filter the way the list does. Parameters it does not know are left to
 * the caller; a value it cannot read is refused naming its parameter.
 */
public final class OrderQueryString {

    private OrderQueryString() {}

    public static OrderFilter parse(String query, LocalDate today) {
        Map<String, List<String>> params = params(query == null ? "" : query);
        OrderFilter filter = new OrderFilter(
                        first(params, "q"),
                        values(params, "lifecycle", LifecycleStatus.class),
                        values(params, "payment", PaymentStatus.class),
                        values(params, "fulfilment", FulfilmentStatus.class),
                        new LinkedHashSet<>(several(params, "channel")),
                        date(params, "from"),
                        date(params, "to"),
                        number(params, "customer"))
                .paidByAndApproved(
                        new LinkedHashSet<>(several(params, "method")),
                        dateTime(params, "approvedFrom"),
                        dateTime(params, "approvedTo"));
        if ("true".equals(first(params, "overdue"))) {
            filter = filter.overdueOn(today);
        }
        if ("true".equals(first(params, "flagged"))) {
            filter = filter.flagged();
        }
        return filter.withCustomFields(customFields(params)).withMarks(new LinkedHashSet<>(several(params, "mark")));
    }

    /** The custom field filters, {@code cf.hall=4B}, as typed (the list's query checks them). */
    public static Map<String, Object> customFields(Map<String, List<String>> params) {
        Map<String, String> first = new LinkedHashMap<>();
        params.forEach((name, given) -> first.put(name, given.isEmpty() ? null : given.get(0)));
        return new LinkedHashMap<>(FieldRules.filters(first));
    }

    /** The custom field filters of a request's parameters. */
    public static Map<String, Object> customFieldsOf(Map<String, String[]> parameters) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        parameters.forEach((name, values) -> params.put(name, List.of(values)));
        return customFields(params);
    }

    private static Map<String, List<String>> params(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("query", "validation.query");
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static <E extends Enum<E>> Set<E> values(Map<String, List<String>> params, String name, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (String value : several(params, name)) {
            try {
                set.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of(name, "validation.unknown-value", value);
            }
        }
        return set;
    }

    /** A parameter's values, each possibly several joined by commas ("NEW,APPROVED", as the list's selects send). */
    private static List<String> several(Map<String, List<String>> params, String name) {
        List<String> values = new ArrayList<>();
        for (String value : params.getOrDefault(name, List.of())) {
            for (String one : value.split(",")) {
                if (!one.isBlank()) {
                    values.add(one.strip());
                }
            }
        }
        return values;
    }

    private static LocalDate date(Map<String, List<String>> params, String name) {
        String value = first(params, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "validation.date", value);
        }
    }

    private static LocalDateTime dateTime(Map<String, List<String>> params, String name) {
        String value = first(params, name);
        try {
            return value == null ? null : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "validation.date", value);
        }
    }

    private static Long number(Map<String, List<String>> params, String name) {
        String value = first(params, name);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "validation.number");
        }
    }
}
