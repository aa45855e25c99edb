package dev.kontor.access;

import dev.kontor.shared.InvalidInputException;

/** What a password must be: long enough (NIST SP 800-63B favours length over composition rules). */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    public static void check(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw InvalidInputException.of(field, "validation.password.too-short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw InvalidInputException.of(field, "validation.too-long", MAX_LENGTH);
        }
    }
}
