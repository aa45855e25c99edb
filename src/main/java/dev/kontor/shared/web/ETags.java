package dev.kontor.shared.web;

import dev.kontor.shared.InvalidInputException;

/** Versions as HTTP entity tags: version 3 is {@code "3"}. */
public final class ETags {

    private ETags() {}

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names, or {@code null} when there is none (the update then
     * applies to whatever is current). {@code *} also means "any".
     */
    public static Integer parseIfMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("If-Match", "validation.if-match");
        }
    }
}
