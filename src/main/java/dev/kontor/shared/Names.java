package dev.kontor.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A name an admin gives in each of Kontor's languages (a sales stage, a lost reason), keyed by the language's tag
 * ({@code en}, {@code de}, {@code zh_CN}, {@code nb}). Read in a language it falls back to English, then to any
 * name given. Stored as a JSON object, also in a timeline entry, which then keeps the name as it was.
 */
public record Names(Map<String, String> byLanguage) {

    /** The languages names are given in, as the message bundles are. */
    public static final List<String> LANGUAGES = List.of("en", "de", "zh_CN", "nb");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    public Names {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String name = byLanguage == null ? null : Text.clean(byLanguage.get(language));
            if (name != null) {
                kept.put(language, name);
            }
        }
        byLanguage = Map.copyOf(kept);
    }

    /** From JSON: {@code {"en": "Negotiation", "de": "Verhandlung"}}. */
    @JsonCreator
    public static Names from(Map<String, String> byLanguage) {
        return new Names(byLanguage);
    }

    /** The names a form sends as {@code <prefix>.en}, {@code <prefix>.de}… */
    public static Names fromForm(Map<String, String> form, String prefix) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            names.put(language, form.get(prefix + "." + language));
        }
        return new Names(names);
    }

    public static Names of(String english) {
        return new Names(Map.of("en", english));
    }

    /** The name in a language ({@code de}, {@code zh_CN}…), else in English, else any. */
    public String in(String language) {
        String name = byLanguage.get(language);
        if (name != null) {
            return name;
        }
        name = byLanguage.get("en");
        return name != null ? name : byLanguage.values().stream().findFirst().orElse("");
    }

    /** As JSON: the names by language, {@code {"en": "…", "de": "…"}}. */
    @JsonValue
    public Map<String, String> asJson() {
        return byLanguage;
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    public String json() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            if (byLanguage.containsKey(language)) {
                ordered.put(language, byLanguage.get(language));
            }
        }
        return JSON.writeValueAsString(ordered);
    }

    public static Names read(String json) {
        return json == null ? new Names(Map.of()) : new Names(JSON.readValue(json, MAP));
    }

    /** Whether a stored text is a names object (a timeline value written by {@link #json()}). */
    public static boolean looksLikeNames(String value) {
        return value != null && value.startsWith("{\"");
    }
}
