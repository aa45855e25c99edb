package dev.kontor.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (the version src/test/axe/package-lock.json pins, installed by the build) over every page of the back
 * office and the sign-in page, in English and Chinese: no violation of any impact — contrast, names, labels,
 * landmarks, table headers. Each violation is reported with its rule, impact and the elements it found.
 */
@KontorTest
class AccessibilityTest extends PageWalk {

    private static final Path AXE = Path.of("src", "test", "axe", "node_modules", "axe-core", "axe.min.js");

    private String axe() throws Exception {
        if (!Files.isRegularFile(AXE)) {
            throw new IllegalStateException("axe-core is missing at " + AXE
                    + ": the build installs it (npm ci in src/test/axe); run ./mvnw verify"
                    + " or npm ci --prefix src/test/axe");
        }
        return Files.readString(AXE);
    }

    /** The violations axe finds on the page as it is now: "rule (impact): element, element". */
    @SuppressWarnings("unchecked")
    private List<String> violations(String axeSource) {
        page.evaluate(axeSource); // evaluated by the browser's debugger, so the page's CSP does not stop it
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate("async () => {"
                + " const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + "   nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')"
                + "     .replace(/\\s+/g, ' ').slice(0, 160))})); }");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : found) {
            lines.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " — " + v.get("nodes"));
        }
        return lines;
    }

    @Test
    void everyPageHasNoViolationOfAnyImpact() throws Exception {
        String axeSource = axe();
        Map<String, List<String>> found = new LinkedHashMap<>();
        page.navigate(url("/login?lang=en"));
        List<String> login = violations(axeSource);
        if (!login.isEmpty()) {
            found.put("/login", login);
        }
        Actor admin = fixtures.user("ada");
        prepare(admin);
        signIn("ada");
        for (String path : pages()) {
            for (String lang : List.of("en", "zh_CN")) {
                String at = path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
                page.navigate(url(at));
                List<String> violations = violations(axeSource);
                if (!violations.isEmpty()) {
                    found.put(at, violations);
                }
            }
        }
        assertThat(found).as("axe-core violations").isEmpty();
    }
}
