package dev.kontor.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps API request bodies (default 1 MB, {@code kontor.api.max-body-size}): a declared length over the cap
 * is answered 413 before anything is read; a chunked body is cut off the moment it passes the cap.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestSizeLimitFilter(
            @Value("${kontor.api.max-body-size:1MB}") DataSize limit,
            @Value("${kontor.imports.max-upload-size:100MB}") DataSize uploads) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(limit, uploads));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * A page's upload over the limit (the import form, a mapping's sample) goes back to the imports page saying so,
     * before anything reads the body (the sign-in and CSRF filters would, and fail on it).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pageUploadLimitFilter(
            @Value("${kontor.imports.max-upload-size:100MB}") DataSize uploads) {
        long cap = uploads.toBytes() + 64 * 1024;
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > cap) {
                    response.setHeader("Connection", "close");
                    response.setStatus(303);
                    response.setHeader(
                            "Location",
                            "/imports?tooLarge="
                                    + (uploads.toMegabytes() > 0
                                            ? uploads.toMegabytes() + "MB"
                                            : uploads.toKilobytes() + "KB"));
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/imports", "/imports/mappings/sample");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {
        private final DataSize bodies;
        private final DataSize uploads;

        Filter(DataSize bodies, DataSize uploads) {
            this.bodies = bodies;
            this.uploads = uploads;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // marketplace files are uploaded to /api/imports, with the uploads' own cap (plus the form around them)
            DataSize limit = "POST".equals(request.getMethod())
                            && request.getRequestURI().equals("/api/imports")
                    ? DataSize.ofBytes(uploads.toBytes() + 64 * 1024)
                    : bodies;
            if (request.getContentLengthLong() > limit.toBytes()) {
                response.setStatus(413);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Connection", "close");
                response.getWriter()
                        .write(new JsonMapper()
                                .writeValueAsString(Map.of(
                                        "type",
                                        "https://kontor.dev/problems/too-large",
                                        "title",
                                        "Content Too Large",
                                        "status",
                                        413,
                                        "detail",
                                        "The request body is larger than " + limit.toMegabytes() + " MB.")));
                return;
            }
            chain.doFilter(new Capped(request, limit), response);
        }
    }

    private static final class Capped extends HttpServletRequestWrapper {
        private final DataSize limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final DataSize limit;
        private long count;

        CountingStream(ServletInputStream in, DataSize limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            count += n;
            if (count > limit.toBytes()) {
                throw new PayloadTooLargeException(limit.toMegabytes() + " MB");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
