package dev.kontor.shared;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO 4217 currency codes as the JDK knows them. */
public final class Currencies {

    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private Currencies() {}

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    /** Digits after the decimal point: 2 for EUR, 0 for JPY. */
    public static int fractionDigits(String code) {
        return Math.max(Currency.getInstance(code).getDefaultFractionDigits(), 0);
    }
}
