package dev.kontor.access.web;

import dev.kontor.access.Users;
import dev.kontor.access.internal.KontorUser;
import dev.kontor.web.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A signed-in user who switches the language keeps it: the next sign-in, on any device, speaks it. */
@Configuration(proxyBeanMethods = false)
class LanguagePreference implements WebMvcConfigurer, HandlerInterceptor {

    private final Users users;

    LanguagePreference(Users users) {
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String lang = request.getParameter("lang");
        if (lang != null
                && "GET".equals(request.getMethod())
                && SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof KontorUser user) {
            Languages.parse(lang).ifPresent(locale -> users.setLanguage(user.actor(), Languages.tag(locale)));
        }
        return true;
    }
}
