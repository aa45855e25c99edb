package dev.kontor.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.kontor.access.Actor;
import dev.kontor.access.Permissions;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.shared.CsvCells;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Money;
import dev.kontor.workbench.internal.ListQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order list as CSV, for a spreadsheet: the chosen orders, or every order a list shows (newest first), as the
 * user may see them. Amounts are decimals in the order's currency; dates ISO 8601 in UTC.
 */
@Service
public class OrderExport {

    static final List<String> HEADER = List.of(
            "number",
            "placed_at",
            "channel",
            "external_id",
            "customer",
            "units",
            "total",
            "currency",
            "lifecycle",
            "payment",
            "fulfilment",
            "tags",
            "blacklisted");
    private static final int PAGE = 500;

    private final ListQueries queries;
    private final OrderLists lists;
    private final Permissions permissions;

    OrderExport(ListQueries queries, OrderLists lists, Permissions permissions) {
        this.queries = queries;
        this.lists = lists;
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
        write(out, csv -> {
            for (int from = 0; from < distinct.size(); from += PAGE) {
                for (OrderSummary o :
                        queries.byIds(distinct.subList(from, Math.min(from + PAGE, distinct.size())), me)) {
                    csv.writeRecord(CsvCells.safe(row(o)));
                }
            }
        });
    }

    /** Every order the list with this filter shows, newest first, page by page (keyset). */
    @Transactional(readOnly = true)
    public void matching(Actor actor, OrderFilter filter, Writer out) {
        OrderFilter visible = lists.visibleTo(actor, filter);
        write(out, csv -> {
            String cursor = null;
            int written = 0;
            do {
                OrderPage page = queries.find(visible, OrderSort.PLACED, true, cursor, PAGE);
                for (OrderSummary o : page.items()) {
                    csv.writeRecord(CsvCells.safe(row(o)));
                }
                written += page.items().size();
                cursor = page.next();
            } while (cursor != null && written < BulkJobs.MAX_ITEMS);
        });
    }

    private interface Rows {
        void write(CsvWriter csv) throws IOException;
    }

    private static void write(Writer out, Rows rows) {
        try {
            out.write('\uFEFF'); // so that spreadsheets read UTF-8 (Chinese names) right
            try (CsvWriter csv = CsvWriter.builder().build(out)) {
                csv.writeRecord(HEADER);
                rows.write(csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(OrderSummary o) {
        return List.of(
                o.number(),
                o.placedAt().toString(),
                o.channel(),
                o.externalId() == null ? "" : o.externalId(),
                o.customerName(),
                Integer.toString(o.units()),
                Money.of(o.total(), o.currency()).toDecimal().toPlainString(),
                o.currency(),
                o.lifecycle().name(),
                o.payment().name(),
                o.fulfilment().name(),
                String.join(" ", o.tags()),
                Boolean.toString(o.flagged()));
    }
}
