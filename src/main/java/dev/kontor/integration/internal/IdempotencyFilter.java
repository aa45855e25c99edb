package dev.kontor.integration.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on creating API calls (POST). The key is claimed by inserting it in the same
 * transaction as the command: a concurrent request with the same key waits on the key's unique index
 * until the first commits, then gets the first one's stored answer. A request that fails (any status but
 * 2xx) stores nothing, so the client may fix it and retry with the same key. The same key with a
 * different body is refused with 422.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    private record Stored(byte[] hash, int status, String contentType, String location, String etag, byte[] body) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (key.isEmpty() || key.length() > 255 || authentication == null) {
            problem(response, 400, "The Idempotency-Key header must be 1 to 255 characters.");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        byte[] hash = hash(request.getMethod(), request.getRequestURI(), body);
        String owner = authentication.getName();
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        Exception[] failure = new Exception[1];
        Optional<Stored> replay = transaction.execute(status -> {
            boolean claimed = jdbc.sql("""
                            INSERT INTO idempotency_keys (owner, idempotency_key, request_method, request_path,
                                request_hash, created_at)
                            VALUES (:owner, :key, :method, :path, :hash, :now)
                            ON CONFLICT (owner, idempotency_key) DO NOTHING RETURNING 1""")
                    .param("owner", owner)
                    .param("key", key)
                    .param("method", request.getMethod())
                    .param("path", request.getRequestURI())
                    .param("hash", hash)
                    .param("now", Timestamp.from(clock.instant()))
                    .query(Integer.class)
                    .optional()
                    .isPresent();
            if (!claimed) {
                return Optional.of(stored(owner, key));
            }
            try {
                chain.doFilter(new CachedBody(request, body), wrapped);
            } catch (IOException | ServletException e) {
                failure[0] = e;
                status.setRollbackOnly();
                return Optional.empty();
            }
            if (wrapped.getStatus() / 100 != 2) {
                status.setRollbackOnly();
                return Optional.empty();
            }
            remember(owner, key, wrapped);
            return Optional.empty();
        });
        if (failure[0] instanceof IOException io) {
            throw io;
        }
        if (failure[0] instanceof ServletException servlet) {
            throw servlet;
        }
        if (replay.isPresent()) {
            replay(replay.get(), hash, response);
        } else {
            wrapped.copyBodyToResponse();
        }
    }

    private Stored stored(String owner, String key) {
        return jdbc.sql("""
                        SELECT request_hash, response_status, response_content_type, response_location, response_etag,
                               response_body
                        FROM idempotency_keys WHERE owner = :owner AND idempotency_key = :key""")
                .param("owner", owner)
                .param("key", key)
                .query((rs, n) -> new Stored(
                        rs.getBytes(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBytes(6)))
                .single();
    }

    private void remember(String owner, String key, ContentCachingResponseWrapper response) {
        jdbc.sql("""
                        UPDATE idempotency_keys SET response_status = :status, response_content_type = :type,
                            response_location = :location, response_etag = :etag, response_body = :body
                        WHERE owner = :owner AND idempotency_key = :key""")
                .param("status", response.getStatus())
                .param("type", response.getContentType())
                .param("location", response.getHeader(HttpHeaders.LOCATION))
                .param("etag", response.getHeader(HttpHeaders.ETAG))
                .param("body", response.getContentAsByteArray())
                .param("owner", owner)
                .param("key", key)
                .update();
    }

    private static void replay(Stored stored, byte[] hash, HttpServletResponse response) throws IOException {
        if (!Arrays.equals(stored.hash(), hash)) {
            problem(response, 422, "This Idempotency-Key was already used for a different request.");
            return;
        }
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"https://kontor.dev/problems/idempotency-key\",\"title\":\""
                        + (status == 422 ? "Unprocessable Content" : "Bad Request") + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"field\":\"Idempotency-Key\"}");
    }

    private static byte[] hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so it can be hashed and still be parsed. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // The body is already in memory: everything is available at once.
                    try {
                        if (!isFinished()) {
                            listener.onDataAvailable();
                        }
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
