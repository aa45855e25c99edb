package dev.kontor.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes as the JDK knows them. */
public final class Countries {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Countries() {}

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    /**
     * The code of a country written as a code ({@code us}) or by its name in English, German, Chinese or Norwegian
     * ({@code United States}, {@code Deutschland}, {@code 中国}), as marketplace exports write it; empty when unknown.
     */
    public static Optional<String> codeOf(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String value = written.strip();
        String upper = value.toUpperCase(Locale.ROOT);
        if (CODES.contains(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(BY_NAME.get(value.toLowerCase(Locale.ROOT)));
    }

    private static final Map<String, String> BY_NAME = names();

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        List<Locale> languages =
                List.of(Locale.ENGLISH, Locale.GERMAN, Locale.SIMPLIFIED_CHINESE, Locale.forLanguageTag("nb"));
        for (String code : CODES) {
            Locale country = new Locale.Builder().setRegion(code).build();
            for (Locale language : languages) {
                names.putIfAbsent(country.getDisplayCountry(language).toLowerCase(Locale.ROOT), code);
            }
        }
        names.put("usa", "US");
        names.put("uk", "GB");
        names.put("great britain", "GB");
        return Map.copyOf(names);
    }
}
