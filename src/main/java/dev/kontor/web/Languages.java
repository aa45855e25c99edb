package dev.kontor.web;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Kontor's UI is written in; every message bundle has every key in each. */
public final class Languages {

    /** The cookie that remembers a visitor's choice of language. */
    public static final String COOKIE = "kontor-lang";

    public static final List<Locale> SUPPORTED =
            List.of(Locale.ENGLISH, Locale.GERMAN, Locale.SIMPLIFIED_CHINESE, Locale.forLanguageTag("nb"));

    private Languages() {}

    /** The supported locale for a {@code lang} value such as {@code zh_CN}, {@code zh-CN} or {@code de}. */
    public static Optional<Locale> parse(String value) {
        if (value == null || value.isBlank() || value.length() > 10) {
            return Optional.empty();
        }
        Locale wanted = Locale.forLanguageTag(value.strip().replace('_', '-'));
        return SUPPORTED.stream()
                .filter(l -> l.equals(wanted))
                .findFirst()
                .or(() -> SUPPORTED.stream()
                        .filter(l -> l.getLanguage().equals(wanted.getLanguage()))
                        .findFirst());
    }

    /** The best supported locale for what the browser asks for; English when nothing fits. */
    public static Locale bestFor(Enumeration<Locale> requested) {
        while (requested != null && requested.hasMoreElements()) {
            Locale candidate = requested.nextElement();
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(candidate.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** The tag used in URLs and settings: {@code en}, {@code de}, {@code zh_CN}, {@code nb}. */
    public static String tag(Locale locale) {
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
    }
}
