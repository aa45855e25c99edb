package dev.kontor.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every page's layout needs to know: where the user is, for the navigation. Added to a page's model once its
 * handler has chosen a view, so an API request (no view) pays nothing for it — as a {@code @ControllerAdvice}'s
 * model attribute it was invoked, and its advice matched by annotation, on every request (issue 20).
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer {

    static final String CURRENT_PATH = "currentPath";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(
                    HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
                if (page != null && rendersHere(page) && !page.getModelMap().containsAttribute(CURRENT_PATH)) {
                    page.addObject(CURRENT_PATH, currentPath(request));
                }
            }
        });
    }

    /** Not a redirect or forward: a redirect's model would become its URL's query. */
    private static boolean rendersHere(ModelAndView page) {
        String name = page.getViewName();
        return !(page.getView() instanceof RedirectView)
                && (name == null || !(name.startsWith("redirect:") || name.startsWith("forward:")));
    }

    static String currentPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return forwarded != null ? forwarded.toString() : request.getRequestURI();
    }
}
