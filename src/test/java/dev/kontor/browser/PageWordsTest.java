package dev.kontor.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kontor.access.Actor;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a back-office user opens, in the four languages, read as its user reads it: no enum constant or message
 * key on the screen (a translated label instead), no two navigation entries and no two headers of one table with the
 * same label. It walks the pages with data on them (an order paid by Alipay and partly refunded, a customer, an
 * import), so that what the lists and panels print is printed.
 */
@KontorTest
class PageWordsTest extends PageWalk {

    private static final List<String> LANGUAGES = List.of("en", "de", "zh_CN", "nb");

    /** Words that are enum constants somewhere but mean the same to every reader. */
    private static final Set<String> FINE = Set.of("DHL", "UPS", "GLS", "DPD", "SF", "EMS", "EUR", "CNY", "NOK", "USD");

    private static final Pattern KEY =
            Pattern.compile("(?<![@/\\w.])[a-z]+(?:\\.[a-z][a-zA-Z]*(?:-[a-z]+)*){2,}(?![\\w.])");

    /** Every enum constant of Kontor's own enums: what a template must not print as it is. */
    private static Set<String> enumConstants() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scan.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        Set<String> constants = new TreeSet<>();
        for (var candidate : scan.findCandidateComponents("dev.kontor")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isEnum() && !type.getName().contains("Test")) {
                for (Object constant : type.getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    if (name.length() > 1 && !FINE.contains(name)) {
                        constants.add(name);
                    }
                }
            }
        }
        constants.addAll(List.of("ALIPAY", "BANK_TRANSFER", "CARD", "PAYPAL", "CASH_ON_DELIVERY", "INVOICE"));
        return constants;
    }

    @Test
    void noPageShowsACodeOrTwoEqualLabels() throws Exception {
        Actor admin = fixtures.user("ada");
        prepare(admin);
        signIn("ada");
        Set<String> constants = enumConstants();
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String path : pages()) {
            for (String lang : LANGUAGES) {
                String at = path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
                var response = page.navigate(url(at));
                List<String> problems = new ArrayList<>();
                if (response.status() >= 400) {
                    problems.add("answered " + response.status());
                }
                // the words as written, not as a style shows them (table headers in capitals)
                page.evaluate("() => document.querySelectorAll('*').forEach(e =>"
                        + " e.style.setProperty('text-transform', 'none', 'important'))");
                String text =
                        (String) page.evaluate("() => (document.querySelector('main') || document.body).innerText");
                Matcher word = Pattern.compile("[A-Za-z0-9_]+").matcher(text);
                while (word.find()) {
                    if (constants.contains(word.group())) {
                        String around = text.substring(
                                        Math.max(0, word.start() - 25), Math.min(text.length(), word.end() + 25))
                                .replaceAll("\\s+", " ");
                        problems.add("code " + word.group() + " in \"" + around + "\"");
                    }
                }
                Matcher key = KEY.matcher(text);
                while (key.find()) {
                    problems.add("message key " + key.group());
                }
                if (text.contains("??")) {
                    problems.add("a missing message (??…??)");
                }
                Number wide = (Number) page.evaluate("() => document.documentElement.scrollWidth");
                Number window = (Number) page.evaluate("() => window.innerWidth");
                if (wide.intValue() > window.intValue()) {
                    problems.add("wider than the window: " + wide + " px");
                }
                problems.addAll(duplicates("navigation", texts("nav.mainnav a")));
                @SuppressWarnings("unchecked")
                List<List<String>> tables =
                        (List<List<String>>) page.evaluate("() => [...document.querySelectorAll('main table')].map(t =>"
                                + " [...t.querySelectorAll('thead th')].map(th => th.innerText.trim()))");
                for (List<String> headers : tables) {
                    problems.addAll(duplicates("table header", headers));
                }
                if (!problems.isEmpty()) {
                    found.put(at, problems.stream().distinct().toList());
                }
            }
        }
        assertThat(found).as("pages showing codes or equal labels").isEmpty();

        // a search that finds nobody does not count everybody above "No customers match"
        page.navigate(url("/customers?lang=en&q=nobody-by-this-name"));
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#customer-count"))
                .hasCount(0);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("p.empty"))
                .hasText("No customers match.");
        page.navigate(url("/customers?lang=en&q=Schmidt"));
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#customer-count"))
                .hasText(Pattern.compile("^One of \\d+ customers match$"));
    }

    /**
     * The order list's filters at 1,440 px, as the issue measured them: the tabs on one line, the search with its
     * buttons on one, what narrows on the next (never Reset or a tab alone on a line), the placeholder whole.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theOrderListsFiltersKeepTheirRowsInEveryLanguage() throws Exception {
        Actor admin = fixtures.user("ada");
        prepare(admin);
        signIn("ada");
        page.setViewportSize(1440, 900);
        List<String> problems = new ArrayList<>();
        for (String lang : LANGUAGES) {
            page.navigate(url("/orders?lifecycle=NEW&channel=TAOBAO&lang=" + lang));
            List<Number> rows = (List<Number>) page.evaluate("() => ['nav.tabs', '.filters .search-row',"
                    + " '.filters > .filter-row:not(.search-row)'].map(s => { const tops = [...document"
                    + ".querySelector(s).children].filter(e => e.offsetParent !== null).map(e =>"
                    + " e.getBoundingClientRect().top); return 1 + Math.floor((Math.max(...tops) - Math.min(...tops))"
                    + " / 20); })");
            if (rows.stream().anyMatch(n -> n.intValue() != 1)) {
                problems.add(lang + ": lines of tabs, search and filters " + rows);
            }
            Boolean whole = (Boolean) page.evaluate("() => { const i = document.querySelector('.filters"
                    + " input[type=search]'); const c = document.createElement('canvas').getContext('2d');"
                    + " const st = getComputedStyle(i); c.font = st.font; return c.measureText(i.placeholder).width"
                    + " <= i.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight); }");
            if (!whole) {
                problems.add(lang + ": the search placeholder is cut off");
            }
            Number search = (Number)
                    page.evaluate("() => document.querySelector('.topbar .quicksearch').getBoundingClientRect().width");
            if (search.intValue() < 100) { // an admin's navigation is the longest; it once left the search 17 px
                problems.add(lang + ": the navigation leaves the quick search " + search.intValue() + " px");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void longInputIsSaidAndNeverWidensThePage() {
        fixtures.user("ada");
        signIn("ada");
        String tooLong = "x".repeat(300);
        page.navigate(url("/customers?lang=en&q=" + tooLong));
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".flash-error"))
                .containsText("At most 200 characters");
        assertNoWiderThanTheWindow("/customers");

        page.navigate(url("/orders/new?lang=en"));
        String email = "a".repeat(290) + "@example.com";
        page.fill("[name='customer.name']", "Jana Schmidt");
        page.fill("[name='customer.email']", email);
        page.fill("[name='lines[0].sku']", "SHIRT");
        page.fill("[name='lines[0].name']", "Shirt");
        page.fill("[name='lines[0].unitPrice']", "12.50");
        page.click("#save-draft");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                        page.locator(".field-error").first())
                .isVisible();
        assertNoWiderThanTheWindow("/orders/new with a 302-character e-mail");
    }

    private void assertNoWiderThanTheWindow(String what) {
        Number wide = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        Number window = (Number) page.evaluate("() => window.innerWidth");
        assertThat(wide.intValue()).as(what + " is as wide as the window").isLessThanOrEqualTo(window.intValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String selector) {
        return (List<String>)
                page.evaluate("s => [...document.querySelectorAll(s)].map(e => e.innerText.trim())", selector);
    }

    private static List<String> duplicates(String what, List<String> labels) {
        Set<String> seen = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (String label : labels) {
            if (!label.isEmpty() && !seen.add(label)) {
                twice.add(what + " \"" + label + "\" twice");
            }
        }
        return twice;
    }
}
