package dev.kontor.access;

/**
 * A token just made: the only moment its secret is known, so the caller shows it once.
 *
 * @param token the bearer token, e.g. {@code kontor_Vb4…}
 */
public record IssuedToken(ApiToken info, String token) {}
