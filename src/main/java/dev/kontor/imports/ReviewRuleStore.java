package dev.kontor.imports;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.imports.internal.ReviewRuleRepository;
import dev.kontor.imports.read.Values;
import dev.kontor.shared.Currencies;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and changing the shop's review rules for imported orders (admins change them). */
@Service
public class ReviewRuleStore {

    private final ReviewRuleRepository rules;
    private final Permissions permissions;
    private final Clock clock;

    ReviewRuleStore(ReviewRuleRepository rules, Permissions permissions, Clock clock) {
        this.rules = rules;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ReviewRuleSettings get() {
        return rules.get();
    }

    /**
     * Saves the rules; each limit is an amount as people type it ({@code 2000}, {@code 1.999,50}, {@code ¥2,000}) in its currency,
     * blank for no limit. Refused naming the currency's field ({@code maxTotals.CNY}) when not an amount.
     */
    @Transactional
    public ReviewRuleSettings save(
            Actor actor, boolean enabled, boolean withoutBuyerMessage, Map<String, String> limits) {
        permissions.require(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        Problems problems = new Problems();
        Map<String, Long> totals = new LinkedHashMap<>();
        if (limits != null) {
            limits.forEach((written, amount) -> {
                String currency = written == null ? "" : written.strip().toUpperCase(Locale.ROOT);
                String field = "maxTotals." + currency;
                if (!Currencies.isKnown(currency)) {
                    problems.add(field, "validation.currency", written);
                    return;
                }
                if (Text.clean(amount) == null) {
                    return;
                }
                try {
                    Long minor = Values.amount(amount, currency); // 2000, 1,999.50, 1.999,50, ¥2000
                    if (minor != null && minor < 0) {
                        problems.add(field, "validation.not-negative");
                    } else if (minor != null) {
                        totals.put(currency, minor);
                    }
                } catch (NumberFormatException e) {
                    problems.add(field, "validation.amount");
                }
            });
        }
        problems.throwIfAny();
        ReviewRuleSettings saved = new ReviewRuleSettings(enabled, withoutBuyerMessage, totals, null, null);
        rules.save(saved, actor.displayName(), clock.instant());
        return rules.get();
    }
}
