package dev.kontor.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature check docs/webhooks.md gives receivers, in shell with openssl, run as written against a header Kontor
 * makes: it accepts Kontor's signature (also the new one after a rotation, when the header carries two), and refuses
 * a wrong secret, a changed body and an old timestamp.
 */
class WebhookSignatureDocsTest {

    private static final String BODY =
            "{\"specversion\":\"1.0\",\"id\":\"1042\",\"type\":\"dev.kontor.order.paid\",\"subject\":\"SO-000123\","
                    + "\"data\":{\"buyer\":\"张伟\",\"total\":12900}}";

    @TempDir
    Path dir;

    @Test
    void theShellCheckInTheDocsAcceptsKontorsSignatureAndNothingElse() throws Exception {
        String script = shellBlock();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header(now, BODY, List.of("whsec_new", "whsec_old"));

        assertThat(run(script, header, "whsec_new", BODY)).isEqualTo("valid");
        assertThat(run(script, header, "whsec_old", BODY)).isEqualTo("valid"); // the day after a rotation
        assertThat(run(script, header, "whsec_someone-else", BODY)).isEqualTo("refused");
        assertThat(run(script, header, "whsec_new", BODY.replace("12900", "1"))).isEqualTo("refused");
        String old = WebhookSignature.header(now - 3600, BODY, List.of("whsec_new"));
        assertThat(run(script, old, "whsec_new", BODY)).isEqualTo("refused");
    }

    private static String shellBlock() throws IOException {
        String doc = Files.readString(Path.of("docs", "webhooks.md"));
        int marker = doc.indexOf("<!-- verify-shell -->");
        assertThat(marker).as("the shell check's marker in docs/webhooks.md").isPositive();
        int start = doc.indexOf("```bash", marker) + "```bash".length();
        int end = doc.indexOf("```", start);
        return doc.substring(start, end).replaceAll("(?m)^  ", "");
    }

    private String run(String script, String header, String secret, String body) throws Exception {
        Files.writeString(dir.resolve("body.json"), body, StandardCharsets.UTF_8);
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
        bash.environment().put("HEADER", header);
        bash.environment().put("SECRET", secret);
        Process process = bash.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return out;
    }
}
