package dev.kontor.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.kontor.shared.Message;
import dev.kontor.shared.MessageJson;
import dev.kontor.shared.Money;
import dev.kontor.shared.Names;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Labels for templates in the user's language: enum values ({@code ${@labels.of(order.lifecycle)}}) and
 * the field names and values a timeline entry records.
 */
@Component("labels")
public class Labels {

    private static final Pattern LINE = Pattern.compile("lines\\[(\\d+)]");
    private static final Pattern MONEY = Pattern.compile("(-?\\d+(?:\\.\\d+)?) ([A-Z]{3})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final Pattern ROLE = Pattern.compile("\\b[A-Z]+(?:_[A-Z]+)*\\b");
    /** Timeline fields whose values are enum constants, and the enum they belong to. */
    private static final Map<String, String> ENUM_FIELDS = Map.ofEntries(
            Map.entry("channelUpdate", "ChannelUpdateKind"),
            Map.entry("lifecycle", "LifecycleStatus"),
            Map.entry("paymentStatus", "PaymentStatus"),
            Map.entry("fulfilmentStatus", "FulfilmentStatus"),
            Map.entry("kind", "NoteKind"),
            Map.entry("state", "PaymentState"),
            Map.entry("documentKind", "DocumentKind"),
            Map.entry("documentState", "DocumentState"),
            Map.entry("activityKind", "ActivityKind"),
            Map.entry("customerKind", "CustomerKind"),
            Map.entry("callDirection", "CallDirection"));

    private final Messages messages;
    private final Formatting fmt;

    Labels(Messages messages, Formatting fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    public String of(Enum<?> value) {
        return value == null ? "" : messages.label(value);
    }

    /** A stored message (a bulk job item's result, an approval's outcome) in the reader's language. */
    public String message(Message message) {
        return message == null ? "" : messages.of(message);
    }

    /** A timeline field's name: {@code lifecycle} → "Status", {@code lines[2]} → "Line 2". */
    public String field(String name) {
        if (name.startsWith("customFields.")) {
            return messages.field(name);
        }
        Matcher line = LINE.matcher(name);
        if (line.matches()) {
            return messages.get("field.line", line.group(1));
        }
        return messages.get("field." + name);
    }

    /** A recorded value: enum constants translated, anything else as it was written. */
    public String value(String field, String value) {
        if (value == null) {
            return "–";
        }
        if ("channel".equals(field)) {
            return channel(value);
        }
        if (field.startsWith("customFields.")) {
            return messages.fieldValue(field, value).orElseGet(() -> written(value));
        }
        if ("method".equals(field) || "paymentMethod".equals(field)) {
            return paymentMethod(value);
        }
        if ("why".equals(field) || "closedBecause".equals(field)) {
            return messages.get(value);
        }
        if ("goods".equals(field)) {
            // "1 × SKU: RESTOCK; 2 × SKU: NONE" → each disposition in the reader's language
            return Pattern.compile(": (RESTOCK|DEFECTIVE|NONE)")
                    .matcher(value)
                    .replaceAll(m -> ": " + Matcher.quoteReplacement(messages.get("enum.RefundGoods." + m.group(1))));
        }
        if ("outcome".equals(field)) {
            return messages.of(MessageJson.read(value));
        }
        if (("stage".equals(field) || "lostReason".equals(field)) && Names.looksLikeNames(value)) {
            return name(Names.read(value));
        }
        if ("requestedAction".equals(field)) {
            return messages.get("approval.action." + value);
        }
        String type = ENUM_FIELDS.get(field);
        return type == null ? written(value) : messages.get("enum." + type + "." + value);
    }

    /**
     * A value as the timeline stored it, in the reader's way: amounts ({@code 129.00 CNY} → "CN¥129.00",
     * "129,00 CN¥"), days and moments in their format and the shop's time zone, each side of a {@code before → after}
     * on its own; any other text as it was written.
     */
    String written(String value) {
        int arrow = value.indexOf(" → ");
        if (arrow > 0) {
            return written(value.substring(0, arrow)) + " → " + written(value.substring(arrow + 3));
        }
        Matcher money = MONEY.matcher(value);
        if (money.matches()) {
            try {
                Money amount = Money.parse(money.group(1), money.group(2));
                return fmt.money(amount);
            } catch (RuntimeException e) {
                return value; // not a currency after all
            }
        }
        try {
            if (DAY.matcher(value).matches()) {
                return fmt.day(LocalDate.parse(value));
            }
            if (MOMENT.matcher(value).matches()) {
                return fmt.dateTime(Instant.parse(value));
            }
        } catch (DateTimeParseException e) {
            return value;
        }
        return value;
    }

    /** A name an admin gave in each language (a sales stage), in the reader's. */
    public String name(Names names) {
        return names == null ? "" : names.in(Languages.tag(LocaleContextHolder.getLocale()));
    }

    /** What a timeline entry says happened: {@code order.approve} → "approved the order". */
    public String action(String action) {
        return messages.get("timeline." + action);
    }

    public String detail(String key) {
        return messages.get("detail." + key);
    }

    /** A channel's name; channels added in the settings have no translation and show their code. */
    /** Several values' labels in one line, in declaration order: "New, Approved, On hold". */
    public String all(Collection<? extends Enum<?>> values) {
        return values.stream()
                .sorted(Comparator.comparingInt(Enum::ordinal))
                .map(this::of)
                .collect(Collectors.joining(", "));
    }

    /** Several values' names joined by commas, as a list filter takes them back: "NEW,APPROVED,ON_HOLD". */
    public String keys(Collection<?> values) {
        return values.stream()
                .map(v -> v instanceof Enum<?> e ? e.name() : String.valueOf(v))
                .sorted()
                .collect(Collectors.joining(","));
    }

    /** Several channels' names in one line. */
    public String channels(Collection<String> codes) {
        return codes.stream().sorted().map(this::channel).collect(Collectors.joining(", "));
    }

    public String channel(String code) {
        return messages.find("channel." + code).orElse(code);
    }

    /** A market's name in the reader's language; one an admin added shows as they named it. */
    public String market(String code, String name) {
        return messages.find("market." + code).orElse(name == null ? code : name);
    }

    /** A payment method's name ({@code ALIPAY} → "Alipay"); a method someone typed shows as they typed it. */
    public String paymentMethod(String code) {
        return code == null ? "" : messages.find("payment.method." + code).orElse(code);
    }

    /**
     * An audit entry's detail as written, with the roles in it by their names: "ada [ADMIN, SALES]" → "ada [Admin,
     * Sales]".
     */
    public String auditDetail(String detail) {
        return detail == null
                ? ""
                : ROLE.matcher(detail)
                        .replaceAll(m -> Matcher.quoteReplacement(
                                messages.find("enum.Role." + m.group()).orElse(m.group())));
    }

    /** Where a request came from; the server's own machine by a name. */
    public String address(String remote) {
        if (remote == null) {
            return "–";
        }
        return switch (remote) {
            case "0:0:0:0:0:0:0:1", "::1", "127.0.0.1" -> messages.get("audit.address.local");
            default -> remote;
        };
    }
}
