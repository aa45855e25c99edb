package dev.kontor.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field a refusal names in the code has a label people read ("Reason: Say why.", never "reason: Say why."):
 * {@code field.<path>} or the label of the path's last part, as {@link Messages#field} looks it up. The other
 * languages have every key English has (MessageBundleTest).
 */
class FieldLabelsTest {

    /** {@code InvalidInputException.of("x", …)}, {@code problems.add("x", …)}, {@code FieldProblem.of("x", …)}. */
    private static final Pattern NAMED_FIELD =
            Pattern.compile("(?:InvalidInputException\\.of|problems\\.add|FieldProblem\\.of)\\(\\s*\"([^\"]+)\"");

    @Test
    void everyFieldARefusalNamesHasALabel() throws IOException {
        Properties english = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/i18n/messages.properties"))) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> unlabelled = new ArrayList<>();
        for (String field : namedFields()) {
            String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
            if (!english.containsKey("field." + field) && !english.containsKey("field." + last)) {
                unlabelled.add(field);
            }
        }
        assertThat(unlabelled)
                .as("fields without field.<name> in messages.properties")
                .isEmpty();
    }

    private static Set<String> namedFields() {
        Set<String> fields = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = NAMED_FIELD.matcher(Files.readString(file));
                while (m.find()) {
                    // "lines[" + i + "].unitPrice", "columns." + field: the last part is the label, checked where made
                    if (!m.group(1).endsWith("[") && !m.group(1).endsWith(".")) {
                        fields.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(fields).as("the scan finds the fields refusals name").contains("reason", "sku", "quantity");
        return fields;
    }
}
