package dev.kontor.web;

import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Marks what a search matched in a text, as HTML for {@code th:utext} (computed by the controller: templates may not
 * call beans from unescaped output). The text is escaped; only the {@code <mark>} elements are markup.
 */
public final class Highlight {

    private Highlight() {}

    public static String mark(String text, String query) {
        if (text == null) {
            return "";
        }
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > text.length()) {
            return HtmlUtils.htmlEscape(text);
        }
        String lowerText = text.toLowerCase(Locale.ROOT);
        String lowerQuery = q.toLowerCase(Locale.ROOT);
        if (lowerText.length() != text.length()) {
            return HtmlUtils.htmlEscape(text); // case folding changed the length: offsets would not line up
        }
        StringBuilder html = new StringBuilder();
        int from = 0;
        int at;
        while ((at = lowerText.indexOf(lowerQuery, from)) >= 0) {
            html.append(HtmlUtils.htmlEscape(text.substring(from, at)))
                    .append("<mark>")
                    .append(HtmlUtils.htmlEscape(text.substring(at, at + q.length())))
                    .append("</mark>");
            from = at + q.length();
        }
        return html.append(HtmlUtils.htmlEscape(text.substring(from))).toString();
    }
}
