package dev.kontor.crm.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.crm.ActivityKind;
import dev.kontor.crm.internal.ActivityRepository;
import dev.kontor.orders.OrderNoteAdded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A note on an order that @mentions colleagues ({@code @li.na}) becomes, in the note's transaction, an activity for
 * each of them, due now: the mention is among their activities (and counted in the navigation) until they mark it
 * done. Unknown names, disabled users and the writer themselves are passed over.
 */
@Component
class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._-])@([\\p{L}\\p{N}._-]+)");

    private final ActivityRepository activities;
    private final Users users;
    private final Clock clock;

    Mentions(ActivityRepository activities, Users users, Clock clock) {
        this.activities = activities;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void on(OrderNoteAdded note) {
        Instant now = clock.instant();
        for (String username : mentioned(note.body())) {
            users.byUsername(username)
                    .filter(User::enabled)
                    .filter(u -> note.byId() == null || u.id() != note.byId())
                    .ifPresent(u -> activities.insert(
                            "order",
                            note.orderId(),
                            note.number(),
                            ActivityKind.MENTION,
                            now,
                            u.id(),
                            excerpt(note.body()),
                            note.byName(),
                            now));
        }
    }

    /** The user names a text mentions, each once, without a sentence's final full stop. */
    static Set<String> mentioned(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1).replaceAll("[._-]+$", "").toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }
}
