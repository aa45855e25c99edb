package dev.kontor.access.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.kontor.access.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A request without that header passes on
 * untouched; one with a wrong, revoked or foreign token is answered 401 at once. Not a Spring bean, so
 * Boot does not also register it for every request.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var actor = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (actor.isEmpty()) {
            SecurityContextHolder.clearContext();
            AuthenticationException failure = new BadCredentialsException("invalid token");
            entryPoint.commence(request, response, failure);
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(KontorUser.authoritiesOf(actor.get()));
        authorities.add(new SimpleGrantedAuthority(KontorUser.TOKEN_AUTHORITY));
        var principal = new KontorUser(actor.get(), null, true);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
