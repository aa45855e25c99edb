package dev.kontor.workbench.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Phones;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.Text;
import dev.kontor.workbench.OrderCondition;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderMark;
import dev.kontor.workbench.OrderPage;
import dev.kontor.workbench.OrderSort;
import dev.kontor.workbench.OrderSummary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order lists over the orders module's tables, read only: filtered, sorted, keyset-paged, counted (from the
 * bucket deltas of {@code order_counts} where a filter allows), and why a search matched.
 */
@Repository
public class ListQueries {

    private final CustomFields fields;
    private final ObjectProvider<OrderMark> marks;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> CUSTOM_FIELDS = new TypeReference<>() {};

    private static final String COLUMNS = """
            o.id, o.number, o.channel, o.external_id, o.customer_id, o.customer_name, o.lifecycle, o.payment_status,
            o.fulfilment_status, o.currency, o.total, o.tags, o.placed_at, o.updated_at, o.flagged, o.payment_method,
            o.approved_at, o.custom_fields,
            (SELECT coalesce(sum(l.quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS units""";

    /** Orders a user is responsible for or observes. */
    private static final String VISIBLE = "(o.responsible_id = :me OR EXISTS (SELECT 1 FROM order_observers ob "
            + "WHERE ob.order_id = o.id AND ob.user_id = :me))";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    /** Where a phone number without a country code is from: the shop's country. */
    private final String region;

    ListQueries(JdbcClient jdbc, ShopSettings shop, CustomFields fields, ObjectProvider<OrderMark> marks) {
        this.marks = marks;
        this.jdbc = jdbc;
        this.fields = fields;
        this.zone = shop.timeZone();
        this.region = shop.homeCountry();
    }

    public OrderPage find(OrderFilter filter, OrderSort sort, boolean descending, String cursor, int limit) {
        Where where = where(filter);
        if (sort == OrderSort.APPROVED) {
            where.add("o.approved_at IS NOT NULL"); // by approval time: the orders that were approved
        }
        String dir = descending ? "DESC" : "ASC";
        String column = "o." + sort.column();
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = decode(cursor);
            where.add("(" + column + ", o.id) " + (descending ? "<" : ">") + " (:cursorValue, :cursorId)");
            try {
                where.params.put("cursorValue", cursorValue(sort, parts[0]));
            } catch (RuntimeException e) {
                throw InvalidInputException.of("after", "validation.cursor");
            }
            where.params.put("cursorId", Long.parseLong(parts[1]));
        }
        List<OrderSummary> rows = jdbc.sql("SELECT " + COLUMNS + " FROM orders o" + where.sql() + " ORDER BY " + column
                        + " " + dir + ", o.id " + dir + " LIMIT :limit")
                .params(where.params)
                .param("limit", limit + 1)
                .query(ListQueries::summary)
                .list();
        if (rows.size() <= limit) {
            return new OrderPage(rows, null);
        }
        List<OrderSummary> page = new ArrayList<>(rows.subList(0, limit));
        OrderSummary last = page.get(page.size() - 1);
        return new OrderPage(page, encode(sortValue(sort, last), last.id()));
    }

    /** The chosen orders as the list shows them, in the order given; deleted and invisible ones left out. */
    public List<OrderSummary> byIds(List<Long> ids, Long visibleToUserId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unnest(CAST(:ids AS BIGINT[])) WITH ORDINALITY AS chosen (id, n) "
                        + "JOIN orders o ON o.id = chosen.id WHERE o.lifecycle <> 'DELETED'"
                        + " AND (CAST(:me AS BIGINT) IS NULL OR " + VISIBLE + ") ORDER BY chosen.n")
                .param("ids", ids.toArray(Long[]::new))
                .param("me", visibleToUserId)
                .query(ListQueries::summary)
                .list();
    }

    /**
     * How many orders match: from the bucket counts (order_counts) when the filter only names statuses, channels
     * and the blacklist mark, so that a view of a million orders is counted in a millisecond; by counting otherwise.
     */
    public long count(OrderFilter filter) {
        Where where = where(filter);
        String sql = countsBuckets(filter)
                ? "SELECT coalesce(sum(o.delta), 0) FROM order_counts o"
                : "SELECT count(*) FROM orders o";
        return jdbc.sql(sql + where.sql())
                .params(where.params)
                .query(Long.class)
                .single();
    }

    /** Whether the filter asks only what the buckets of order_counts know. */
    private static boolean countsBuckets(OrderFilter f) {
        return Text.clean(f.query()) == null
                && f.placedFrom() == null
                && f.placedTo() == null
                && f.customerId() == null
                && f.visibleToUserId() == null
                && f.overdueOn() == null
                && f.matchedIds().isEmpty()
                && f.paymentMethods().isEmpty()
                && f.approvedFrom() == null
                && f.approvedTo() == null
                && f.customFields().isEmpty()
                && f.marks().isEmpty();
    }

    /** Folds the count deltas together, bucket by bucket; safe to run on several instances at once. */
    public void foldCounts() {
        jdbc.sql("""
                WITH gone AS (DELETE FROM order_counts RETURNING *)
                INSERT INTO order_counts
                SELECT lifecycle, payment_status, fulfilment_status, channel, flagged, sum(delta) FROM gone
                GROUP BY lifecycle, payment_status, fulfilment_status, channel, flagged HAVING sum(delta) <> 0""").update();
    }

    /**
     * The ids of the orders matching the filter, oldest first, at most {@code limit + 1} of them (so that the caller
     * can refuse a selection that is too large).
     */
    public List<Long> ids(OrderFilter filter, int limit) {
        Where where = where(filter);
        return jdbc.sql("SELECT o.id FROM orders o" + where.sql() + " ORDER BY o.placed_at, o.id LIMIT :limit")
                .params(where.params)
                .param("limit", limit + 1)
                .query(Long.class)
                .list();
    }

    /** The latest orders of these customers (the search by payer account), newest first. */
    public List<Long> findIdsByCustomers(Collection<Long> customerIds, int limit) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM orders WHERE customer_id IN (:ids) ORDER BY id DESC LIMIT :limit")
                .param("ids", customerIds)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Why each of these orders matched the search text, by the first key that does: {@code number}, {@code external},
     * {@code email}, {@code phone}, {@code name} or {@code sku}; orders matched by another module are left out.
     */
    public Map<Long, String> matchedKeys(String query, List<Long> ids) {
        String q = Text.clean(query);
        Map<Long, String> keys = new LinkedHashMap<>();
        if (q == null || q.length() > 200 || ids.isEmpty()) {
            return keys;
        }
        String digits = Phones.significantDigits(q, region);
        jdbc.sql("""
                        SELECT o.id, CASE
                            WHEN o.number = upper(:q) OR o.number LIKE upper(:prefix) ESCAPE '\\' THEN 'number'
                            WHEN o.external_id = :q THEN 'external'
                            WHEN lower(o.email) = :lower THEN 'email'
                            WHEN length(:digits) >= 7 AND regexp_replace(coalesce(o.phone, ''), '[^0-9]', '', 'g')
                                 LIKE '%' || :digits THEN 'phone'
                            WHEN lower(o.customer_name) LIKE :contains ESCAPE '\\' THEN 'name'
                            WHEN EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND upper(l.sku) = upper(:q))
                                 THEN 'sku'
                            END AS matched
                        FROM orders o WHERE o.id IN (:ids)""")
                .param("q", q)
                .param("prefix", like(q) + "%")
                .param("lower", q.toLowerCase(Locale.ROOT))
                .param("digits", digits)
                .param("contains", "%" + like(q.toLowerCase(Locale.ROOT)) + "%")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    if (rs.getString("matched") != null) {
                        keys.put(rs.getLong("id"), rs.getString("matched"));
                    }
                });
        return keys;
    }

    /** Orders per lifecycle status, for the list's tabs; only those visible to the user when one is given. */
    public Map<LifecycleStatus, Long> countByLifecycle(Long visibleTo) {
        Map<LifecycleStatus, Long> counts = new LinkedHashMap<>();
        jdbc.sql(
                        visibleTo == null
                                ? "SELECT lifecycle, sum(delta) FROM order_counts WHERE lifecycle <> 'DELETED' GROUP BY lifecycle"
                                : "SELECT lifecycle, count(*) FROM orders o WHERE lifecycle <> 'DELETED' AND " + VISIBLE
                                        + " GROUP BY lifecycle")
                .params(visibleTo == null ? Map.of() : Map.of("me", visibleTo))
                .query((ResultSet rs) -> {
                    counts.put(LifecycleStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** How many orders match the filter, per channel (e.g. "eBay – unpaid items"). */
    public Map<String, Long> countByChannel(OrderFilter filter) {
        Where where = where(filter);
        Map<String, Long> counts = new LinkedHashMap<>();
        String sql = countsBuckets(filter)
                ? "SELECT o.channel, sum(o.delta) FROM order_counts o" + where.sql()
                        + " GROUP BY o.channel HAVING sum(o.delta) > 0 ORDER BY o.channel"
                : "SELECT o.channel, count(*) FROM orders o" + where.sql() + " GROUP BY o.channel ORDER BY o.channel";
        jdbc.sql(sql).params(where.params).query((ResultSet rs) -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /** The filter as a condition over {@code orders o} for another read model's statement. */
    public OrderCondition condition(OrderFilter filter) {
        Where where = where(filter);
        return new OrderCondition(String.join(" AND ", where.conditions), where.params);
    }

    private Where where(OrderFilter f) {
        Where where = new Where();
        where.add("o.lifecycle <> 'DELETED'");
        // Statuses as literals (enum names, never user text): the planner then proves that the unpaid view matches
        // its partial indexes, whatever plan it caches.
        where.literals("o.lifecycle", f.lifecycle());
        where.literals("o.payment_status", f.payment());
        where.literals("o.fulfilment_status", f.fulfilment());
        if (!f.channels().isEmpty()) {
            where.in("o.channel", "channels", List.copyOf(f.channels()));
        }
        if (f.placedFrom() != null) {
            where.add("o.placed_at >= :from");
            where.params.put(
                    "from", Timestamp.from(f.placedFrom().atStartOfDay(zone).toInstant()));
        }
        if (f.placedTo() != null) {
            where.add("o.placed_at < :to");
            where.params.put(
                    "to",
                    Timestamp.from(f.placedTo().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (f.flaggedOnly()) {
            where.add("o.flagged");
        }
        if (!f.paymentMethods().isEmpty()) {
            where.in(
                    "upper(o.payment_method)",
                    "methods",
                    f.paymentMethods().stream()
                            .map(m -> m.toUpperCase(Locale.ROOT))
                            .toList());
        }
        if (f.approvedFrom() != null) {
            where.add("o.approved_at >= :approvedFrom");
            where.params.put(
                    "approvedFrom", Timestamp.from(f.approvedFrom().atZone(zone).toInstant()));
        }
        if (f.approvedTo() != null) {
            where.add("o.approved_at < :approvedTo");
            where.params.put(
                    "approvedTo", Timestamp.from(f.approvedTo().atZone(zone).toInstant()));
        }
        if (f.overdueOn() != null) {
            where.add("""
                    o.due_on < :overdueOn AND o.payment_status IN ('UNPAID', 'PARTIALLY_PAID', 'PENDING')
                    AND o.lifecycle IN ('NEW', 'APPROVED', 'ON_HOLD', 'COMPLETED')""");
            where.params.put("overdueOn", f.overdueOn());
        }
        if (!f.customFields().isEmpty()) {
            // containment, answered by the GIN index on custom_fields for any field (docs/custom-fields.md)
            where.add("o.custom_fields @> CAST(:customFields AS JSONB)");
            Map<String, String> written = new LinkedHashMap<>();
            f.customFields().forEach((key, value) -> written.put(key, value == null ? null : value.toString()));
            where.params.put("customFields", JSON.writeValueAsString(fields.filter(FieldScope.ORDER, written)));
        }
        for (String key : f.marks()) {
            OrderMark mark = marks.orderedStream()
                    .filter(m -> m.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> InvalidInputException.of("mark", "validation.unknown-value", key));
            where.add("(" + mark.condition() + ")");
        }
        if (f.customerId() != null) {
            where.add("o.customer_id = :customerId");
            where.params.put("customerId", f.customerId());
        }
        if (f.visibleToUserId() != null) {
            where.add(VISIBLE);
            where.params.put("me", f.visibleToUserId());
        }
        matchText(where, f);
        return where;
    }

    /** The search box's text: a union of index lookups, one per key (docs/search.md), never a scan of every order. */
    private void matchText(Where where, OrderFilter f) {
        String q = Text.clean(f.query());
        if (q != null) {
            if (q.length() > 200) {
                throw InvalidInputException.of("q", "validation.too-long", 200);
            }
            // A union of index lookups, one per key (docs/search.md): never a scan of every order.
            String digits = Phones.significantDigits(q, region);
            String lower = q.toLowerCase(Locale.ROOT);
            StringBuilder hits = new StringBuilder("""
                    o.id IN (SELECT id FROM orders WHERE number = upper(:q)
                     UNION SELECT id FROM orders WHERE number LIKE upper(:prefix) ESCAPE '\\'
                     UNION SELECT id FROM orders WHERE external_id = :q
                     UNION SELECT id FROM orders WHERE lower(email) = :lower
                     UNION SELECT order_id FROM order_lines WHERE upper(sku) = upper(:q)""");
            if (lower.codePointCount(0, lower.length()) >= 3 || !lower.chars().allMatch(c -> c < 128)) {
                // The matching names first, as one array: orders are then found through their name's btree, whatever
                // the plan guesses about how many names a pattern matches.
                hits.append(
                        "\n UNION SELECT id FROM orders WHERE lower(customer_name) = ANY (ARRAY("
                                + "SELECT name FROM order_customer_names WHERE name LIKE :contains ESCAPE '\\'"
                                // names of orders committed since the last fold (OrderCountsJob): a few seconds' worth
                                + " UNION SELECT name FROM order_customer_names_pending WHERE name LIKE :contains ESCAPE '\\'))");
            }
            if (digits.length() >= 7) {
                hits.append("\n UNION SELECT id FROM orders WHERE phone_tail = right(:digits, 8)"
                        + " AND regexp_replace(phone, '[^0-9]', '', 'g') LIKE '%' || :digits");
            }
            if (!f.matchedIds().isEmpty()) {
                hits.append("\n UNION SELECT unnest(CAST(:matched AS BIGINT[]))");
                where.params.put("matched", f.matchedIds().toArray(Long[]::new));
            }
            where.add(hits.append(")").toString());
            where.params.put("q", q);
            where.params.put("lower", lower);
            where.params.put("prefix", like(q) + "%");
            where.params.put("contains", "%" + like(lower) + "%");
            where.params.put("digits", digits);
        }
    }

    private static String like(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        void add(String condition) {
            conditions.add(condition);
        }

        void literals(String column, Set<? extends Enum<?>> values) {
            if (!values.isEmpty()) {
                conditions.add(column + " IN ("
                        + values.stream()
                                .map(v -> "'" + v.name() + "'")
                                .sorted()
                                .collect(Collectors.joining(", "))
                        + ")");
            }
        }

        void in(String column, String name, List<String> values) {
            conditions.add(column + " IN (:" + name + ")");
            params.put(name, values);
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }

    private static Object sortValue(OrderSort sort, OrderSummary s) {
        return switch (sort) {
            case PLACED -> s.placedAt();
            case UPDATED -> s.updatedAt();
            case APPROVED -> s.approvedAt();
            case NUMBER -> s.number();
            case CUSTOMER -> s.customerName();
            case TOTAL -> s.total();
        };
    }

    private static Object cursorValue(OrderSort sort, String value) {
        return switch (sort) {
            case PLACED, UPDATED, APPROVED -> Timestamp.from(Instant.parse(value));
            case TOTAL -> Long.parseLong(value);
            case NUMBER, CUSTOMER -> value;
        };
    }

    private static String encode(Object value, long id) {
        String raw = value + "\u0000" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\u0000", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            Long.parseLong(parts[1]);
            return parts;
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("after", "validation.cursor");
        }
    }

    private static OrderSummary summary(ResultSet rs, int n) throws SQLException {
        return new OrderSummary(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("channel"),
                rs.getString("external_id"),
                rs.getLong("customer_id"),
                rs.getString("customer_name"),
                LifecycleStatus.valueOf(rs.getString("lifecycle")),
                PaymentStatus.valueOf(rs.getString("payment_status")),
                FulfilmentStatus.valueOf(rs.getString("fulfilment_status")),
                rs.getString("currency"),
                rs.getLong("total"),
                rs.getInt("units"),
                new TreeSet<>(List.of((String[]) rs.getArray("tags").getArray())),
                rs.getTimestamp("placed_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getBoolean("flagged"),
                rs.getString("payment_method"),
                rs.getTimestamp("approved_at") == null
                        ? null
                        : rs.getTimestamp("approved_at").toInstant(),
                "{}".equals(rs.getString("custom_fields"))
                        ? Map.of()
                        : JSON.readValue(rs.getString("custom_fields"), CUSTOM_FIELDS));
    }

    /** Of these orders, those that exist and are not deleted, in the order given. */
    public List<Long> present(List<Long> ids) {
        return jdbc.sql("""
                        SELECT o.id FROM unnest(CAST(:ids AS BIGINT[])) WITH ORDINALITY AS chosen (id, n)
                        JOIN orders o ON o.id = chosen.id AND o.lifecycle <> 'DELETED' ORDER BY chosen.n""")
                .param("ids", ids.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    /** The numbers of these orders, by id. */
    public Map<Long, String> numbers(Collection<Long> ids) {
        Map<Long, String> numbers = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return numbers;
        }
        jdbc.sql("SELECT id, number FROM orders WHERE id = ANY (CAST(:ids AS BIGINT[]))")
                .param("ids", ids.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    numbers.put(rs.getLong(1), rs.getString(2));
                });
        return numbers;
    }
}
