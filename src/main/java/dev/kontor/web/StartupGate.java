package dev.kontor.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until Kontor is ready (its start-up work done: the first admin, the demo shop), every request but the health
 * probes is answered 503 with {@code Retry-After}: a page that reloads itself, or problem+json for the API — so
 * nobody signs in as a colleague the demo has not created yet. The same moment the readiness probe turns UP.
 */
@Configuration(proxyBeanMethods = false)
class StartupGate {

    private static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
            <title>Kontor is starting</title></head><body style="font-family:sans-serif;margin:3rem">
            <main><h1>Kontor is starting…</h1>
            <p>Kontor startet … · Kontor 正在启动… · Kontor starter …</p>
            <p>This page reloads by itself in a moment.</p></main></body></html>
            """;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> startupGateFilter(
            ObjectProvider<ApplicationAvailability> availability) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            private volatile boolean ready;

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (ready || isReady(availability) || request.getRequestURI().startsWith("/actuator")) {
                    ready = ready || isReady(availability);
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", "2");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                if (request.getRequestURI().startsWith("/api/")) {
                    response.setContentType("application/problem+json");
                    response.getWriter()
                            .write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                                    + "\"detail\":\"Kontor is starting; try again in a moment.\"}");
                } else {
                    response.setContentType("text/html");
                    response.getWriter().write(PAGE);
                }
            }
        });
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static boolean isReady(ObjectProvider<ApplicationAvailability> availability) {
        ApplicationAvailability known = availability.getIfAvailable();
        return known == null || known.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }
}
