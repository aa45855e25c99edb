package dev.kontor.imports;

import dev.kontor.imports.read.ImportFormat;

/** A file of a batch as it was uploaded, kept with the batch's report. */
public record ImportFile(String name, ImportFormat format, String encoding, int rows, long bytes, String sha256) {}
