package dev.kontor.crm;

import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.documents.jobs.MailSenderJob;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MailBox;
import dev.kontor.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Writing to the customer from their order: the mail leaves through the outbox, the timeline keeps its words. */
@KontorTest
class CustomerMailsTest {

    @RegisterExtension
    static GreenMailExtension smtp = MailBox.server();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Orders orders;

    @Autowired
    MailSenderJob mailSender;

    @Test
    void aMailToTheCustomerIsSentAndItsWordsAreInTheTimeline() throws Exception {
        Actor sven = fixtures.user("sven", Role.SALES);
        Order order = fixtures.order(sven, false);
        Api api = new Api(port).bearer(fixtures.token(sven));

        Api.Response empty = api.post("/api/orders/" + order.id() + "/mails", Map.of("subject", "Hi"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("body");

        Api.Response sent = api.post(
                "/api/orders/" + order.id() + "/mails",
                Map.of("subject", "Your delivery date", "body", "The blue one is back on Friday; we ship it then."));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("to").asText()).isEqualTo("jana@example.de");
        mailSender.run();

        List<MailBox.Received> mails = MailBox.read(smtp);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("jana@example.de");
            assertThat(m.subject()).isEqualTo("Your delivery date (" + order.number() + ")");
            assertThat(m.text()).contains("Guten Tag", "The blue one is back on Friday", order.number());
        });
        assertThat(orders.timeline(sven, order.id())).first().satisfies((TimelineEntry e) -> {
            assertThat(e.action()).isEqualTo("email.sent");
            assertThat(e.details())
                    .containsEntry("to", "jana@example.de")
                    .containsEntry("body", "The blue one is back on Friday; we ship it then.");
        });

        Api.Response stranger = new Api(port)
                .bearer(fixtures.token(fixtures.user("jonas", Role.WAREHOUSE)))
                .post("/api/orders/" + order.id() + "/mails", Map.of("subject", "x", "body", "y"));
        assertThat(stranger.status()).isEqualTo(403);
    }
}
