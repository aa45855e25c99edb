package dev.kontor.web;

import java.io.IOException;
import java.io.Writer;

import jakarta.servlet.http.HttpServletResponse;

/** Files the browser saves rather than shows. */
public final class Downloads {

    private Downloads() {}

    /**
     * Starts a UTF-8 CSV answer saved under {@code filename} (none: the client decides) and gives its writer. Call it
     * only once the request is known to be good: what is written after it cannot become an error page.
     */
    public static Writer csv(HttpServletResponse response, String filename) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        if (filename != null) {
            response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        }
        return response.getWriter();
    }
}
