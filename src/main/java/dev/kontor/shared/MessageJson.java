package dev.kontor.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Message} as JSON, for a JSONB column: {@code {"key": "…", "args": ["x", 3, {"label": "enum.…"},
 * {"minor": 1250, "currency": "EUR"}, {"names": {"en": "Hall", "de": "Halle"}}], "field": "…"}}, or
 * {@code {"text": "…"}}.
 */
public final class MessageJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private MessageJson() {}

    public static String write(Message message) {
        if (message == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        if (message.key() == null) {
            json.put("text", message.text());
            return JSON.writeValueAsString(json);
        }
        json.put("key", message.key());
        List<Object> args = new ArrayList<>();
        for (Object arg : message.args()) {
            if (arg instanceof Message.Label label) {
                args.add(Map.of("label", label.key()));
            } else if (arg instanceof Message.Amount amount) {
                args.add(Map.of("minor", amount.minor(), "currency", amount.currency()));
            } else if (arg instanceof Names names) {
                args.add(Map.of("names", names.byLanguage()));
            } else {
                args.add(arg);
            }
        }
        json.put("args", args);
        if (message.field() != null) {
            json.put("field", message.field());
        }
        return JSON.writeValueAsString(json);
    }

    public static Message read(String value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> json = JSON.readValue(value, MAP);
        if (json.get("key") == null) {
            return Message.text(String.valueOf(json.get("text")));
        }
        List<Object> args = new ArrayList<>();
        if (json.get("args") instanceof List<?> written) {
            for (Object arg : written) {
                if (arg instanceof Map<?, ?> amount && amount.containsKey("currency")) {
                    args.add(new Message.Amount(
                            ((Number) amount.get("minor")).longValue(), String.valueOf(amount.get("currency"))));
                } else if (arg instanceof Map<?, ?> names && names.get("names") instanceof Map<?, ?> byLanguage) {
                    Map<String, String> read = new LinkedHashMap<>();
                    byLanguage.forEach((k, v) -> read.put(String.valueOf(k), String.valueOf(v)));
                    args.add(new Names(read));
                } else if (arg instanceof Map<?, ?> label) {
                    args.add(new Message.Label(String.valueOf(label.get("label"))));
                } else {
                    args.add(arg);
                }
            }
        }
        return new Message((String) json.get("key"), args, (String) json.get("field"), null);
    }
}
