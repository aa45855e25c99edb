package dev.kontor.imports;

import dev.kontor.shared.Message;

/**
 * What the checks found, where: a file's line and column (the column as the file names it, or a field's label key
 * such as {@code field.placedAt} when no single column is meant), the order if it is known.
 *
 * @param code what kind of problem it is (its message key), for filtering
 */
public record ImportProblem(
        long id,
        String fileName,
        Long line,
        String column,
        String externalId,
        Severity severity,
        String code,
        Message message) {}
