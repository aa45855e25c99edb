package dev.kontor.documents;

import java.util.regex.Pattern;

/** The plain-text part of a mail, from its HTML: tags dropped, blocks on their own lines, links kept. */
final class MailText {

    private static final Pattern LINK =
            Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BLOCK_END =
            Pattern.compile("</(p|div|h[1-6]|tr|li|table)>|<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CELL_END = Pattern.compile("</t[dh]>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern STYLE =
            Pattern.compile("<(style|head)[^>]*>.*?</\\1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private MailText() {}

    static String of(String html) {
        String text = STYLE.matcher(html).replaceAll("");
        text = LINK.matcher(text).replaceAll("$2: $1");
        text = BLOCK_END.matcher(text).replaceAll("\n");
        text = CELL_END.matcher(text).replaceAll("  ");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty() || (!out.isEmpty() && !out.toString().endsWith("\n\n"))) {
                out.append(stripped).append('\n');
            }
        }
        return out.toString().strip() + "\n";
    }
}
