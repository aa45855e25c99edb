package dev.kontor.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method without asking every mapping the whole question (issue 20). Spring MVC looks a
 * path with a variable ({@code /api/orders/{id}/approve}) up by trying each of Kontor's ~330 mappings in turn, and
 * every try asks the request for its method, twice, through the five wrappers the filters put around it: a tenth of
 * an approval's CPU in Kontor. Here a lookup hands the mappings a request that answers its method from a field, and a
 * mapping none of whose patterns starts like the path (the literal text before its first variable or wildcard) says
 * no at once. A mapping is never accepted here, only rejected early, so what matches is what Spring MVC would match.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

    @Bean
    WebMvcRegistrations prefixedHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixedMapping();
            }
        };
    }

    static final class PrefixedMapping extends RequestMappingHandlerMapping {

        private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            return super.lookupHandlerMethod(lookupPath, new Lookup(request, lookupPath));
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            if (request instanceof Lookup lookup && lookup.literal && !startsLikeAny(lookup.path, prefixes(info))) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private String[] prefixes(RequestMappingInfo info) {
            return prefixes.computeIfAbsent(info, PrefixedMapping::literalStarts);
        }

        private static boolean startsLikeAny(String path, String[] starts) {
            if (starts.length == 0) {
                return true;
            }
            for (String start : starts) {
                if (path.startsWith(start)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Each pattern's text up to the last {@code /} before its first variable or wildcard ({@code /api/orders} for
         * {@code /api/orders/{id}/approve}, {@code /webjars} for {@code /webjars/**}, which matches {@code /webjars}
         * too); a path that does not start so cannot match the pattern. None (no check) for a mapping without
         * path patterns.
         */
        static String[] literalStarts(RequestMappingInfo info) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            Set<PathPattern> patterns = condition == null ? Set.of() : condition.getPatterns();
            String[] starts = new String[patterns.size()];
            int i = 0;
            for (PathPattern pattern : patterns) {
                String text = pattern.getPatternString();
                int special = indexOfAny(text, "{*?");
                starts[i++] = special < 0 ? text : text.substring(0, Math.max(0, text.lastIndexOf('/', special)));
            }
            return starts;
        }

        private static int indexOfAny(String text, String chars) {
            for (int i = 0; i < text.length(); i++) {
                if (chars.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * The request as the mappings see it during one lookup. Its method comes from a field; the path is compared
     * literally only when it holds no escaped character and no matrix parameter (which a pattern matches decoded and
     * without), otherwise every mapping is asked as Spring MVC asks it.
     */
    static final class Lookup extends HttpServletRequestWrapper {

        private final String method;
        private final String path;
        private final boolean literal;

        Lookup(HttpServletRequest request, String path) {
            super(request);
            this.method = request.getMethod();
            this.path = path;
            this.literal = path.indexOf('%') < 0 && path.indexOf(';') < 0;
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
