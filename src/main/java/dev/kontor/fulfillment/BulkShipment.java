package dev.kontor.fulfillment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.kontor.access.Actor;
import dev.kontor.fulfillment.internal.ShipmentRepository;
import dev.kontor.orders.Order;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;

/**
 * Ships many orders from a file, as marketplace sellers work: one row per parcel with the order number, the
 * carrier and the tracking number. Each row ships everything still open on its order, in its own transaction:
 * a bad row is reported by its line and the others still go through. A row whose order already has a shipment
 * with that tracking number is reported as done before, so uploading the same file twice ships nothing twice.
 */
@Service
public class BulkShipment {

    /** How one row went. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "BulkShipmentOutcome")
    public enum Outcome {
        SHIPPED,
        ALREADY_SHIPPED,
        FAILED
    }

    /**
     * One row's result.
     *
     * @param messageKey why it failed (a message key with {@code args}); {@code null} when it did not
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "BulkShipmentRow")
    public record Row(
            long line,
            String orderNumber,
            String trackingNumber,
            Outcome outcome,
            String messageKey,
            List<Object> args) {}

    /** What the file did, row by row. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "BulkShipmentReport")
    public record Report(List<Row> rows) {

        public long count(Outcome outcome) {
            return rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    private static final int MAX_ROWS = 10_000;
    private static final Set<String> HEADER_WORDS = Set.of(
            "order",
            "order number",
            "order_number",
            "number",
            "auftrag",
            "auftragsnummer",
            "订单号",
            "ordre",
            "ordrenummer",
            "bestilling");

    private final Shipments shipments;
    private final ShipmentRepository records;
    private final Orders orders;

    BulkShipment(Shipments shipments, ShipmentRepository records, Orders orders) {
        this.shipments = shipments;
        this.records = records;
        this.orders = orders;
    }

    /** Reads {@code order number, carrier, tracking number} rows (a header row is recognised and skipped). */
    public Report ship(Actor actor, Reader csv) {
        List<Row> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(csv)) {
            boolean first = true;
            for (CsvRecord record : reader) {
                if (first && HEADER_WORDS.contains(record.getField(0).strip().toLowerCase(Locale.ROOT))) {
                    first = false;
                    continue;
                }
                first = false;
                if (rows.size() >= MAX_ROWS) {
                    rows.add(new Row(
                            record.getStartingLineNumber(),
                            null,
                            null,
                            Outcome.FAILED,
                            "bulk-ship.too-many-rows",
                            List.of(MAX_ROWS)));
                    break;
                }
                rows.add(shipRow(actor, record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Report(rows);
    }

    private Row shipRow(Actor actor, CsvRecord record) {
        long line = record.getStartingLineNumber();
        String number = field(record, 0);
        String carrier = field(record, 1);
        String tracking = Carrier.normalize(field(record, 2));
        if (number == null) {
            return failed(line, null, tracking, "bulk-ship.no-order-number");
        }
        if (carrier == null) {
            return failed(line, number, tracking, "bulk-ship.no-carrier");
        }
        if (tracking == null) {
            return failed(line, number, null, "bulk-ship.no-tracking");
        }
        try {
            Optional<Order> found = orders.byNumber(actor, number.toUpperCase(Locale.ROOT));
            if (found.isEmpty()) {
                return failed(line, number, tracking, "bulk-ship.unknown-order", number);
            }
            Order order = found.get();
            if (records.hasTracking(order.id(), tracking)) {
                return new Row(line, order.number(), tracking, Outcome.ALREADY_SHIPPED, null, List.of());
            }
            List<ShipmentRequest.Line> open = order.lines().stream()
                    .filter(l -> l.openQuantity() > 0)
                    .map(l -> new ShipmentRequest.Line(l.id(), l.openQuantity()))
                    .toList();
            if (open.isEmpty()) {
                return failed(line, order.number(), tracking, "bulk-ship.nothing-open", order.number());
            }
            shipments.record(actor, order.id(), new ShipmentRequest(carrier, tracking, null, open));
            return new Row(line, order.number(), tracking, Outcome.SHIPPED, null, List.of());
        } catch (InvalidInputException e) {
            var problem = e.problems().get(0);
            return new Row(line, number, tracking, Outcome.FAILED, problem.code(), problem.args());
        } catch (KontorException e) {
            return new Row(line, number, tracking, Outcome.FAILED, e.messageKey(), e.args());
        }
    }

    private static Row failed(long line, String number, String tracking, String key, Object... args) {
        return new Row(line, number, tracking, Outcome.FAILED, key, List.of(args));
    }

    private static String field(CsvRecord record, int index) {
        return index < record.getFieldCount() ? Text.clean(record.getField(index)) : null;
    }
}
