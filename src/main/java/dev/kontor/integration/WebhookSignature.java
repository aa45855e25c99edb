package dev.kontor.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed (docs/webhooks.md): {@code Kontor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body" with the secret>}, one {@code v1} per secret in force (two while a rotated secret overlaps). A receiver
 * computes the HMAC with its secret, compares in constant time, and refuses a timestamp older than a few minutes (a
 * replayed request). Plain Java.
 */
public final class WebhookSignature {

    /** The header that carries the signature. */
    public static final String HEADER = "Kontor-Signature";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new secret: 32 random bytes, URL-safe Base64, prefixed so it is recognised in a leak. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header's value for a body sent at {@code epochSeconds}, signed with each of the secrets. */
    public static String header(long epochSeconds, String body, List<String> secrets) {
        List<String> parts = new ArrayList<>();
        parts.add("t=" + epochSeconds);
        for (String secret : secrets) {
            parts.add("v1=" + hmac(secret, epochSeconds + "." + body));
        }
        return String.join(",", parts);
    }

    /** Whether a header signs this body with this secret (what a receiver checks; used in tests). */
    public static boolean verifies(String header, String body, String secret) {
        String t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                signatures.add(part.substring(3));
            }
        }
        if (t == null) {
            return false;
        }
        byte[] expected = hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
        return signatures.stream()
                .anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII)));
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
