package dev.kontor.customers;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.kontor.customers.internal.CustomerRepository;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Phones;
import dev.kontor.shared.Problems;
import dev.kontor.shared.ShopSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds and creates customers: the module's public face. */
@Service
public class Customers {

    private final CustomerRepository repository;
    private final Clock clock;
    private final String homeCountry;

    Customers(CustomerRepository repository, Clock clock, ShopSettings shop) {
        this.repository = repository;
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
        CustomerRules.check(details, homeCountry, prefix, names).throwIfAny();
        return repository.insert(details.withPhonesKept(homeCountry), clock.instant());
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
        return repository.search(
                query,
                query == null ? "" : Phones.significantDigits(query, homeCountry),
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
