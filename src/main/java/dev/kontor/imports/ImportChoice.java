package dev.kontor.imports;

import dev.kontor.imports.read.ImportFormat;

/**
 * What the user chose on upload; each may be {@code null}.
 *
 * @param format the files' format, when the header alone does not tell (a file of several marketplaces' columns)
 * @param channel the channel the orders come from: {@code TMALL} for Tmall's files, which look like Taobao's
 * @param name the batch's name; the day and a running number when absent
 */
public record ImportChoice(ImportFormat format, String channel, String name) {

    public static final ImportChoice NONE = new ImportChoice(null, null, null);
}
