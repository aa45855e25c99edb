package dev.kontor.imports;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldType;
import dev.kontor.imports.read.ImportFormat;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.Orders;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.Payments;
import dev.kontor.shared.Address;
import dev.kontor.shared.Names;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.workbench.OrderExport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders export read back by the importer without a mapping: the same buyers, addresses, items, prices,
 * discounts, taxes, totals, payments and values of the shop's own fields, as another Kontor (or this one, after a move) would get them.
 */
@KontorTest
class ExportRoundTripTest {

    @Autowired
    OrderExport export;

    @Autowired
    OrderIntake intake;

    @Autowired
    Orders orders;

    @Autowired
    Payments payments;

    @Autowired
    ImportStaging staging;

    @Autowired
    ImportCommits commits;

    @Autowired
    Imports imports;

    @Autowired
    BulkJobWorker worker;

    @Autowired
    Fixtures fixtures;

    Actor lina;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        fixtures.product("TEA", false, "TEA-100", "TEA-200");
        fixtures.receive("TEA-100", 20);
        fixtures.receive("TEA-200", 20);
        customFields.define(
                fixtures.user("ada", Role.ADMIN),
                new CustomFields.Definition(
                        "deliveryDate", Names.of("Delivery date"), FieldType.DATE, List.of(), false, true));
    }

    @Autowired
    CustomFields customFields;

    private Order place(OrderInput input) {
        return intake.place(lina, input, false).order();
    }

    @Test
    void theExportImportsBackAsTheSameOrders() {
        Address office = new Address(
                "Jana Schmidt", "Leinen & Co. KG", "Hauptstraße 12", "Hinterhaus", "50667", "Köln", null, "DE", null);
        Order gross = place(AnOrder.from("MANUAL")
                .shippingAddress(office)
                .lines(
                        new OrderInput.LineInput(
                                "TEA-100",
                                "Oolong, loose",
                                Map.of("colour", "blue", "size", "M"),
                                1290L,
                                2,
                                100L,
                                null),
                        new OrderInput.LineInput("GIFT-WRAP", "Gift wrap", Map.of(), 350L, 1, null, null))
                .shipping(490L)
                .discount(300L)
                .placedAt(Instant.parse("2026-11-30T08:15:00Z"))
                .customFields(Map.of("deliveryDate", "2026-12-24"))
                .build());
        Order net = place(AnOrder.from("MANUAL")
                .net()
                .currency("NOK")
                .shippingAddress(Fixtures.address("Ola Nordmann", "NO"))
                .lines(new OrderInput.LineInput("TEA-200", "Sencha", Map.of(), 10000L, 3, null, 2500))
                .shipping(0L)
                .placedAt(Instant.parse("2026-12-01T10:00:00Z"))
                .build());
        Order chinese = place(AnOrder.from("TAOBAO")
                .externalId("3392001")
                .customer(OrderInput.CustomerChoice.create(CustomerDetails.of(
                        CustomerKind.PERSON,
                        "王小明",
                        null,
                        "CN",
                        null,
                        null,
                        "+86 138 0013 8000",
                        null,
                        null,
                        null,
                        Fixtures.address("王小明", "CN"))))
                .shippingAddress(Fixtures.address("王小明", "CN"))
                .currency("CNY")
                .lines(new OrderInput.LineInput(
                        "TEA-100", "乌龙茶", Map.of("颜色分类", "驼色", "尺码", "M"), 8800L, 1, null, null))
                .shipping(0L)
                .placedAt(Instant.parse("2026-12-02T02:30:00Z"))
                .build());
        payments.record(
                fixtures.user("ingrid", Role.FINANCE),
                chinese.id(),
                new PaymentRequest(PaymentKind.PAYMENT, 8800L, "CNY", "ALIPAY", null, null, null, null));

        StringWriter csv = new StringWriter();
        export.chosen(lina, List.of(gross.id(), net.id(), chinese.id()), csv);
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(csv.toString().lines()).hasSize(1 + 2 + 1 + 1); // header, then one row per item

        long batchId = staging.stage(
                lina,
                List.of(new Upload("orders.csv", file.length, () -> new ByteArrayInputStream(file))),
                ImportChoice.NONE);
        ImportBatch batch = imports.get(lina, batchId);
        assertThat(batch.files()).extracting(ImportFile::format).containsExactly(ImportFormat.GENERIC);
        assertThat(imports.problems(lina, batchId, null, 0, 50))
                .allSatisfy(p -> assertThat(p.severity()).isNotEqualTo(Severity.ERROR));
        commits.commit(lina, batchId, null);
        worker.run();
        assertThat(imports.reconciliation(lina, batchId).imported()).isEqualTo(3);
        assertThat(orders.get(gross.id()).content().customFields()).containsEntry("deliveryDate", "2026-12-24");

        Map<String, Long> copies =
                orders.idsByExternalId("MANUAL", List.of(gross.number(), net.number(), chinese.number()));
        for (Order original : List.of(orders.get(gross.id()), orders.get(net.id()), orders.get(chinese.id()))) {
            Order copy = orders.get(copies.get(original.number()));
            assertThat(copy.number()).isNotEqualTo(original.number());
            assertThat(copy.placedAt()).isEqualTo(original.placedAt());
            assertThat(copy.content().customerName())
                    .isEqualTo(original.content().customerName());
            assertThat(copy.content().phone()).isEqualTo(original.content().phone());
            assertThat(copy.content().email()).isEqualTo(original.content().email());
            assertThat(copy.content().shippingAddress())
                    .as(original.number())
                    .isEqualTo(original.content().shippingAddress());
            assertThat(copy.currency()).isEqualTo(original.currency());
            assertThat(copy.content().customFields())
                    .as(original.number())
                    .isEqualTo(original.content().customFields());
            assertThat(copy.totals()).as(original.number()).isEqualTo(original.totals());
            assertThat(copy.paid() - copy.refunded()).isEqualTo(original.paid() - original.refunded());
            assertThat(copy.lines())
                    .extracting(
                            OrderLine::sku,
                            OrderLine::name,
                            OrderLine::attributes,
                            OrderLine::unitPrice,
                            OrderLine::quantity,
                            OrderLine::discount)
                    .as(original.number())
                    .isEqualTo(original.lines().stream()
                            .map(l -> org.assertj.core.groups.Tuple.tuple(
                                    l.sku(), l.name(), l.attributes(), l.unitPrice(), l.quantity(), l.discount()))
                            .toList());
        }

        long again = staging.stage(
                lina,
                List.of(new Upload("orders.csv", file.length, () -> new ByteArrayInputStream(file))),
                ImportChoice.NONE);
        commits.commit(lina, again, null);
        worker.run();
        Reconciliation second = imports.reconciliation(lina, again);
        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(3);
    }
}
