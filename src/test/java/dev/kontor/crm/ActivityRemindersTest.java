package dev.kontor.crm;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.crm.jobs.ActivityReminders;
import dev.kontor.documents.jobs.MailSenderJob;
import dev.kontor.orders.Order;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MailBox;
import dev.kontor.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A due activity is mailed to the colleague responsible, once, with a link to what it is on. */
@KontorTest
class ActivityRemindersTest {

    @RegisterExtension
    static GreenMailExtension smtp = MailBox.server();

    @Autowired
    Fixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    ActivityReminders reminders;

    @Autowired
    MailSenderJob mailSender;

    @Autowired
    MutableClock clock;

    @Test
    void aDueActivityIsMailedToItsResponsibleColleagueOnce() throws Exception {
        Actor sven = fixtures.user("sven", Role.SALES);
        Order order = fixtures.order(sven, false);
        activities.plan(
                sven,
                new Activities.Plan(
                        "order",
                        order.id(),
                        ActivityKind.CALL,
                        clock.instant().plus(Duration.ofHours(1)),
                        null,
                        "Ask whether the date holds"));

        reminders.remindDue();
        mailSender.run();
        assertThat(MailBox.read(smtp)).as("not due yet").isEmpty();

        clock.advance(Duration.ofHours(2));
        reminders.remindDue();
        reminders.remindDue(); // a second run (another instance) sends nothing more
        mailSender.run();

        List<MailBox.Received> mails = MailBox.read(smtp);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("sven@example.com");
            assertThat(m.subject()).isEqualTo("Due now: " + order.number());
            assertThat(m.text())
                    .contains("Call on " + order.number(), "Ask whether the date holds", "/orders/" + order.id());
        });
    }
}
