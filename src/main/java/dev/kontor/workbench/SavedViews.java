package dev.kontor.workbench;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import dev.kontor.access.Actor;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Text;
import dev.kontor.workbench.internal.SavedViewRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's own views of the order list (filters saved under a name), pinned as tabs next to the task views.
 * Only the list's own parameters are kept, so a saved view is always a valid list.
 */
@Service
public class SavedViews {

    /** The order list's filter parameters. */
    static final Set<String> PARAMETERS = Set.of(
            "q",
            "lifecycle",
            "payment",
            "fulfilment",
            "channel",
            "from",
            "to",
            "customer",
            "overdue",
            "flagged",
            "sort",
            "dir",
            "cols");

    private static final int MAX_VIEWS = 30;

    private final SavedViewRepository views;
    private final Clock clock;

    SavedViews(SavedViewRepository views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedView> of(Actor actor) {
        return actor.userId() == null ? List.of() : views.of(actor.userId());
    }

    /** Saves the list as it is filtered now ({@code query}: the list's query string) under a name. */
    @Transactional
    public void save(Actor actor, String name, String query, boolean pinned) {
        String label = Text.clean(name);
        if (label == null) {
            throw InvalidInputException.of("name", "validation.required");
        }
        if (label.length() > 60) {
            throw InvalidInputException.of("name", "validation.too-long", 60);
        }
        if (views.of(actor.userId()).size() >= MAX_VIEWS) {
            throw InvalidInputException.of("name", "validation.views.too-many", MAX_VIEWS);
        }
        views.save(actor.userId(), label, clean(query), pinned, clock.instant());
    }

    @Transactional
    public void delete(Actor actor, long id) {
        views.delete(actor.userId(), id);
    }

    @Transactional
    public void pin(Actor actor, long id, boolean pinned) {
        views.pin(actor.userId(), id, pinned);
    }

    /** Keeps only the list's parameters, re-encoded. */
    public static String clean(String query) {
        StringJoiner kept = new StringJoiner("&");
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (PARAMETERS.contains(key) && !value.isBlank() && value.length() <= 200) {
                kept.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return kept.toString();
    }
}
