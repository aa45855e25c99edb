package dev.kontor.imports;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file as it was uploaded: its name, its size and a way to read it (a multipart part can be read more than once).
 */
public record Upload(String name, long size, Content content) {

    /** Opens the file's bytes from the start. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
