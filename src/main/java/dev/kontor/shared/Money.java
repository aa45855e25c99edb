package dev.kontor.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: integer minor units (cents, fen, øre) of an ISO 4217 currency. Never a double.
 *
 * @param minor    the amount in the currency's minor unit; may be negative for differences
 * @param currency the ISO 4217 code, e.g. {@code EUR}
 */
public record Money(long minor, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!Currencies.isKnown(currency)) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    /**
     * An amount as a person types it ({@code 12,50} or {@code 12.50}) in minor units; {@code null} when empty.
     * Refused as invalid input naming {@code field} when it is not an amount in that currency.
     */
    public static Long parseInput(String typed, String currency, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return parse(typed.strip().replace(',', '.'), currency).minor();
        } catch (NumberFormatException | ArithmeticException e) {
            throw InvalidInputException.of(field, "validation.amount");
        }
    }

    /** Parses a decimal amount such as {@code 12.50} in the currency's minor unit; refuses extra digits. */
    public static Money parse(String amount, String currency) {
        BigDecimal value = new BigDecimal(amount.trim());
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return new Money(value.movePointRight(Math.max(digits, 0)).longValueExact(), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** The amount as a decimal in major units, e.g. {@code 12.50} for 1250 EUR cents. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0));
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency;
    }
}
