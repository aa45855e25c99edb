package dev.kontor.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.kontor.access.ApprovalStatus;
import dev.kontor.access.AuditEvent;
import dev.kontor.access.Role;
import dev.kontor.bulk.BulkItemStatus;
import dev.kontor.catalog.MovementKind;
import dev.kontor.catalog.ProductStatus;
import dev.kontor.catalog.VariantStatus;
import dev.kontor.customers.ContactKind;
import dev.kontor.customers.CustomerKind;
import dev.kontor.fulfillment.ReturnDisposition;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.RefundGoods;
import dev.kontor.workbench.BulkAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the UI exists in all four languages: the bundles have the same keys, every key a template
 * or the code uses is in them, and every status value has a label.
 */
class MessageBundleTest {

    private static final List<String> LANGUAGES = List.of("", "_de", "_zh_CN", "_nb");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.-]*[a-zA-Z0-9_])");
    private static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:validation|error|order\\.refused|payment\\.refused|user\\.refused|approval\\.refused|approval\\.why|tokens)\\.[a-z0-9.-]+[a-z0-9])\"");

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (var in = MessageBundleTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            assertThat(in).as("messages" + suffix + ".properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_de", "_zh_CN", "_nb"})
    void everyLanguageHasExactlyTheEnglishKeys(String suffix) throws IOException {
        Set<String> english = new TreeSet<>(bundle("").stringPropertyNames());
        Set<String> other = new TreeSet<>(bundle(suffix).stringPropertyNames());
        assertThat(other).as("keys of messages" + suffix).containsExactlyInAnyOrderElementsOf(english);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_de", "_zh_CN", "_nb"})
    void noTextIsLeftEmpty(String suffix) throws IOException {
        Properties bundle = bundle(suffix);
        assertThat(bundle.stringPropertyNames())
                .allSatisfy(key -> assertThat(bundle.getProperty(key))
                        .as(key + " in messages" + suffix)
                        .isNotBlank());
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> used = collect(TEMPLATES, ".html", TEMPLATE_KEY);
        assertThat(used).isNotEmpty();
        for (String suffix : LANGUAGES) {
            assertThat(bundle(suffix).stringPropertyNames())
                    .as("messages" + suffix)
                    .containsAll(used);
        }
    }

    @Test
    void everyMessageKeyTheCodeNamesExists() throws IOException {
        Set<String> used = collect(SOURCES, ".java", CODE_KEY);
        assertThat(used).contains("validation.required", "order.refused.paid-refund-first");
        for (String suffix : LANGUAGES) {
            assertThat(bundle(suffix).stringPropertyNames())
                    .as("messages" + suffix)
                    .containsAll(used);
        }
    }

    @Test
    void everyStatusAndKindHasALabelInEveryLanguage() throws IOException {
        List<Class<? extends Enum<?>>> labelled = List.of(
                LifecycleStatus.class,
                PaymentStatus.class,
                FulfilmentStatus.class,
                OrderAction.class,
                NoteKind.class,
                PaymentKind.class,
                PaymentState.class,
                CustomerKind.class,
                ContactKind.class,
                Role.class,
                ApprovalStatus.class,
                AuditEvent.class,
                VariantStatus.class,
                ProductStatus.class,
                MovementKind.class,
                PaymentTerms.Kind.class,
                RefundGoods.class,
                ReturnDisposition.class,
                BulkAction.class,
                BulkItemStatus.class);
        for (String suffix : LANGUAGES) {
            Properties bundle = bundle(suffix);
            for (Class<? extends Enum<?>> type : labelled) {
                for (Enum<?> value : type.getEnumConstants()) {
                    assertThat(bundle.getProperty(Messages.labelKey(value)))
                            .as(Messages.labelKey(value) + suffix)
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void everyActionAndRefusalHasItsTexts() throws IOException {
        Properties english = bundle("");
        for (OrderAction action : OrderAction.values()) {
            assertThat(english.getProperty("order.done." + action.key()))
                    .as("order.done." + action.key())
                    .isNotBlank();
            assertThat(english.getProperty("timeline.order." + action.key()))
                    .as("timeline.order." + action.key())
                    .isNotBlank();
        }
        for (String page : List.of("404", "403", "500", "other")) {
            assertThat(english.getProperty("error.page." + page + ".title")).isNotBlank();
            assertThat(english.getProperty("error.page." + page + ".text")).isNotBlank();
        }
    }

    private static Set<String> collect(Path root, String extension, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(extension)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
