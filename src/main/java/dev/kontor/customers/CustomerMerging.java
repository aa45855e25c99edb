package dev.kontor.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.customers.internal.BlacklistRepository;
import dev.kontor.customers.internal.CustomerRepository;
import dev.kontor.shared.Address;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two customers who are one (a marketplace buyer who also ordered by phone): the second is merged into the first in
 * one transaction. The kept customer gains the other's contacts and addresses it lacks, the other's blacklist marks
 * and — through {@link CustomersMerged}, heard by the orders module in this transaction — their orders; the other
 * customer is gone. The kept customer's history says who merged whom.
 */
@Service
public class CustomerMerging {

    private final CustomerRepository repository;
    private final BlacklistRepository blacklist;
    private final Permissions permissions;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerMerging(
            CustomerRepository repository,
            BlacklistRepository blacklist,
            Permissions permissions,
            Timeline timeline,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.blacklist = blacklist;
        this.permissions = permissions;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /** Merges customer {@code mergedId} into {@code keptId}; answers the kept customer as it is now. */
    @Transactional
    public Customer merge(Actor actor, long keptId, Long mergedId) {
        permissions.requireAllowed(actor, Permission.CUSTOMER_EDIT, Situation.NONE);
        if (mergedId == null) {
            throw InvalidInputException.of("mergeId", "validation.required");
        }
        if (mergedId == keptId) {
            throw InvalidInputException.of("mergeId", "validation.merge.self");
        }
        Map<Long, Integer> locked = repository.lock(keptId, mergedId);
        if (!locked.containsKey(keptId)) {
            throw new NotFoundException("customer", keptId);
        }
        if (!locked.containsKey(mergedId)) {
            throw InvalidInputException.of("mergeId", "validation.customer.unknown", mergedId);
        }
        Customer kept = repository.findById(keptId).orElseThrow();
        Customer merged = repository.findById(mergedId).orElseThrow();
        CustomerDetails together = together(kept, merged);
        Instant now = clock.instant();
        repository.update(keptId, kept.version(), together, actor.displayName(), now);
        blacklist.moveTo(mergedId, keptId, actor.displayName(), now);
        events.publishEvent(
                new CustomersMerged(keptId, kept.displayName(), mergedId, merged.displayName(), actor.displayName()));
        repository.delete(mergedId);
        List<Change> changes = new ArrayList<>(CustomerDiff.between(kept, together));
        timeline.record(new TimelineEntry(
                null,
                Customers.SUBJECT,
                keptId,
                now,
                actor.userId(),
                actor.displayName(),
                "customer.merged",
                changes,
                null,
                Map.of("merged", merged.displayName() + " (#" + mergedId + ")")));
        return repository.findById(keptId).orElseThrow();
    }

    /**
     * The kept customer with what the other had and it lacks: contacts (by kind and value), addresses, persons, the
     * values of custom fields it has none of.
     */
    private static CustomerDetails together(Customer kept, Customer merged) {
        List<Contact> contacts = new ArrayList<>(kept.contacts());
        for (Contact c : merged.contacts()) {
            boolean known = contacts.stream()
                    .anyMatch(k -> k.kind() == c.kind() && k.normalized().equals(c.normalized()));
            if (!known) {
                contacts.add(c);
            }
        }
        List<Address> addresses = new ArrayList<>(kept.addresses());
        merged.addresses().stream().filter(a -> !addresses.contains(a)).forEach(addresses::add);
        List<ContactPerson> persons = new ArrayList<>(kept.persons());
        merged.persons().stream().filter(p -> !persons.contains(p)).forEach(persons::add);
        Map<String, Object> customFields = new LinkedHashMap<>(kept.customFields());
        merged.customFields().forEach(customFields::putIfAbsent);
        return new CustomerDetails(
                kept.kind(),
                kept.name(),
                kept.company(),
                kept.country(),
                kept.language() != null ? kept.language() : merged.language(),
                contacts,
                addresses,
                kept.taxId() != null ? kept.taxId() : merged.taxId(),
                persons,
                kept.addressUse(),
                customFields);
    }
}
