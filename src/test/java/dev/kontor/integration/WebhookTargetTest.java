package dev.kontor.integration;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where webhooks may point, how they are signed and how long they wait: without a database or a network. */
class WebhookTargetTest {

    private static final WebhookTarget.Allowed PRODUCTION = new WebhookTarget.Allowed(false, false);

    /** Every name resolves to the address it is given here; no DNS. */
    private static WebhookTarget.Resolver to(String address) {
        return host -> new InetAddress[] {InetAddress.getByName(address)};
    }

    @Test
    void onlyHttpsToPublicAddresses() {
        assertThat(WebhookTarget.refusal("https://erp.example.com/hook", PRODUCTION, to("93.184.216.34")))
                .isEmpty();
        assertThat(WebhookTarget.refusal("http://erp.example.com/hook", PRODUCTION, to("93.184.216.34")))
                .hasValue("validation.webhook.https");
        assertThat(WebhookTarget.refusal("ftp://erp.example.com/hook", PRODUCTION, to("93.184.216.34")))
                .hasValue("validation.webhook.url");
        assertThat(WebhookTarget.refusal("/hook", PRODUCTION, to("93.184.216.34")))
                .hasValue("validation.webhook.url");
        assertThat(WebhookTarget.refusal("https://user:pw@erp.example.com/", PRODUCTION, to("93.184.216.34")))
                .hasValue("validation.webhook.url");
    }

    @Test
    void privateAndLocalAddressesAreRefusedUnlessAllowed() {
        for (String inside :
                new String[] {"10.1.2.3", "192.168.0.10", "172.16.5.5", "169.254.169.254", "100.64.0.1", "fd00::1"}) {
            assertThat(WebhookTarget.refusal("https://internal.example.com/", PRODUCTION, to(inside)))
                    .as(inside)
                    .hasValue("validation.webhook.private");
        }
        assertThat(WebhookTarget.refusal("https://sneaky.example.com/", PRODUCTION, to("127.0.0.1")))
                .hasValue("validation.webhook.private");
        assertThat(WebhookTarget.refusal(
                        "https://internal.example.com/", new WebhookTarget.Allowed(false, true), to("10.1.2.3")))
                .isEmpty();
        WebhookTarget.Allowed development = new WebhookTarget.Allowed(true, false);
        assertThat(WebhookTarget.refusal("http://localhost:9000/hook", development, to("127.0.0.1")))
                .isEmpty();
        assertThat(WebhookTarget.refusal("http://erp.example.com/hook", development, to("127.0.0.1")))
                .hasValue("validation.webhook.https");
    }

    @Test
    void aSignatureVerifiesWithItsSecretOnly() {
        String body = "{\"id\":\"1\"}";
        String header = WebhookSignature.header(1_765_000_000L, body, java.util.List.of("whsec_a", "whsec_b"));
        assertThat(header).startsWith("t=1765000000,v1=");
        assertThat(WebhookSignature.verifies(header, body, "whsec_a")).isTrue();
        assertThat(WebhookSignature.verifies(header, body, "whsec_b")).isTrue();
        assertThat(WebhookSignature.verifies(header, body, "whsec_c")).isFalse();
        assertThat(WebhookSignature.verifies(header, body + " ", "whsec_a")).isFalse();
        assertThat(WebhookSignature.newSecret()).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToSixHours() {
        WebhookSettings settings = new WebhookSettings(
                false,
                false,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofHours(6),
                Duration.ofDays(3),
                Duration.ofSeconds(2),
                8);
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.backoff(30)).isEqualTo(Duration.ofHours(6));
    }
}
