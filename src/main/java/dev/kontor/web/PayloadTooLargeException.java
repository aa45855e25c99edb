package dev.kontor.web;

import java.io.IOException;

/** A request body went past the limit while it was being read. */
public class PayloadTooLargeException extends IOException {

    private final String limit;

    public PayloadTooLargeException(String limit) {
        super("Request body larger than " + limit);
        this.limit = limit;
    }

    public String limit() {
        return limit;
    }
}
