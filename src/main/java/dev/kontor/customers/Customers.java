package dev.kontor.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.customers.internal.CustomerRepository;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Phones;
import dev.kontor.shared.Problems;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.timeline.Change;
import dev.kontor.timeline.Timeline;
import dev.kontor.timeline.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds and creates customers: the module's public face. */
@Service
public class Customers {

    /** The timeline's subject type for customers. */
    public static final String SUBJECT = "customer";

    private final CustomerRepository repository;
    private final Permissions permissions;
    private final Timeline timeline;
    private final Clock clock;
    private final String homeCountry;
    private final CustomFields fields;

    Customers(
            CustomerRepository repository,
            Permissions permissions,
            Timeline timeline,
            Clock clock,
            ShopSettings shop,
            CustomFields fields) {
        this.fields = fields;
        this.repository = repository;
        this.permissions = permissions;
        this.timeline = timeline;
        this.clock = clock;
        this.homeCountry = shop.homeCountry();
    }

    /** The shop's own country; business customers elsewhere are "foreign". */
    public String homeCountry() {
        return homeCountry;
    }

    /** What is wrong with these details, without creating anything: for forms that check everything at once. */
    public Problems check(CustomerDetails details, String prefix, CustomerRules.FieldNames names) {
        return CustomerRules.check(details, homeCountry, prefix, names);
    }

    @Transactional
    public Customer create(CustomerDetails details) {
        return create(details, "", CustomerRules.FieldNames.DEFAULT);
    }

    /** Creates a customer; problems are reported under {@code prefix} with the request's field names. */
    @Transactional
    public Customer create(CustomerDetails details, String prefix, CustomerRules.FieldNames names) {
        return repository.insert(checked(details, prefix, names, null).withPhonesKept(homeCountry), clock.instant());
    }

    /**
     * The details checked (problems thrown, all at once) with their custom fields in stored form: those given checked
     * against the shop's customer fields (required ones too), none given kept as they were ({@code before}'s).
     */
    private CustomerDetails checked(
            CustomerDetails details, String prefix, CustomerRules.FieldNames names, Customer before) {
        Problems problems = CustomerRules.check(details, homeCountry, prefix, names);
        Map<String, ?> values = details.customFields();
        if (values != null) {
            Problems fieldProblems = new Problems();
            values = fields.check(FieldScope.CUSTOMER, values, fieldProblems);
            fieldProblems
                    .list()
                    .forEach(p -> problems.addAll(List.of(new FieldProblem(prefix + p.field(), p.code(), p.args()))));
        } else if (before != null) {
            values = before.customFields();
        }
        problems.throwIfAny();
        return details.withCustomFields(values);
    }

    /**
     * The existing customer with the same e-mail or payer account, so a marketplace buyer who orders again
     * is recognised; otherwise a new customer.
     */
    @Transactional
    public Customer findOrCreate(CustomerDetails details, String prefix, CustomerRules.FieldNames names) {
        CustomerRules.check(details, homeCountry, prefix, names).throwIfAny();
        for (Contact contact : details.contacts()) {
            if (contact.kind() == ContactKind.EMAIL || contact.kind() == ContactKind.PAYER_ACCOUNT) {
                Optional<Long> existing = repository.findIdByContact(contact.kind(), contact.normalized());
                if (existing.isPresent()) {
                    return repository.findById(existing.get()).orElseThrow();
                }
            }
        }
        return repository.insert(details.withPhonesKept(homeCountry), clock.instant());
    }

    /**
     * {@link #findOrCreate} for many at once, in a few statements however many there are: each details' customer
     * found by its e-mail or payer account (one query for all), the rest created together (three statements).
     * The answer is in the order of {@code details}, as if they had been found or created one after another: two
     * details of the same new buyer name the same new customer.
     */
    @Transactional
    public List<Customer> findOrCreateAll(
            List<CustomerDetails> details, String prefix, CustomerRules.FieldNames names) {
        List<CustomerRepository.ContactKey> keys = new ArrayList<>();
        for (CustomerDetails d : details) {
            CustomerRules.check(d, homeCountry, prefix, names).throwIfAny();
            identifying(d).forEach(keys::add);
        }
        CustomerRepository.Owners owners = repository.ownersOf(keys);
        Map<CustomerRepository.ContactKey, Long> known = owners.single();
        Set<CustomerRepository.ContactKey> shared = owners.shared();
        Long[] found = new Long[details.size()];
        Map<CustomerRepository.ContactKey, Integer> fresh = new HashMap<>(); // a key → the new details that has it
        List<CustomerDetails> created = new ArrayList<>();
        int[] createdAt = new int[details.size()];
        for (int i = 0; i < details.size(); i++) {
            createdAt[i] = -1;
            for (CustomerRepository.ContactKey key : identifying(details.get(i)).toList()) {
                if (known.containsKey(key)) {
                    found[i] = known.get(key);
                    break;
                }
                if (!shared.contains(key) && fresh.containsKey(key)) {
                    createdAt[i] = fresh.get(key);
                    break;
                }
            }
            if (found[i] == null && createdAt[i] < 0) {
                int index = created.size();
                createdAt[i] = index;
                identifying(details.get(i)).filter(k -> !shared.contains(k)).forEach(k -> fresh.putIfAbsent(k, index));
                created.add(details.get(i).withPhonesKept(homeCountry));
            }
        }
        List<Customer> inserted = repository.insertAll(created, clock.instant());
        Map<Long, Customer> existing = new HashMap<>();
        repository
                .findByIds(
                        Arrays.stream(found).filter(Objects::nonNull).distinct().toList())
                .forEach(c -> existing.put(c.id(), c));
        List<Customer> answer = new ArrayList<>(details.size());
        for (int i = 0; i < details.size(); i++) {
            answer.add(found[i] != null ? existing.get(found[i]) : inserted.get(createdAt[i]));
        }
        return answer;
    }

    /** The contacts a returning buyer is recognised by, in the order they are tried. */
    private static Stream<CustomerRepository.ContactKey> identifying(CustomerDetails details) {
        return details.contacts().stream()
                .filter(c -> c.kind() == ContactKind.EMAIL || c.kind() == ContactKind.PAYER_ACCOUNT)
                .map(c -> new CustomerRepository.ContactKey(c.kind(), c.normalized()));
    }

    /**
     * Changes a customer: kind, name, company, tax number, country, language, every contact and address (their
     * order kept: the first address is the one orders use). By whoever may ({@link Permission#CUSTOMER_EDIT}), at
     * the version they saw (refused naming who changed it meanwhile), checked as a new customer is (the
     * foreign-business rule too), with a timeline entry of what changed, before and after. Orders keep the name they
     * were placed with.
     */
    @Transactional
    public Customer update(Actor actor, long id, Integer expectedVersion, CustomerDetails details) {
        permissions.requireAllowed(actor, Permission.CUSTOMER_EDIT, Situation.NONE);
        Customer before = repository.findById(id).orElseThrow(() -> new NotFoundException("customer", id));
        CustomerDetails kept =
                checked(details, "", CustomerRules.FieldNames.DEFAULT, before).withPhonesKept(homeCountry);
        int version = expectedVersion == null ? before.version() : expectedVersion;
        Instant now = clock.instant();
        if (repository.update(id, version, kept, actor.displayName(), now).isEmpty()) {
            throw new StaleVersionException(
                    "customer", id, before.version(), repository.updatedBy(id).orElse("?"));
        }
        List<Change> changes = CustomerDiff.between(before, kept);
        if (!changes.isEmpty()) {
            timeline.record(new TimelineEntry(
                    null,
                    SUBJECT,
                    id,
                    now,
                    actor.userId(),
                    actor.displayName(),
                    "customer.edited",
                    changes,
                    null,
                    Map.of()));
        }
        return repository.findById(id).orElseThrow();
    }

    /** The customer's history (edits, newest first), for whoever may see customers. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long id) {
        return timeline.of(SUBJECT, id);
    }

    @Transactional(readOnly = true)
    public Customer get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("customer", id));
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(long id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    public List<Customer> byIds(Collection<Long> ids) {
        return repository.findByIds(ids);
    }

    /** By name, company, e-mail, phone or payer account; the newest first. */
    @Transactional(readOnly = true)
    public List<Customer> search(String query, int limit) {
        return search(query, Map.of(), limit);
    }

    /**
     * {@link #search(String, int)} among the customers with these values of the shop's own fields ({@code segment =
     * wholesale}, as typed); a key that is no customer field or a value none of the field's is refused naming
     * {@code customFields.<key>}.
     */
    @Transactional(readOnly = true)
    public List<Customer> search(String query, Map<String, String> customFields, int limit) {
        return repository.search(
                query,
                query == null ? "" : Phones.significantDigits(query, homeCountry),
                customFields.isEmpty() ? Map.of() : fields.filter(FieldScope.CUSTOMER, customFields),
                Math.min(Math.max(limit, 1), 200));
    }

    /** Customers who pay from this account (an Alipay or PayPal account) or have this e-mail address. */
    @Transactional(readOnly = true)
    public List<Long> idsByAccount(String value) {
        return value == null || value.isBlank() ? List.of() : repository.findIdsByAccount(value, 20);
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }
}
