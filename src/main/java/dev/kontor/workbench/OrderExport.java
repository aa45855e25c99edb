package dev.kontor.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.kontor.access.Actor;
import dev.kontor.access.Permissions;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.fields.CustomField;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldRules;
import dev.kontor.fields.FieldScope;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderContent;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.Orders;
import dev.kontor.orders.Totals;
import dev.kontor.shared.Address;
import dev.kontor.shared.CsvCells;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Money;
import dev.kontor.workbench.internal.ListQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order list as CSV, for a spreadsheet and for another Kontor: one row per item, the order's fields repeated on
 * each of its rows (an order without items has one row), the chosen orders, or every order a list shows (newest
 * first), as the user may see them. Amounts are decimals in the order's currency; times ISO 8601 in UTC. The layout
 * is documented in docs/formats/orders-csv.md; the importer reads it back without a mapping.
 */
@Service
public class OrderExport {

    private final CustomFields fields;

    static final List<String> HEADER = List.of(
            "number",
            "placed_at",
            "channel",
            "external_id",
            "customer",
            "email",
            "phone",
            "ship_to",
            "ship_phone",
            "company",
            "street",
            "street2",
            "postal_code",
            "city",
            "region",
            "country",
            "shipping",
            "discount",
            "tax",
            "total",
            "paid",
            "currency",
            "lifecycle",
            "payment",
            "fulfilment",
            "payment_method",
            "approved_at",
            "tags",
            "blacklisted",
            "sku",
            "item",
            "attributes",
            "quantity",
            "unit_price",
            "line_discount",
            "tax_rate");
    private static final int PAGE = 500;

    private final ListQueries queries;
    private final OrderLists lists;
    private final Orders orders;
    private final Permissions permissions;

    OrderExport(ListQueries queries, OrderLists lists, Orders orders, Permissions permissions, CustomFields fields) {
        this.fields = fields;
        this.queries = queries;
        this.lists = lists;
        this.orders = orders;
        this.permissions = permissions;
    }

    /** The chosen orders, in the order given. */
    @Transactional(readOnly = true)
    public void chosen(Actor actor, List<Long> ids, Writer out) {
        List<Long> distinct = ids == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.isEmpty()) {
            throw InvalidInputException.of("orderIds", "validation.bulk.none-chosen");
        }
        if (distinct.size() > BulkJobs.MAX_ITEMS) {
            throw InvalidInputException.of("orderIds", "validation.bulk.too-many", BulkJobs.MAX_ITEMS);
        }
        Long me = permissions.seesAllOrders(actor) ? null : actor.userId();
        List<CustomField> custom = fields.active(FieldScope.ORDER);
        write(out, custom, csv -> {
            for (int from = 0; from < distinct.size(); from += PAGE) {
                writePage(
                        csv, queries.byIds(distinct.subList(from, Math.min(from + PAGE, distinct.size())), me), custom);
            }
        });
    }

    /** Every order the list with this filter shows, newest first, page by page (keyset). */
    @Transactional(readOnly = true)
    public void matching(Actor actor, OrderFilter filter, Writer out) {
        OrderFilter visible = lists.visibleTo(actor, filter);
        List<CustomField> custom = fields.active(FieldScope.ORDER);
        write(out, custom, csv -> {
            String cursor = null;
            int written = 0;
            do {
                OrderPage page = queries.find(visible, OrderSort.PLACED, true, cursor, PAGE);
                writePage(csv, page.items(), custom);
                written += page.items().size();
                cursor = page.next();
            } while (cursor != null && written < BulkJobs.MAX_ITEMS);
        });
    }

    private interface Rows {
        void write(CsvWriter csv) throws IOException;
    }

    private static void write(Writer out, List<CustomField> custom, Rows rows) {
        try {
            out.write('\uFEFF'); // so that spreadsheets read UTF-8 (Chinese names) right
            try (CsvWriter csv = CsvWriter.builder().build(out)) {
                List<String> header = new ArrayList<>(HEADER);
                custom.forEach(f -> header.add("cf." + f.key())); // the shop's own fields, after Kontor's
                csv.writeRecord(header);
                rows.write(csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of the list with its orders' contents, read in one go. */
    private void writePage(CsvWriter csv, List<OrderSummary> page, List<CustomField> custom) {
        Map<Long, Order> contents =
                orders.getAll(page.stream().map(OrderSummary::id).toList());
        for (OrderSummary summary : page) {
            Order order = contents.get(summary.id());
            if (order == null) {
                continue; // deleted since the list was read
            }
            List<String> head = orderCells(summary, order);
            List<String> tail = customCells(order, custom);
            if (order.lines().isEmpty()) {
                csv.writeRecord(CsvCells.safe(concat(concat(head, Collections.nCopies(7, "")), tail)));
            }
            for (OrderLine line : order.lines()) {
                csv.writeRecord(CsvCells.safe(concat(concat(head, lineCells(line, order.currency())), tail)));
            }
        }
    }

    /** The order's custom fields, in the header's order: amounts as "12.50 EUR", days as 2026-12-24. */
    private static List<String> customCells(Order order, List<CustomField> custom) {
        List<String> cells = new ArrayList<>(custom.size());
        for (CustomField f : custom) {
            String value = FieldRules.written(order.content().customFields().get(f.key()));
            cells.add(value == null ? "" : value);
        }
        return cells;
    }

    private static List<String> orderCells(OrderSummary o, Order order) {
        OrderContent content = order.content();
        Address to = content.shippingAddress() != null ? content.shippingAddress() : content.billingAddress();
        Totals totals = order.totals();
        String currency = order.currency();
        return List.of(
                o.number(),
                o.placedAt().toString(),
                o.channel(),
                text(o.externalId()),
                text(content.customerName()),
                text(content.email()),
                text(content.phone()),
                to == null ? "" : text(to.name()),
                to == null ? "" : text(to.phone()),
                to == null ? "" : text(to.company()),
                to == null ? "" : text(to.street()),
                to == null ? "" : text(to.street2()),
                to == null ? "" : text(to.postalCode()),
                to == null ? "" : text(to.city()),
                to == null ? "" : text(to.region()),
                to == null ? "" : text(to.country()),
                decimal(totals.shipping(), currency),
                decimal(totals.discount(), currency),
                decimal(content.pricesIncludeTax() ? 0 : totals.tax(), currency),
                decimal(totals.total(), currency),
                decimal(order.paid() - order.refunded(), currency),
                currency,
                o.lifecycle().name(),
                o.payment().name(),
                o.fulfilment().name(),
                text(o.paymentMethod()),
                o.approvedAt() == null ? "" : o.approvedAt().toString(),
                String.join(" ", o.tags()),
                Boolean.toString(o.flagged()));
    }

    private static List<String> lineCells(OrderLine line, String currency) {
        StringBuilder attributes = new StringBuilder();
        line.attributes()
                .forEach((k, v) -> attributes
                        .append(attributes.isEmpty() ? "" : ";")
                        .append(k)
                        .append(':')
                        .append(v));
        return List.of(
                text(line.sku()),
                text(line.name()),
                attributes.toString(),
                Integer.toString(line.quantity()),
                decimal(line.unitPrice(), currency),
                decimal(line.discount(), currency),
                BigDecimal.valueOf(line.taxRate(), 2).stripTrailingZeros().toPlainString());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private static String decimal(long minor, String currency) {
        return Money.of(minor, currency).toDecimal().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
