package dev.kontor.customers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.customers.internal.BlacklistRepository;
import dev.kontor.shared.Address;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Phones;
import dev.kontor.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fraud marks (seed 001's blacklist): customer service or a supervisor marks a customer, with a reason, and
 * optionally their phones, e-mails, payer accounts and address, so a new order from any of them is caught even
 * under another name. Only a supervisor lifts it. Publishes {@link CustomerBlacklisted}; the orders module flags
 * and holds the orders.
 */
@Service
public class Blacklist {

    /** Which of the customer's details to mark besides the customer. */
    public record Scope(boolean phones, boolean emails, boolean payerAccounts, boolean address) {

        public static final Scope EVERYTHING = new Scope(true, true, true, true);
        public static final Scope CUSTOMER_ONLY = new Scope(false, false, false, false);
    }

    private final BlacklistRepository entries;
    private final Customers customers;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Blacklist(
            BlacklistRepository entries,
            Customers customers,
            Permissions permissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.entries = entries;
        this.customers = customers;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void add(Actor actor, long customerId, String reason, Scope scope) {
        permissions.requireAllowed(actor, Permission.CUSTOMER_BLACKLIST, Situation.NONE);
        String why = requireReason(reason);
        Customer customer = customers.find(customerId).orElseThrow(() -> new NotFoundException("customer", customerId));
        var now = clock.instant();
        entries.add("CUSTOMER", Long.toString(customerId), customerId, why, actor.displayName(), now);
        for (Contact c : customer.contacts()) {
            boolean wanted = switch (c.kind()) {
                case PHONE, LANDLINE -> scope.phones();
                case EMAIL -> scope.emails();
                case PAYER_ACCOUNT -> scope.payerAccounts();
            };
            if (wanted) {
                entries.add(kindOf(c.kind()), c.normalized(), customerId, why, actor.displayName(), now);
            }
        }
        if (scope.address()) {
            customer.address()
                    .map(Blacklist::addressKey)
                    .ifPresent(key -> entries.add("ADDRESS", key, customerId, why, actor.displayName(), now));
        }
        events.publishEvent(new CustomerBlacklisted(customerId, why, false, actor.displayName()));
    }

    /** A supervisor lifts every mark made for this customer. */
    @Transactional
    public void lift(Actor actor, long customerId, String reason) {
        permissions.requireAllowed(actor, Permission.CUSTOMER_UNBLACKLIST, Situation.NONE);
        String why = requireReason(reason);
        if (entries.lift(customerId, why, actor.displayName(), clock.instant()) > 0) {
            events.publishEvent(new CustomerBlacklisted(customerId, why, true, actor.displayName()));
        }
    }

    /** The active marks made for this customer. */
    @Transactional(readOnly = true)
    public List<BlacklistEntry> of(long customerId) {
        return entries.activeOf(customerId);
    }

    /**
     * An order's details to hold against the blacklist, its customer as just found or created: the order is caught
     * by its customer, or any of its phone, e-mail, payer accounts or address (the customer's own contacts included).
     */
    public record Probe(Customer customer, String email, String phone, Address address) {}

    /**
     * The first active mark each order hits, in one query for all of them when none is caught (the usual case): only
     * an order one of whose values an active mark names is looked at alone.
     */
    @Transactional(readOnly = true)
    public List<Optional<BlacklistEntry>> matchAll(List<Probe> probes) {
        List<Candidates> all = probes.stream()
                .map(p -> candidates(p.customer().id(), Optional.of(p.customer()), p.email(), p.phone(), p.address()))
                .toList();
        List<String> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Set<String> numbers = new LinkedHashSet<>();
        for (Candidates c : all) {
            c.byKind()
                    .forEach((kind, vs) -> vs.forEach(v -> {
                        kinds.add(kind);
                        values.add(v);
                    }));
            numbers.addAll(c.phoneDigits());
        }
        Set<String> named = entries.named(kinds, values, numbers);
        return all.stream()
                .map(c -> c.anyIn(named) ? first(c) : Optional.<BlacklistEntry>empty())
                .toList();
    }

    /** What an order can be caught by: values per kind of mark, and its phones' significant digits. */
    private record Candidates(Map<String, Collection<String>> byKind, List<String> phoneDigits) {

        boolean anyIn(Set<String> named) {
            for (Map.Entry<String, Collection<String>> e : byKind.entrySet()) {
                for (String v : e.getValue()) {
                    if (named.contains(BlacklistRepository.key(e.getKey(), v))) {
                        return true;
                    }
                }
            }
            return phoneDigits.stream().anyMatch(n -> named.contains(BlacklistRepository.key("PHONE", n)));
        }
    }

    private Candidates candidates(
            long customerId, Optional<Customer> customer, String email, String phone, Address address) {
        Map<String, Collection<String>> candidates = new LinkedHashMap<>();
        candidates.put("CUSTOMER", List.of(Long.toString(customerId)));
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        customer.ifPresent(c -> c.contacts().forEach(contact -> {
            switch (contact.kind()) {
                case PHONE, LANDLINE -> phones.add(contact.value()); // as written: +49 … keeps its country
                case EMAIL -> emails.add(contact.normalized());
                case PAYER_ACCOUNT -> accounts.add(contact.normalized());
                default -> {}
            }
        }));
        if (Text.clean(phone) != null && !Text.digits(phone).isEmpty()) {
            phones.add(phone);
        }
        if (Text.clean(email) != null) {
            emails.add(email.strip().toLowerCase(Locale.ROOT));
        }
        candidates.put("EMAIL", emails);
        candidates.put("PAYER_ACCOUNT", accounts);
        candidates.put("ADDRESS", address == null ? List.of() : List.of(addressKey(address)));
        // a phone however it was written: +49 170…, 0170…, 0049 170…
        String region = address != null && address.country() != null ? address.country() : customers.homeCountry();
        List<String> digits = phones.stream()
                .map(p -> Phones.significantDigits(p, region))
                .filter(p -> p.length() >= 7)
                .distinct()
                .toList();
        return new Candidates(candidates, digits);
    }

    private Optional<BlacklistEntry> first(Candidates c) {
        Optional<BlacklistEntry> found = entries.match(c.byKind());
        return found.isPresent() ? found : entries.matchPhone(c.phoneDigits());
    }

    private static final Pattern NOT_IN_KEY = Pattern.compile("[^\\p{L}\\p{N}|]");

    /** One address, however it was typed: street, postal code, city and country, lower case, letters and digits. */
    static String addressKey(Address a) {
        String raw = String.join(
                "|",
                Optional.ofNullable(a.street()).orElse(""),
                Optional.ofNullable(a.postalCode()).orElse(""),
                Optional.ofNullable(a.city()).orElse(""),
                Optional.ofNullable(a.country()).orElse(""));
        return NOT_IN_KEY.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String kindOf(ContactKind kind) {
        return switch (kind) {
            case PHONE, LANDLINE -> "PHONE";
            case EMAIL -> "EMAIL";
            case PAYER_ACCOUNT -> "PAYER_ACCOUNT";
        };
    }

    private static String requireReason(String reason) {
        String why = Text.clean(reason);
        if (why == null) {
            throw InvalidInputException.of("reason", "validation.reason.required");
        }
        if (why.length() > 1000) {
            throw InvalidInputException.of("reason", "validation.too-long", 1000);
        }
        return why;
    }
}
