package dev.kontor.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kontor's handler lookup (which rejects a mapping early when its patterns cannot match the path) finds, for every
 * path of every one of Kontor's mappings, the controller method Spring MVC's own rule finds: every mapping asked,
 * the best of those that match.
 */
@KontorTest
class HandlerLookupTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theApplicationUsesThePrefixedLookup() {
        assertThat(mapping).isInstanceOf(HandlerLookup.PrefixedMapping.class);
    }

    @Test
    void everyMappingsPathsFindWhatSpringMvcWouldFind() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo info : all.keySet()) {
            String method = info.getMethodsCondition().getMethods().stream()
                    .findFirst()
                    .map(Enum::name)
                    .orElse("GET");
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                for (String path : samplePaths(pattern.getPatternString())) {
                    Method expected = springMvcsChoice(all, request(info, method, path));
                    assertThat(found(request(info, method, path)))
                            .as("%s %s (from %s)", method, path, pattern)
                            .isEqualTo(expected);
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).as("paths tried").hasSizeGreaterThan(300);
    }

    @Test
    void anEscapedOrMatrixPathIsMatchedAsSpringMvcMatchesIt() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        for (String path : List.of("/api/%6Frders/7/approve", "/api;v=1/orders/7/approve", "/api/orders/7/approve")) {
            Method expected = springMvcsChoice(all, request("POST", "/api/orders/7/approve"));
            assertThat(expected).isNotNull();
            assertThat(found(request("POST", path))).as(path).isEqualTo(expected);
        }
        assertThat(found(request("POST", "/api/ordersX/7/approve"))).isNull();
    }

    @Test
    void aPatternStartsWithItsTextUpToTheSlashBeforeItsFirstVariableOrWildcard() {
        assertThat(starts("/api/orders/{id}/approve")).containsExactly("/api/orders");
        assertThat(starts("/webjars/**")).as("/webjars/** matches /webjars").containsExactly("/webjars");
        assertThat(starts("/files/report-?.csv")).containsExactly("/files");
        assertThat(starts("/{path}")).containsExactly("");
        assertThat(starts("/api/orders")).containsExactly("/api/orders");
    }

    private static String[] starts(String pattern) {
        RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(PathPatternParser.defaultInstance);
        return HandlerLookup.PrefixedMapping.literalStarts(
                RequestMappingInfo.paths(pattern).options(options).build());
    }

    /** The pattern with each variable filled, and for a trailing {@code /**} also the path without it. */
    private static List<String> samplePaths(String pattern) {
        String filled = pattern.replaceAll("\\{\\*[^}]+}", "a/b")
                .replaceAll("\\{[^}]+}", "7")
                .replace("**", "a/b")
                .replace("*", "x")
                .replace("?", "q");
        List<String> paths = new ArrayList<>(List.of(filled.isEmpty() ? "/" : filled));
        if (pattern.endsWith("/**")) {
            paths.add(pattern.substring(0, pattern.length() - 3));
        }
        return paths;
    }

    private Method found(MockHttpServletRequest request) throws Exception {
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod();
    }

    /** Spring MVC's rule without any shortcut: every mapping asked, the best match by its own comparison. */
    private static Method springMvcsChoice(Map<RequestMappingInfo, HandlerMethod> all, MockHttpServletRequest request) {
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> matches = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : all.entrySet()) {
            RequestMappingInfo match = entry.getKey().getMatchingCondition(request);
            if (match != null) {
                matches.add(Map.entry(match, entry.getValue()));
            }
        }
        return matches.stream()
                .min(Comparator.comparing(Map.Entry::getKey, (a, b) -> a.compareTo(b, request)))
                .map(entry -> entry.getValue().getMethod())
                .orElse(null);
    }

    /** A request the mapping asks for: its content type, accepted type, parameters and headers. */
    private static MockHttpServletRequest request(RequestMappingInfo info, String method, String path) {
        MockHttpServletRequest request = request(method, path);
        info.getConsumesCondition().getConsumableMediaTypes().stream()
                .filter(type -> !type.isWildcardType())
                .findFirst()
                .ifPresent(type -> request.setContentType(type.toString()));
        info.getProducesCondition().getProducibleMediaTypes().stream()
                .findFirst()
                .ifPresent(type -> request.addHeader("Accept", type.toString()));
        info.getParamsCondition().getExpressions().stream()
                .filter(expression -> !expression.isNegated())
                .forEach(expression -> request.addParameter(
                        expression.getName(), expression.getValue() == null ? "1" : expression.getValue()));
        info.getHeadersCondition().getExpressions().stream()
                .filter(expression -> !expression.isNegated())
                .forEach(expression -> request.addHeader(
                        expression.getName(), expression.getValue() == null ? "1" : expression.getValue()));
        return request;
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "*/*");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
