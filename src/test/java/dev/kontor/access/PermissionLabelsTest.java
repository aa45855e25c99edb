package dev.kontor.access;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal says in words what the user may not do: every permission has its label in every language. */
class PermissionLabelsTest {

    @Test
    void everyPermissionIsSaidInWordsInEveryLanguage() throws Exception {
        for (String bundle : new String[] {"messages", "messages_de", "messages_zh_CN", "messages_nb"}) {
            Properties labels = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/" + bundle + ".properties")) {
                labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Permission p : Permission.values()) {
                assertThat(labels.getProperty("permission." + p.name()))
                        .as(bundle + ": permission." + p.name())
                        .isNotBlank()
                        .doesNotContain(p.name());
            }
        }
    }
}
