package dev.kontor.access.internal;

import java.io.IOException;
import java.util.Locale;

import dev.kontor.access.User;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;

/** After sign-in: switch to the user's own language, if they chose one, then go where they were going. */
@Component
class LoginSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    private final UserRepository users;
    private final LocaleResolver localeResolver;

    LoginSuccess(UserRepository users, LocaleResolver localeResolver) {
        this.users = users;
        this.localeResolver = localeResolver;
        setDefaultTargetUrl("/orders");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof KontorUser user
                && user.actor().userId() != null) {
            users.findById(user.actor().userId())
                    .map(User::language)
                    .filter(StringUtils::hasText)
                    .ifPresent(language -> localeResolver.setLocale(
                            request, response, Locale.forLanguageTag(language.replace('_', '-'))));
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
