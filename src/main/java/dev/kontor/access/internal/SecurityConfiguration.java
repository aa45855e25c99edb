package dev.kontor.access.internal;

import java.util.Map;

import dev.kontor.access.AccessSettings;
import dev.kontor.access.ApiTokens;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Three filter chains: {@code /api/tokens} (HTTP Basic or a token, so a script can get its first token
 * without a browser), the rest of {@code /api/**} and {@code /actuator/**} (bearer tokens, stateless, no
 * CSRF), and the browser UI (form sign-in, sessions in PostgreSQL, CSRF on every form).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /** bcrypt (its cost from {@code kontor.access.bcrypt-strength}); stored hashes name their algorithm. */
    @Bean
    PasswordEncoder passwordEncoder(AccessSettings settings) {
        var bcrypt = new BCryptPasswordEncoder(settings.bcryptStrength());
        var encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }

    /**
     * No observation around every filter of the chains, nor of each authentication and authorisation: with Micrometer
     * present, Spring Security would otherwise wrap each of a request's dozen filters in an observation that costs
     * more than it tells (issue 20: about 5 % of an order request's CPU). Requests are still observed as a whole
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpointChain(HttpSecurity http, ApiTokens tokens, ProblemResponses problems)
            throws Exception {
        AuthenticationEntryPoint unauthorized = apiUnauthorized(problems, "Basic realm=\"Kontor\", Bearer");
        http.securityMatcher("/api/tokens", "/api/tokens/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class);
        return stateless(http, unauthorized, problems).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
        AuthenticationEntryPoint unauthorized = apiUnauthorized(problems, "Bearer");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class);
        return stateless(http, unauthorized, problems).build();
    }

    /** Health for load balancers, open; metrics for a token holder or a signed-in admin. */
    @Bean
    @Order(3)
    SecurityFilterChain actuatorChain(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
        AuthenticationEntryPoint unauthorized = apiUnauthorized(problems, "Bearer");
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority("ROLE_ADMIN", KontorUser.TOKEN_AUTHORITY))
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(apiForbidden(problems)));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain webChain(HttpSecurity http, LoginSuccess loginSuccess) throws Exception {
        http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/api-docs",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/pay/**",
                                "/d/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(loginSuccess)
                        .failureHandler(loginFailure())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * After sign-in, back to the page the user asked for, never to a piece of one: a navigation count or another
     * htmx request that a page left behind sent after the session ended is not remembered.
     */
    private static RequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(
                request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null);
        return cache;
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> response.sendRedirect(
                request.getContextPath() + (SignInEvents.isLockout(exception) ? "/login?locked" : "/login?error"));
    }

    private static HttpSecurity stateless(
            HttpSecurity http, AuthenticationEntryPoint unauthorized, ProblemResponses problems) throws Exception {
        // a token's request needs no session, no CSRF token, no saved request, no logout, no anonymous user and
        // no servlet-API wrapper around the request (Kontor reads the actor from the security context): each is a
        // filter, or a wrapper every later getAttribute walks through, on every API call (issue 20)
        return http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(apiForbidden(problems)));
    }

    /** 401 that never says whether the name, the password or the token was wrong. */
    private static AuthenticationEntryPoint apiUnauthorized(ProblemResponses problems, String challenge) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", challenge);
            problems.write(
                    response,
                    401,
                    "Unauthorized",
                    "Send a valid API token as 'Authorization: Bearer <token>'.",
                    Map.of());
        };
    }

    private static AccessDeniedHandler apiForbidden(ProblemResponses problems) {
        return (request, response, exception) ->
                problems.write(response, 403, "Forbidden", "You may not do this.", Map.of());
    }
}
