package dev.kontor.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.integration.internal.ChannelFileRepository;
import dev.kontor.integration.internal.ChannelFileRepository.Line;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.ShopSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The connector that ships with Kontor: for marketplaces that take a shipping confirmation upload, each update is a
 * line of the channel's file of the day (in the shop's time zone), downloaded under Admin → Marketplace files and
 * uploaded to the marketplace — Taobao/Tmall's bulk shipping CSV (订单编号, 物流公司, 运单号; GBK, as their back office
 * reads it), eBay's shipment tracking columns (OrderID, ShipmentTrackingNumber, ShippingCarrierUsed, ShippedTime, as
 * SetShipmentTrackingInfo names them) and Amazon's shipping confirmation flat file (tab-separated: order-id,
 * order-item-id, quantity, ship-date, carrier-code, carrier-name, tracking-number, ship-method). Cancellations, refunds
 * and notes are no part of those uploads: they are a second file of the day, to do by hand in the marketplace's back
 * office. The lines live in the database (an application node keeps no files). Channels:
 * {@code kontor.channels.files}.
 */
@Component
public class MarketplaceFiles implements ChannelConnector {

    /** The file of updates the upload formats do not carry. */
    public static final String OTHER = "other";

    private final ChannelFileRepository files;
    private final Permissions permissions;
    private final ZoneId zone;
    private final Set<String> channels;

    MarketplaceFiles(
            ChannelFileRepository files,
            Permissions permissions,
            ShopSettings shop,
            @Value("${kontor.channels.files:TAOBAO,TMALL,EBAY,AMAZON}") List<String> channels) {
        this.files = files;
        this.permissions = permissions;
        this.zone = shop.timeZone();
        this.channels = new LinkedHashSet<>();
        channels.stream()
                .map(c -> c.strip().toUpperCase(Locale.ROOT))
                .filter(c -> !c.isEmpty())
                .forEach(this.channels::add);
    }

    @Override
    public Set<String> channels() {
        return channels;
    }

    @Override
    public String tell(ChannelUpdate u) {
        LocalDate day = u.at().atZone(zone).toLocalDate();
        files.add(
                u.id(),
                u.channel(),
                day,
                new Line(
                        u.kind().name(),
                        u.orderNumber(),
                        u.externalId(),
                        u.carrier(),
                        u.tracking(),
                        u.amount(),
                        u.currency(),
                        u.note(),
                        u.at()));
        return day.toString();
    }

    /** A day's file, ready to upload: its name, media type and bytes. */
    public record File(String name, String contentType, byte[] content) {}

    @Transactional(readOnly = true)
    public List<ChannelFileRepository.Day> days(Actor actor) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        return files.days(60);
    }

    /**
     * A channel's file of a day: the shipping confirmations in the marketplace's upload format, or ({@code part} =
     * {@value #OTHER}) the cancellations, refunds and notes to do by hand.
     */
    @Transactional(readOnly = true)
    public File file(Actor actor, String channel, LocalDate day, String part) {
        permissions.requireAllowed(actor, Permission.INTEGRATION_MANAGE, Situation.NONE);
        String code = channel == null ? "" : channel.strip().toUpperCase(Locale.ROOT);
        if (!channels.contains(code)) {
            throw InvalidInputException.of("channel", "validation.channel", channel, String.join(", ", channels));
        }
        List<Line> lines = files.lines(code, day);
        if (OTHER.equals(part)) {
            return other(
                    code,
                    day,
                    lines.stream().filter(l -> !"SHIPPED".equals(l.kind())).toList());
        }
        List<Line> shipped =
                lines.stream().filter(l -> "SHIPPED".equals(l.kind())).toList();
        return switch (code) {
            case "TAOBAO", "TMALL" ->
                csv(
                        code.toLowerCase(Locale.ROOT) + "-shipping-" + day + ".csv",
                        Charset.forName("GBK"),
                        ',',
                        List.of("订单编号", "物流公司", "运单号"),
                        shipped.stream()
                                .map(l -> List.of(id(l), text(l.carrier()), text(l.tracking())))
                                .toList());
            case "AMAZON" ->
                csv(
                        "amazon-shipping-confirmation-" + day + ".txt",
                        StandardCharsets.UTF_8,
                        '\t',
                        List.of(
                                "order-id",
                                "order-item-id",
                                "quantity",
                                "ship-date",
                                "carrier-code",
                                "carrier-name",
                                "tracking-number",
                                "ship-method"),
                        shipped.stream()
                                .map(l -> List.of(
                                        id(l),
                                        "",
                                        "",
                                        l.at().atZone(zone).toLocalDate().toString(),
                                        "Other",
                                        text(l.carrier()),
                                        text(l.tracking()),
                                        ""))
                                .toList());
            default ->
                csv(
                        code.toLowerCase(Locale.ROOT) + "-tracking-" + day + ".csv",
                        StandardCharsets.UTF_8,
                        ',',
                        List.of("OrderID", "ShipmentTrackingNumber", "ShippingCarrierUsed", "ShippedTime"),
                        shipped.stream()
                                .map(l -> List.of(
                                        id(l),
                                        text(l.tracking()),
                                        text(l.carrier()),
                                        DateTimeFormatter.ISO_INSTANT.format(l.at())))
                                .toList());
        };
    }

    private File other(String channel, LocalDate day, List<Line> lines) {
        return csv(
                channel.toLowerCase(Locale.ROOT) + "-other-" + day + ".csv",
                StandardCharsets.UTF_8,
                ',',
                List.of("what", "order_id", "kontor_number", "refunded", "note"),
                lines.stream()
                        .map(l -> List.of(
                                l.kind().toLowerCase(Locale.ROOT),
                                id(l),
                                l.orderNumber(),
                                l.amount() == null
                                        ? ""
                                        : java.math.BigDecimal.valueOf(l.amount(), 2)
                                                .toPlainString(),
                                text(l.currency()),
                                text(l.note())))
                        .toList());
    }

    /** The marketplace's own order id (Kontor's number when the order has none). */
    private static String id(Line l) {
        return l.externalId() == null ? l.orderNumber() : l.externalId();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static File csv(
            String name, Charset charset, char separator, List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv =
                CsvWriter.builder().fieldSeparator(separator).build(new OutputStreamWriter(out, charset))) {
            csv.writeRecord(header);
            rows.forEach(csv::writeRecord);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = (separator == '\t' ? "text/tab-separated-values" : "text/csv") + "; charset="
                + charset.name().toLowerCase(Locale.ROOT);
        return new File(name, type, out.toByteArray());
    }
}
