package dev.kontor.customers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kontor.customers.AddressUse;
import dev.kontor.customers.Contact;
import dev.kontor.customers.ContactKind;
import dev.kontor.customers.ContactPerson;
import dev.kontor.customers.Customer;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.shared.Address;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Customers with their contacts and addresses. */
@Repository
public class CustomerRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustomerRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A customer with its contacts, addresses and contact persons, in one statement. */
    private static final String INSERT = """
                WITH c AS (
                    INSERT INTO customers (kind, name, company, country, language, created_at, updated_at,
                        tax_id, shipping_address, billing_address, custom_fields)
                    VALUES (:kind, :name, :company, :country, :language, :now, :now, :taxId, :shipTo, :billTo,
                        CAST(:customFields AS JSONB))
                    RETURNING id),
                k AS (
                    INSERT INTO customer_contacts (customer_id, kind, value, label, normalized, position)
                    SELECT c.id, x.kind, x.value, x.label, x.normalized, x.n - 1
                    FROM c, unnest(CAST(:contactKinds AS TEXT[]), CAST(:contactValues AS TEXT[]),
                        CAST(:contactLabels AS TEXT[]), CAST(:contactNormalized AS TEXT[]))
                        WITH ORDINALITY AS x (kind, value, label, normalized, n)),
                a AS (
                    INSERT INTO customer_addresses (customer_id, position, address)
                    SELECT c.id, x.n - 1, CAST(x.address AS JSONB)
                    FROM c, unnest(CAST(:addresses AS TEXT[])) WITH ORDINALITY AS x (address, n)),
                p AS (
                    INSERT INTO customer_persons (customer_id, position, name, role, email, phone)
                    SELECT c.id, x.n - 1, x.name, x.role, x.email, x.phone
                    FROM c, unnest(CAST(:personNames AS TEXT[]), CAST(:personRoles AS TEXT[]),
                        CAST(:personEmails AS TEXT[]), CAST(:personPhones AS TEXT[]))
                        WITH ORDINALITY AS x (name, role, email, phone, n))
                SELECT id FROM c""";

    /**
     * Inserts the customer with contacts, addresses and contact persons in one statement (one round trip on the order
     * path, issue 20); returns it as stored, without reading it back.
     */
    public Customer insert(CustomerDetails c, Instant now) {
        long id = jdbc.sql(INSERT)
                .param("customFields", customFieldsJson(c.customFields()))
                .param("taxId", c.taxId())
                .param("shipTo", c.addressUse().shipping())
                .param("billTo", c.addressUse().billing())
                .param("kind", c.kind().name())
                .param("name", c.name().strip())
                .param("company", c.company())
                .param("country", c.country())
                .param("language", c.language())
                .param("now", Timestamp.from(now))
                .param(
                        "contactKinds",
                        c.contacts().stream().map(k -> k.kind().name()).toArray(String[]::new))
                .param(
                        "contactValues",
                        c.contacts().stream().map(Contact::value).toArray(String[]::new))
                .param(
                        "contactLabels",
                        c.contacts().stream().map(Contact::label).toArray(String[]::new))
                .param(
                        "contactNormalized",
                        c.contacts().stream().map(Contact::normalized).toArray(String[]::new))
                .param(
                        "addresses",
                        c.addresses().stream().map(json::writeValueAsString).toArray(String[]::new))
                .param(
                        "personNames",
                        c.persons().stream().map(ContactPerson::name).toArray(String[]::new))
                .param(
                        "personRoles",
                        c.persons().stream().map(ContactPerson::role).toArray(String[]::new))
                .param(
                        "personEmails",
                        c.persons().stream().map(ContactPerson::email).toArray(String[]::new))
                .param(
                        "personPhones",
                        c.persons().stream().map(ContactPerson::phone).toArray(String[]::new))
                .query(Long.class)
                .single();
        return new Customer(
                id,
                c.kind(),
                c.name().strip(),
                c.company(),
                c.country(),
                c.language(),
                c.contacts(),
                c.addresses(),
                now,
                now,
                0,
                c.taxId(),
                c.persons(),
                c.addressUse(),
                c.customFields() == null ? Map.of() : c.customFields());
    }

    private String customFieldsJson(Map<String, ?> values) {
        return values == null || values.isEmpty() ? "{}" : json.writeValueAsString(values);
    }

    /** A customer's contact persons, in their order. */
    private void insertPersons(long id, List<ContactPerson> persons) {
        if (persons.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO customer_persons (customer_id, position, name, role, email, phone)
                        SELECT :id, n - 1, name, role, email, phone
                        FROM unnest(CAST(:names AS TEXT[]), CAST(:roles AS TEXT[]), CAST(:emails AS TEXT[]),
                                    CAST(:phones AS TEXT[])) WITH ORDINALITY AS p (name, role, email, phone, n)""")
                .param("id", id)
                .param("names", persons.stream().map(ContactPerson::name).toArray(String[]::new))
                .param("roles", persons.stream().map(ContactPerson::role).toArray(String[]::new))
                .param("emails", persons.stream().map(ContactPerson::email).toArray(String[]::new))
                .param("phones", persons.stream().map(ContactPerson::phone).toArray(String[]::new))
                .update();
    }

    /** A contact a customer is recognised by: its kind and normalized value. */
    public record ContactKey(ContactKind kind, String normalized) {}

    /** Of some contacts: those exactly one customer has (and who), and those several share. */
    public record Owners(Map<ContactKey, Long> single, Set<ContactKey> shared) {}

    /** Who has these contacts, in one query. */
    public Owners ownersOf(Collection<ContactKey> keys) {
        Map<ContactKey, Long> single = new HashMap<>();
        Set<ContactKey> shared = new HashSet<>();
        if (keys.isEmpty()) {
            return new Owners(single, shared);
        }
        jdbc.sql("""
                        SELECT c.kind, c.normalized, min(c.customer_id), count(DISTINCT c.customer_id)
                        FROM customer_contacts c
                        WHERE (c.kind, c.normalized) IN (
                            SELECT * FROM unnest(CAST(:kinds AS TEXT[]), CAST(:values AS TEXT[])))
                        GROUP BY c.kind, c.normalized""")
                .param("kinds", keys.stream().map(k -> k.kind().name()).toArray(String[]::new))
                .param("values", keys.stream().map(ContactKey::normalized).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    ContactKey key = new ContactKey(ContactKind.valueOf(rs.getString(1)), rs.getString(2));
                    if (rs.getLong(4) == 1) {
                        single.put(key, rs.getLong(3));
                    } else {
                        shared.add(key);
                    }
                });
        return new Owners(single, shared);
    }

    /**
     * The contacts and addresses of customers {@code ids (id, n)} names, as more of a {@code WITH}: each row of
     * {@link ContactColumns} names its customer by {@code n}.
     */
    private static final String CONTACTS_AND_ADDRESSES = """
            , contacts AS (
                INSERT INTO customer_contacts (customer_id, kind, value, label, normalized, position)
                SELECT ids.id, kind, value, label, normalized, position
                FROM unnest(CAST(:contactOwners AS INT[]), CAST(:contactKinds AS TEXT[]),
                            CAST(:contactValues AS TEXT[]), CAST(:contactLabels AS TEXT[]),
                            CAST(:contactNormalized AS TEXT[]), CAST(:contactPositions AS INT[]))
                    AS k (owner, kind, value, label, normalized, position)
                JOIN ids ON ids.n = k.owner
            ), addresses AS (
                INSERT INTO customer_addresses (customer_id, position, address)
                SELECT ids.id, position, CAST(address AS JSONB)
                FROM unnest(CAST(:addressOwners AS INT[]), CAST(:addressPositions AS INT[]),
                            CAST(:addresses AS TEXT[])) AS a (owner, position, address)
                JOIN ids ON ids.n = a.owner
            )""";

    /**
     * Inserts many customers with their contacts and addresses in one statement however many (their ids taken from
     * the table's sequence in it, numbered by their place in the list, which the contacts and addresses name);
     * returns them as stored, in the order given, without reading them back. (Four statements were four round trips,
     * 0.15 ms each on a busy two-core machine, issue 20.)
     */
    public List<Customer> insertAll(List<CustomerDetails> details, Instant now) {
        if (details.isEmpty()) {
            return List.of();
        }
        ContactColumns owned = ContactColumns.of(details, json);
        List<Long> ids = jdbc.sql("""
                        WITH ids AS MATERIALIZED (
                            SELECT nextval(pg_get_serial_sequence('customers', 'id')) AS id, n
                            FROM generate_series(1, :n) AS n
                        ), added AS (
                            INSERT INTO customers (id, kind, name, company, country, language, created_at,
                                updated_at, tax_id)
                            OVERRIDING SYSTEM VALUE
                            SELECT ids.id, kind, name, company, country, language, :now, :now, tax_id
                            FROM unnest(CAST(:kinds AS TEXT[]), CAST(:names AS TEXT[]), CAST(:companies AS TEXT[]),
                                        CAST(:countries AS TEXT[]), CAST(:languages AS TEXT[]),
                                        CAST(:taxIds AS TEXT[]))
                                WITH ORDINALITY AS c (kind, name, company, country, language, tax_id, n)
                            JOIN ids ON ids.n = c.n
                        )""" + CONTACTS_AND_ADDRESSES + """
                        SELECT id FROM ids ORDER BY n""")
                .param("n", details.size())
                .param("kinds", details.stream().map(c -> c.kind().name()).toArray(String[]::new))
                .param("names", details.stream().map(c -> c.name().strip()).toArray(String[]::new))
                .param(
                        "companies",
                        details.stream().map(CustomerDetails::company).toArray(String[]::new))
                .param(
                        "countries",
                        details.stream().map(CustomerDetails::country).toArray(String[]::new))
                .param(
                        "languages",
                        details.stream().map(CustomerDetails::language).toArray(String[]::new))
                .param("taxIds", details.stream().map(CustomerDetails::taxId).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .params(owned.params())
                .query(Long.class)
                .list();
        List<Customer> stored = new ArrayList<>(details.size());
        for (int i = 0; i < details.size(); i++) {
            CustomerDetails c = details.get(i);
            stored.add(new Customer(
                    ids.get(i),
                    c.kind(),
                    c.name().strip(),
                    c.company(),
                    c.country(),
                    c.language(),
                    c.contacts(),
                    c.addresses(),
                    now,
                    now,
                    0,
                    c.taxId()));
        }
        return stored;
    }

    /**
     * Writes a customer's new details if nobody changed them since {@code version} (contacts and addresses replaced
     * whole, in their new order); answers the new version, or nothing when someone was quicker.
     */
    public Optional<Integer> update(long id, int version, CustomerDetails c, String by, Instant now) {
        Optional<Integer> written = jdbc.sql("""
                        UPDATE customers SET kind = :kind, name = :name, company = :company, country = :country,
                            language = :language, tax_id = :taxId, updated_at = :now, updated_by = :by,
                            shipping_address = :shipTo, billing_address = :billTo, version = version + 1,
                            custom_fields = coalesce(CAST(:customFields AS JSONB), custom_fields)
                        WHERE id = :id AND version = :version
                        RETURNING version""")
                .param("kind", c.kind().name())
                .param("name", c.name().strip())
                .param("company", c.company())
                .param("country", c.country())
                .param("language", c.language())
                .param("taxId", c.taxId())
                .param("shipTo", c.addressUse().shipping())
                .param("billTo", c.addressUse().billing())
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("id", id)
                .param("version", version)
                .param("customFields", c.customFields() == null ? null : customFieldsJson(c.customFields()))
                .query(Integer.class)
                .optional();
        if (written.isPresent()) {
            jdbc.sql("DELETE FROM customer_contacts WHERE customer_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("DELETE FROM customer_addresses WHERE customer_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("WITH ids AS (SELECT CAST(:id AS BIGINT) AS id, 1 AS n)" + CONTACTS_AND_ADDRESSES
                            + " SELECT count(*) FROM ids")
                    .param("id", id)
                    .params(ContactColumns.of(List.of(c), json).params())
                    .query(Long.class)
                    .single();
            jdbc.sql("DELETE FROM customer_persons WHERE customer_id = :id")
                    .param("id", id)
                    .update();
            insertPersons(id, c.persons());
        }
        return written;
    }

    /** Locks these customers (in id order) until the transaction ends; answers their versions. */
    public Map<Long, Integer> lock(long first, long second) {
        Map<Long, Integer> versions = new HashMap<>();
        jdbc.sql("SELECT id, version FROM customers WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
                .param("a", first)
                .param("b", second)
                .query((ResultSet rs) -> {
                    versions.put(rs.getLong(1), rs.getInt(2));
                });
        return versions;
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM customers WHERE id = :id").param("id", id).update();
    }

    /** Who changed the customer last (null: nobody since it was created). */
    public Optional<String> updatedBy(long id) {
        return jdbc.sql("SELECT updated_by FROM customers WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(o -> o);
    }

    public Optional<Customer> findById(long id) {
        return findByIds(List.of(id)).stream().findFirst();
    }

    /** Customers with this e-mail or payer account (compared in lower case), for the search box. */
    public List<Long> findIdsByAccount(String value, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT customer_id FROM customer_contacts
                        WHERE kind IN ('EMAIL', 'PAYER_ACCOUNT') AND normalized = :value LIMIT :limit""")
                .param("value", value.strip().toLowerCase(Locale.ROOT))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** The customer who has this e-mail or payer account (normalized), if exactly one does. */
    public Optional<Long> findIdByContact(ContactKind kind, String normalized) {
        List<Long> ids = jdbc.sql("""
                        SELECT DISTINCT customer_id FROM customer_contacts
                        WHERE kind = :kind AND normalized = :normalized LIMIT 2""")
                .param("kind", kind.name())
                .param("normalized", normalized)
                .query(Long.class)
                .list();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    public List<Customer> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Contact>> contacts = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT customer_id, kind, value, label FROM customer_contacts WHERE customer_id IN (:ids) ORDER BY position")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Contact(ContactKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
                });
        Map<Long, List<Address>> addresses = new LinkedHashMap<>();
        jdbc.sql("SELECT customer_id, address FROM customer_addresses WHERE customer_id IN (:ids) ORDER BY position")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    addresses
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(json.readValue(rs.getString(2), Address.class));
                });
        Map<Long, List<ContactPerson>> persons = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT customer_id, name, role, email, phone FROM customer_persons
                        WHERE customer_id IN (:ids) ORDER BY position""").param("ids", ids).query((ResultSet rs) -> {
            persons.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new ContactPerson(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        });
        return jdbc.sql("""
                        SELECT id, kind, name, company, country, language, created_at, updated_at, version, tax_id,
                            shipping_address, billing_address, custom_fields
                        FROM customers WHERE id IN (:ids) ORDER BY id""")
                .param("ids", ids)
                .query((rs, n) -> map(
                        rs,
                        contacts.getOrDefault(rs.getLong("id"), List.of()),
                        addresses.getOrDefault(rs.getLong("id"), List.of()),
                        persons.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /**
     * Customers whose name, company, e-mail, phone or payer account matches, newest first; a phone also by its
     * national significant digits at the end, however it was stored ({@code phoneDigits}, see Phones); only those
     * whose custom fields contain {@code customFields} (stored form).
     */
    public List<Customer> search(String query, String phoneDigits, Map<String, Object> customFields, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<String> where = new ArrayList<>();
        if (!q.isEmpty()) {
            where.add("""
                    (lower(c.name) LIKE :like ESCAPE '\\' OR lower(coalesce(c.company, '')) LIKE :like ESCAPE '\\'
                     OR EXISTS (SELECT 1 FROM customer_contacts k WHERE k.customer_id = c.id
                                AND (k.normalized = :exact OR k.normalized = :digits
                                     OR (length(:phone) >= 7 AND k.kind IN ('PHONE', 'LANDLINE')
                                         AND k.normalized LIKE '%' || :phone))))""");
        }
        if (!customFields.isEmpty()) { // containment, answered by the GIN index on custom_fields
            where.add("c.custom_fields @> CAST(:customFields AS JSONB)");
        }
        String digits = q.replaceAll("[^0-9]", "");
        List<Long> ids = jdbc.sql("SELECT c.id FROM customers c"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY c.id DESC LIMIT :limit")
                .param("like", "%" + escapeLike(q) + "%")
                .param("exact", q)
                .param("digits", digits.isEmpty() ? q : digits)
                .param("phone", phoneDigits)
                .param("customFields", customFieldsJson(customFields))
                .param("limit", limit)
                .query(Long.class)
                .list();
        List<Customer> found = new ArrayList<>(findByIds(ids));
        found.sort((a, b) -> Long.compare(b.id(), a.id()));
        return found;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM customers").query(Long.class).single();
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final TypeReference<Map<String, Object>> CUSTOM_FIELDS = new TypeReference<>() {};

    private Customer map(ResultSet rs, List<Contact> contacts, List<Address> addresses, List<ContactPerson> persons)
            throws SQLException {
        String custom = rs.getString("custom_fields");
        return new Customer(
                rs.getLong("id"),
                CustomerKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("company"),
                rs.getString("country"),
                rs.getString("language"),
                contacts,
                addresses,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"),
                rs.getString("tax_id"),
                persons,
                new AddressUse(rs.getInt("shipping_address"), (Integer) rs.getObject("billing_address")),
                "{}".equals(custom) ? Map.of() : json.readValue(custom, CUSTOM_FIELDS));
    }
}
