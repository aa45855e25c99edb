package dev.kontor.imports;

import dev.kontor.imports.read.ImportFormat;

/**
 * A file of a batch as it was uploaded, kept with the batch's report.
 *
 * @param mappingId the saved mapping a generic file was read through
 */
public record ImportFile(
        String name, ImportFormat format, String encoding, int rows, long bytes, String sha256, Long mappingId) {}
