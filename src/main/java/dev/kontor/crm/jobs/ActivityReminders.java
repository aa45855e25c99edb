package dev.kontor.crm.jobs;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.crm.Activity;
import dev.kontor.crm.internal.ActivityRepository;
import dev.kontor.documents.Mail;
import dev.kontor.documents.MailMessage;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the responsible colleague by e-mail when an activity falls due, once: the reminder is claimed and queued in
 * one transaction (the mail outbox sends it after commit), so two instances never send the same reminder and a
 * crash sends it on the next run. A colleague without an e-mail address sees it under My activities only.
 */
@Component
public class ActivityReminders {

    private static final int BATCH = 100;

    private final ActivityRepository activities;
    private final Users users;
    private final Mail mail;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ActivityReminders(
            ActivityRepository activities, Users users, Mail mail, Clock clock, TransactionTemplate transaction) {
        this.transaction = transaction;
        this.activities = activities;
        this.users = users;
        this.mail = mail;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kontor.activities.reminder-check:PT1M}", initialDelayString = "PT40S")
    public void remindDue() {
        while (transaction.execute(s -> remindBatch()) == BATCH) {
            // more are due
        }
    }

    /** One batch, in the caller's transaction. */
    private int remindBatch() {
        List<Activity> due = activities.claimDueReminders(clock.instant(), BATCH);
        for (Activity a : due) {
            User user = users.byId(a.responsibleId());
            if (user.email() == null || user.email().isBlank()) {
                continue;
            }
            Locale locale = Locale.forLanguageTag((user.language() == null ? "en" : user.language()).replace('_', '-'));
            mail.queue(new MailMessage(
                    "activity-reminder",
                    a.subjectType(),
                    a.subjectId(),
                    user.email(),
                    locale,
                    "mail.activity.subject",
                    new Object[] {a.subjectLabel()},
                    Map.of("activity", a, "link", mail.publicUrl() + a.subjectPath())));
        }
        return due.size();
    }
}
