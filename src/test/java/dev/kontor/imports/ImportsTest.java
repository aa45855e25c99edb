package dev.kontor.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.fulfillment.Shipment;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderNote;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.payments.Payment;
import dev.kontor.payments.Payments;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.timeline.TimelineEntry;
import dev.kontor.web.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed 001's morning: the Taobao pair uploaded, every problem reported at once with its file, line and column,
 * the good orders imported with their payments, shipments and closings, the reconciliation adding up, and the same
 * files again creating nothing.
 */
@KontorTest
class ImportsTest {

    @LocalServerPort
    int port;

    @Autowired
    ImportStaging staging;

    @Autowired
    ImportCommits commits;

    @Autowired
    Imports imports;

    @Autowired
    BulkJobWorker worker;

    @Autowired
    Orders orders;

    @Autowired
    OrderNotes notes;

    @Autowired
    Payments payments;

    @Autowired
    Shipments shipments;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Messages messages;

    @Autowired
    JdbcClient jdbc;

    Actor lina;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        fixtures.product("TEA", false, "TEA-100");
        fixtures.receive("TEA-100", 10);
    }

    private long stageTaobao() {
        return staging.stage(
                lina,
                List.of(
                        upload("ExportOrderList202612040930.csv", MarketFiles.taobaoOrders()),
                        upload("ExportOrderDetailList202612040930.csv", MarketFiles.taobaoItems())),
                ImportChoice.NONE);
    }

    private static Upload upload(String name, byte[] bytes) {
        return new Upload(name, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    }

    @Test
    void theTaobaoPairIsCheckedRowByRowWithEveryProblemOnItsFileLineAndColumn() {
        long id = stageTaobao();

        ImportBatch batch = imports.get(lina, id);
        assertThat(batch.name()).matches("\\d{4}-\\d{2}-\\d{2}-1");
        assertThat(batch.channel()).isEqualTo("TAOBAO");
        assertThat(batch.files()).extracting(ImportFile::encoding).containsExactly("GB18030", "GB18030");
        assertThat(batch.files()).extracting(ImportFile::rows).containsExactly(7, 8);
        assertThat(batch.files().get(0).sha256()).hasSize(64);
        assertThat(batch.verdicts())
                .containsEntry(ImportVerdict.READY, 1) // 1001: every item in the catalog
                .containsEntry(ImportVerdict.WARNING, 3) // items the catalog lacks, imported as such
                .containsEntry(ImportVerdict.REJECTED, 3);

        List<ImportProblem> problems = imports.problems(lina, id, null, 0, 100);
        assertThat(problem(problems, "import.problem.time-missing")).hasValueSatisfying(p -> {
            assertThat(p.fileName()).isEqualTo("ExportOrderList202612040930.csv");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo("订单创建时间");
            assertThat(p.externalId()).isEqualTo("1005");
        });
        assertThat(problem(problems, "import.problem.total"))
                .hasValueSatisfying(
                        p -> assertThat(messages.of(p.message()))
                                .isEqualTo(
                                        "The file says the order costs CN¥150.00, its items, shipping and tax come to CN¥100.00."));
        assertThat(problem(problems, "import.problem.amount")).hasValueSatisfying(p -> {
            assertThat(p.column()).isEqualTo("买家应付货款");
            assertThat(messages.of(p.message())).isEqualTo("12,5x元 is not an amount.");
        });
        assertThat(problem(problems, "import.problem.orphan-item")).hasValueSatisfying(p -> {
            assertThat(p.fileName()).isEqualTo("ExportOrderDetailList202612040930.csv");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.externalId()).isEqualTo("9999");
        });
        assertThat(problems)
                .filteredOn(p -> p.code().equals("import.problem.unknown-sku"))
                .extracting(ImportProblem::externalId)
                .contains("1002", "1003")
                .doesNotContain("1001"); // TEA-100 is in the catalog
        assertThat(imports.rows(lina, id, ImportVerdict.REJECTED, 0, 10))
                .extracting(r -> r.order().externalId())
                .containsExactly("1005", "1006", "1007");
    }

    @Test
    void committingImportsEachOrderWithWhatTheMarketplaceSaidAndTheReconciliationAddsUp() {
        long id = stageTaobao();

        BulkJob job = commits.commit(lina, id, null);
        worker.run();

        Order paid = order("1001");
        assertThat(paid.number()).startsWith("TB-");
        assertThat(paid.total().minor()).isEqualTo(26800);
        assertThat(paid.total().currency()).isEqualTo("CNY");
        assertThat(paid.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.lines().get(0).attributes()).containsEntry("颜色分类", "绿").containsEntry("规格", "100g");
        List<Payment> money = payments.of(lina, paid.id());
        assertThat(money).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo("ALIPAY");
            assertThat(p.reference()).isEqualTo("lina@alipay.cn");
            assertThat(p.amount()).isEqualTo(26800);
        });
        assertThat(notes.of(lina, paid.id()))
                .extracting(OrderNote::kind, OrderNote::body)
                .contains(org.assertj.core.groups.Tuple.tuple(NoteKind.BUYER, "请用礼盒包装"));
        List<TimelineEntry> timeline = orders.timeline(lina, paid.id());
        assertThat(timeline).extracting(TimelineEntry::action).contains("order.created", "order.imported");
        assertThat(timeline)
                .filteredOn(e -> e.action().equals("order.imported"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actorName()).isEqualTo("Li.na");
                    assertThat(e.details())
                            .containsEntry("import", imports.get(lina, id).name());
                });

        Order shipped = order("1002");
        assertThat(shipped.lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        assertThat(shipped.fulfilmentStatus()).isEqualTo(FulfilmentStatus.SHIPPED);
        assertThat(shipments.of(lina, shipped.id()))
                .singleElement()
                .extracting(Shipment::carrier, Shipment::trackingNumber)
                .containsExactly("ZTO Express", "773012345678");

        assertThat(order("1003").paymentStatus()).isNotEqualTo(PaymentStatus.PAID);
        assertThat(order("1004").lifecycle()).isEqualTo(LifecycleStatus.CANCELLED);
        assertThat(orders.numbersByExternalId("TAOBAO", List.of("1005", "1006", "1007")))
                .isEmpty();

        Reconciliation r = imports.reconciliation(lina, id);
        assertThat(r.rows()).isEqualTo(15);
        assertThat(r.orders()).isEqualTo(7);
        assertThat(r.imported()).isEqualTo(4);
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(r.unchanged()).isZero();
        assertThat(r.pending()).isZero();
        assertThat(r.balances()).isTrue();
        assertThat(r.fileTotals()).containsEntry("CNY", 26800L + 5900 + 3000 + 3000 + 3000 + 15000 + 3000);
        assertThat(r.importedTotals()).containsEntry("CNY", 26800L + 5900 + 3000 + 3000);
        assertThat(job.total()).isEqualTo(4);

        assertThatThrownBy(() -> commits.commit(lina, id, null))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessageContaining("import.refused.committed");
    }

    @Test
    void theSameFilesAgainCreateNothing() {
        long first = stageTaobao();
        commits.commit(lina, first, null);
        worker.run();
        int before = countOrders();

        long again = stageTaobao();
        assertThat(imports.get(lina, again).name()).endsWith("-2");
        assertThat(imports.get(lina, again).inKontor()).isEqualTo(4);
        assertThat(imports.rows(lina, again, null, 0, 10))
                .filteredOn(r -> r.orderNumber() != null)
                .hasSize(4);
        commits.commit(lina, again, null);
        worker.run();

        assertThat(countOrders()).isEqualTo(before);
        Reconciliation r = imports.reconciliation(lina, again);
        assertThat(r.unchanged()).isEqualTo(4);
        assertThat(r.imported()).isZero();
    }

    @Autowired
    ReviewRuleStore reviewRules;

    @Autowired
    ImportCorrections corrections;

    @Test
    void aRejectedOrderFixedInTheReviewIsCheckedAgainAndImported() {
        long id = stageTaobao();
        ImportRow missingTime =
                imports.rows(lina, id, ImportVerdict.REJECTED, 0, 10).get(0);
        assertThat(missingTime.order().externalId()).isEqualTo("1005");
        ImportRow unreadable =
                imports.rows(lina, id, ImportVerdict.REJECTED, 0, 10).get(2);
        assertThat(unreadable.order().externalId()).isEqualTo("1007");
        ImportCorrections.Correction typed = new ImportCorrections.Correction(
                "tomorrow", "钱多", null, "13812345678", "西湖区 文一西路969号", "310000", "杭州市", "浙江省", "CN", "30.00");
        assertThatThrownBy(() -> corrections.correct(lina, id, missingTime.id(), typed))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("placedAt"));

        ImportRow fixed = corrections.correct(
                lina,
                id,
                missingTime.id(),
                new ImportCorrections.Correction(
                        "2026-12-03 11:00",
                        "钱多",
                        null,
                        "13812345678",
                        "西湖区 文一西路969号",
                        "310000",
                        "杭州市",
                        "浙江省",
                        "China",
                        "30.00"));
        assertThat(fixed.verdict()).isEqualTo(ImportVerdict.WARNING); // CUP-1 is not in the catalog
        assertThat(fixed.editedBy()).isEqualTo("Li.na");
        assertThat(fixed.order().shippingAddress().country()).isEqualTo("CN");
        ImportRow amountFixed = corrections.correct(
                lina,
                id,
                unreadable.id(),
                new ImportCorrections.Correction(
                        "2026-12-03 14:00",
                        "周杰",
                        null,
                        "13812345678",
                        "西湖区 文一西路969号",
                        "310000",
                        "杭州市",
                        "浙江省",
                        "CN",
                        "30.00"));
        assertThat(amountFixed.verdict()).isEqualTo(ImportVerdict.WARNING);
        assertThat(imports.problemsOf(lina, id, "1007"))
                .extracting(ImportProblem::code)
                .doesNotContain("import.problem.amount");
        assertThat(imports.problemsOf(lina, id, "1005"))
                .extracting(ImportProblem::code)
                .doesNotContain("import.problem.time-missing");

        commits.commit(lina, id, null);
        worker.run();
        assertThat(imports.reconciliation(lina, id).imported()).isEqualTo(6);
        assertThatThrownBy(() -> corrections.correct(lina, id, missingTime.id(), typed))
                .isInstanceOf(ActionRefusedException.class);
    }

    @Test
    void theShopsReviewRulesApproveCleanPaidOrdersAtCommitAndSayWhyOthersWait() {
        Actor admin = fixtures.user("admin2", Role.ADMIN);
        assertThatThrownBy(() -> reviewRules.save(lina, true, false, Map.of()))
                .isInstanceOf(dev.kontor.shared.PermissionDeniedException.class);
        assertThatThrownBy(() -> reviewRules.save(admin, true, false, Map.of("CNY", "lots")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("maxTotals.CNY"));
        reviewRules.save(admin, true, false, Map.of("CNY", "2000", "EUR", ""));
        assertThat(reviewRules.get().maxTotals()).containsExactly(Map.entry("CNY", 200000L));

        long id = stageTaobao();
        commits.commit(lina, id, null);
        worker.run();

        assertThat(order("1001").lifecycle()).isEqualTo(LifecycleStatus.APPROVED); // paid, all items known
        assertThat(order("1003").lifecycle()).isEqualTo(LifecycleStatus.NEW); // not paid
        assertThat(imports.rows(lina, id, null, 0, 10))
                .filteredOn(r -> r.order().externalId().equals("1001")
                        || r.order().externalId().equals("1003"))
                .extracting(r -> messages.of(r.outcomeMessage()))
                .containsExactly("Approved at once by the review rules.", "Waits for review: not paid.");
    }

    @Autowired
    dev.kontor.orders.OrderEditing editing;

    @Test
    void aLaterFileMovesTheAddressWhileNothingShippedUnlessAColleagueChangedIt() {
        long first = stageTaobao();
        commits.commit(lina, first, null);
        worker.run();
        editing.changeShippingAddress(
                lina,
                order("1003").id(),
                new dev.kontor.shared.Address(
                        "张伟", null, "滨江区 网商路699号", null, "310051", "杭州市", "浙江省", "CN", "13812345678"));

        String moved = "上海 上海市 浦东新区 世纪大道100号(200120)";
        String later = MarketFiles.TAOBAO_ORDERS_HEADER + "\r\n"
                + MarketFiles.taobaoOrder(
                        "1001",
                        "lina@alipay.cn",
                        "258.00",
                        "10.00",
                        "268.00",
                        "268.00",
                        "买家已付款，等待卖家发货",
                        "",
                        "王小明",
                        moved,
                        "2026-12-03 10:15:00",
                        "2026-12-03 10:16:00",
                        "",
                        "")
                + "\r\n"
                + MarketFiles.taobaoOrder(
                        "1003",
                        "",
                        "30.00",
                        "0.00",
                        "30.00",
                        "0.00",
                        "等待买家付款",
                        "",
                        "张伟",
                        moved,
                        "2026-12-03 12:00:00",
                        "",
                        "",
                        "")
                + "\r\n";
        long second = staging.stage(
                lina,
                List.of(upload("ExportOrderList202612050930.csv", later.getBytes(MarketFiles.GBK))),
                ImportChoice.NONE);
        commits.commit(lina, second, null);
        worker.run();

        assertThat(order("1001").content().shippingAddress().city()).isEqualTo("上海市");
        assertThat(orders.timeline(lina, order("1001").id()))
                .filteredOn(e -> e.action().equals("order.address-changed"))
                .singleElement()
                .satisfies(e -> assertThat(e.actorName()).startsWith("Kontor (import "));
        assertThat(order("1003").content().shippingAddress().street()).isEqualTo("滨江区 网商路699号");
        assertThat(imports.rows(lina, second, null, 0, 10))
                .extracting(r -> r.order().externalId(), ImportRow::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1001", ImportOutcome.UPDATED),
                        org.assertj.core.groups.Tuple.tuple("1003", ImportOutcome.CONFLICT));
        assertThat(messages.of(imports.rows(lina, second, null, 0, 10).get(1).outcomeMessage()))
                .isEqualTo(
                        "The marketplace changed the address of order 1003, and so did a colleague in Kontor: not applied.");
    }

    @Test
    void aLaterFileRecordsWhatHappenedSinceAndListsWhatKontorContradicts() {
        long first = stageTaobao();
        commits.commit(lina, first, null);
        worker.run();
        assertThat(imports.rows(lina, first, null, 0, 10))
                .filteredOn(r -> r.order().externalId().equals("1003"))
                .singleElement()
                .satisfies(r -> assertThat(messages.of(r.outcomeMessage()))
                        .isEqualTo("Waits for review (no review rules are switched on)."));
        String address = MarketFiles.HANGZHOU;
        String later = MarketFiles.TAOBAO_ORDERS_HEADER + "\r\n"
                + MarketFiles.taobaoOrder(
                        "1001",
                        "lina@alipay.cn",
                        "258.00",
                        "10.00",
                        "268.00",
                        "268.00",
                        "卖家已发货，等待买家确认",
                        "",
                        "王小明",
                        address,
                        "2026-12-03 10:15:00",
                        "2026-12-03 10:16:00",
                        "SF1234567890",
                        "顺丰速运")
                + "\r\n"
                + MarketFiles.taobaoOrder(
                        "1002",
                        "13900001111",
                        "59.00",
                        "0.00",
                        "59.00",
                        "59.00",
                        "交易关闭",
                        "",
                        "李娜",
                        address,
                        "2026-12-03 11:00:00",
                        "2026-12-03 11:01:00",
                        "",
                        "")
                + "\r\n"
                + MarketFiles.taobaoOrder(
                        "1003",
                        "zhang@alipay.cn",
                        "30.00",
                        "0.00",
                        "30.00",
                        "30.00",
                        "买家已付款，等待卖家发货",
                        "",
                        "张伟",
                        address,
                        "2026-12-03 12:00:00",
                        "2026-12-04 08:00:00",
                        "",
                        "")
                + "\r\n";
        long second = staging.stage(
                lina,
                List.of(upload("ExportOrderList202612050930.csv", later.getBytes(MarketFiles.GBK))),
                ImportChoice.NONE);
        assertThat(imports.get(lina, second).importable()).isEqualTo(3);

        commits.commit(lina, second, null);
        worker.run();

        assertThat(order("1003").paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(order("1001").fulfilmentStatus()).isEqualTo(FulfilmentStatus.SHIPPED);
        assertThat(shipments.of(lina, order("1001").id()))
                .singleElement()
                .extracting(Shipment::carrier, Shipment::trackingNumber)
                .containsExactly("SF Express", "SF1234567890");
        String importer = "Kontor (import " + imports.get(lina, second).name() + ")";
        assertThat(orders.timeline(lina, order("1003").id()))
                .filteredOn(e -> e.action().equals("order.updated-by-import"))
                .singleElement()
                .satisfies(e -> assertThat(e.actorName()).isEqualTo(importer));
        assertThat(orders.timeline(lina, order("1003").id()))
                .filteredOn(e -> e.action().equals("payment.recorded"))
                .extracting(TimelineEntry::actorName)
                .containsExactly(importer);
        assertThat(order("1002").lifecycle()).isEqualTo(LifecycleStatus.APPROVED);
        assertThat(imports.rows(lina, second, null, 0, 10))
                .filteredOn(r -> r.order().externalId().equals("1002"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(ImportOutcome.CONFLICT);
                    assertThat(messages.of(r.outcomeMessage()))
                            .isEqualTo("The marketplace closed order 1002, but Kontor has shipped it: not applied.");
                });
        Reconciliation r = imports.reconciliation(lina, second);
        assertThat(r.updated()).isEqualTo(2);
        assertThat(r.conflicts()).isEqualTo(1);
        assertThat(r.imported()).isZero();
        assertThat(r.balances()).isTrue();
    }

    @Test
    void filesThatCannotBeReadAreRefusedNamingTheFileAndNothingIsKept() {
        assertRefused(List.of(upload("empty.csv", new byte[0])), "import.file.empty");
        assertRefused(
                List.of(new Upload(
                        "huge.csv", 200L * 1024 * 1024, () -> new java.io.ByteArrayInputStream(new byte[0]))),
                "import.file.too-large");
        assertRefused(
                List.of(upload("ExportOrderDetailList.csv", MarketFiles.taobaoItems())), "import.file.items-alone");
        assertRefused(List.of(upload("orders.zip", new byte[] {'P', 'K', 3, 4, 0, 0})), "import.file.zip");
        assertRefused(List.of(upload("orders.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0})), "import.file.zip");
        assertRefused(
                List.of(upload("orders.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0})),
                "import.file.xls");
        assertRefused(
                List.of(upload("customers.csv", "CustomerID,CompanyName\nALFKI,Alfreds\n".getBytes())),
                "import.file.unknown-format");
        assertRefused(
                List.of(upload("orders.csv", "订单编号,买家会员名,订单状态\n=\"1\",x,交易成功\n".getBytes(MarketFiles.GBK))),
                "import.file.missing-column");
        assertThat(jdbc.sql("SELECT count(*) FROM import_batches")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private void assertRefused(List<Upload> files, String code) {
        assertThatThrownBy(() -> staging.stage(lina, files, ImportChoice.NONE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo(code));
    }

    @Test
    void anOrderTheRulesRefuseAtCommitSaysWhyOnItsRow() {
        String address = MarketFiles.HANGZHOU;
        String ordersFile = MarketFiles.TAOBAO_ORDERS_HEADER + "\r\n"
                + MarketFiles.taobaoOrder(
                        "3001",
                        "",
                        "2580.00",
                        "0.00",
                        "2580.00",
                        "2580.00",
                        "卖家已发货，等待买家确认",
                        "",
                        "王小明",
                        address,
                        "2026-12-03 10:00:00",
                        "2026-12-03 10:01:00",
                        "773012345678",
                        "中通快递")
                + "\r\n";
        String items = MarketFiles.TAOBAO_ITEMS_HEADER + "\r\n" + "=\"3001\",龙井茶 100g,129.00,20,,,,,,TEA-100\r\n";
        long id = staging.stage(
                lina,
                List.of(
                        upload("ExportOrderList.csv", ordersFile.getBytes(MarketFiles.GBK)),
                        upload("ExportOrderDetailList.csv", items.getBytes(MarketFiles.GBK))),
                ImportChoice.NONE);
        commits.commit(lina, id, null);
        worker.run();

        ImportRow row = imports.rows(lina, id, null, 0, 1).get(0);
        assertThat(row.outcome()).isNull();
        assertThat(imports.refusals(lina, id)).containsKey(row.id());
        assertThat(messages.of(imports.refusals(lina, id).get(row.id())))
                .isNotBlank()
                .doesNotContain("order.refused");
        assertThat(imports.reconciliation(lina, id).rejected()).isEqualTo(1);
        assertThat(orders.numbersByExternalId("TAOBAO", List.of("3001")))
                .as("nothing half-imported")
                .isEmpty();
    }

    @Test
    void ordersOfOneBuyerToOneAddressAreFlaggedToShipTogether() {
        String address = MarketFiles.HANGZHOU;
        String orders = MarketFiles.TAOBAO_ORDERS_HEADER + "\r\n"
                + MarketFiles.taobaoOrder(
                        "2001",
                        "",
                        "129.00",
                        "0.00",
                        "129.00",
                        "129.00",
                        "买家已付款，等待卖家发货",
                        "",
                        "王小明",
                        address,
                        "2026-12-03 10:00:00",
                        "2026-12-03 10:01:00",
                        "",
                        "")
                + "\r\n"
                + MarketFiles.taobaoOrder(
                        "2002",
                        "",
                        "129.00",
                        "0.00",
                        "129.00",
                        "129.00",
                        "买家已付款，等待卖家发货",
                        "",
                        "王小明",
                        address,
                        "2026-12-03 15:00:00",
                        "2026-12-03 15:01:00",
                        "",
                        "")
                + "\r\n"
                + MarketFiles.taobaoOrder(
                        "2003",
                        "",
                        "129.00",
                        "0.00",
                        "129.00",
                        "129.00",
                        "买家已付款，等待卖家发货",
                        "",
                        "李娜",
                        address,
                        "2026-12-03 16:00:00",
                        "2026-12-03 16:01:00",
                        "",
                        "")
                + "\r\n";
        String items = MarketFiles.TAOBAO_ITEMS_HEADER + "\r\n"
                + "=\"2001\",龙井茶 100g,129.00,1,,,,,,TEA-100\r\n"
                + "=\"2002\",龙井茶 100g,129.00,1,,,,,,TEA-100\r\n"
                + "=\"2003\",龙井茶 100g,129.00,1,,,,,,TEA-100\r\n";
        long id = staging.stage(
                lina,
                List.of(
                        upload("ExportOrderList.csv", orders.getBytes(MarketFiles.GBK)),
                        upload("ExportOrderDetailList.csv", items.getBytes(MarketFiles.GBK))),
                ImportChoice.NONE);
        assertThat(imports.problems(lina, id, "import.problem.ship-together", 0, 10))
                .extracting(ImportProblem::externalId)
                .containsExactly("2001", "2002");
        assertThat(messages.of(imports.problems(lina, id, "import.problem.ship-together", 0, 1)
                        .get(0)
                        .message()))
                .isEqualTo("Orders 2001, 2002 go to the same buyer at the same address: they can ship together.");
        assertThat(imports.rows(lina, id, null, 0, 10))
                .extracting(ImportRow::verdict)
                .containsExactly(ImportVerdict.WARNING, ImportVerdict.WARNING, ImportVerdict.READY);
    }

    @Test
    void anOrdersReportReSavedInExcelIsReadLikeItsCsv() {
        long id = staging.stage(
                lina,
                List.of(
                        upload("ExportOrderList.xlsx", MarketFiles.taobaoOrdersXlsx()),
                        upload("ExportOrderDetailList.csv", MarketFiles.taobaoItems())),
                ImportChoice.NONE);
        assertThat(imports.get(lina, id).files())
                .extracting(ImportFile::format)
                .containsExactly(
                        dev.kontor.imports.read.ImportFormat.TAOBAO_ORDERS,
                        dev.kontor.imports.read.ImportFormat.TAOBAO_ITEMS);
        assertThat(imports.rows(lina, id, null, 0, 10)).singleElement().satisfies(r -> {
            assertThat(r.order().externalId()).isEqualTo("1001");
            assertThat(r.order().total()).isEqualTo(26800);
            assertThat(r.order().placedAt()).isEqualTo(java.time.Instant.parse("2026-12-03T02:15:00Z"));
            assertThat(r.verdict()).isEqualTo(ImportVerdict.READY);
        });
    }

    @Test
    void shopifyEbayAndAmazonFilesAreRecognisedFromTheirHeaders() {
        long shopify =
                staging.stage(lina, List.of(upload("orders_export.csv", MarketFiles.shopify())), ImportChoice.NONE);
        assertThat(imports.get(lina, shopify).channel()).isEqualTo("SHOPIFY");
        assertThat(imports.rows(lina, shopify, null, 0, 10))
                .extracting(r -> r.order().externalId(), ImportRow::lineCount, ImportRow::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("#1001", 2, ImportVerdict.WARNING),
                        org.assertj.core.groups.Tuple.tuple("#1002", 1, ImportVerdict.WARNING));
        assertThat(imports.problems(lina, shopify, "import.problem.no-sku", 0, 10))
                .hasSize(1);

        long ebay = staging.stage(lina, List.of(upload("SalesHistory.csv", MarketFiles.ebay())), ImportChoice.NONE);
        assertThat(imports.get(lina, ebay).channel()).isEqualTo("EBAY");
        assertThat(imports.rows(lina, ebay, null, 0, 10)).singleElement().satisfies(r -> {
            assertThat(r.order().total()).isEqualTo(4400);
            assertThat(r.order().shippingAddress().country()).isEqualTo("US");
            assertThat(r.verdict()).isNotEqualTo(ImportVerdict.REJECTED);
        });

        long amazon = staging.stage(lina, List.of(upload("orders.txt", MarketFiles.amazon())), ImportChoice.NONE);
        assertThat(imports.get(lina, amazon).channel()).isEqualTo("AMAZON");
        assertThat(imports.rows(lina, amazon, null, 0, 10))
                .singleElement()
                .satisfies(r -> assertThat(r.verdict()).isNotEqualTo(ImportVerdict.REJECTED));
    }

    @Test
    void theApiUploadsReviewsCommitsAndReconciles() {
        Api api = new Api(port).bearer(fixtures.token(lina));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ExportOrderList.csv", MarketFiles.taobaoOrders());
        files.put("ExportOrderDetailList.csv", MarketFiles.taobaoItems());

        Api.Response created = api.postFiles("/api/imports", files, Map.of("name", "morning"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode batch = created.json();
        assertThat(batch.get("name").asString()).isEqualTo("morning");
        assertThat(batch.get("importable").asInt()).isEqualTo(4);
        long id = batch.get("id").asLong();

        JsonNode problems = api.get("/api/imports/" + id + "/problems?code=import.problem.time-missing")
                .json();
        assertThat(problems).as(problems.toString()).hasSize(1);
        assertThat(problems.get(0).get("column").asString()).isEqualTo("订单创建时间");
        assertThat(problems.get(0).get("message").asString()).isEqualTo("The order time is missing.");

        Api.Response commit = new Api(port)
                .bearer(fixtures.token(lina))
                .header("Idempotency-Key", "commit-morning")
                .post("/api/imports/" + id + "/commit", "");
        assertThat(commit.status()).as(commit.toString()).isEqualTo(202);
        worker.run();
        JsonNode rec = api.get("/api/imports/" + id + "/reconciliation").json();
        assertThat(rec.get("imported").asInt()).isEqualTo(4);
        assertThat(rec.get("rejected").asInt()).isEqualTo(3);

        Api.Response recheckCommitted = api.post("/api/imports/" + id + "/recheck", "");
        assertThat(recheckCommitted.status()).isEqualTo(409);
        Api.Response again = new Api(port).bearer(fixtures.token(lina)).post("/api/imports/" + id + "/commit", "");
        assertThat(again.status()).isEqualTo(409);

        Api.Response sameName = api.postFiles("/api/imports", files, Map.of("name", "morning"));
        assertThat(sameName.status()).isEqualTo(422);
        assertThat(sameName.body()).contains("\"name\"");

        Api.Response empty = api.postFiles("/api/imports", Map.of("empty.csv", new byte[0]), Map.of());
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("empty.csv");

        Api.Response warehouse = new Api(port)
                .bearer(fixtures.token(fixtures.user("lager", Role.WAREHOUSE)))
                .postFiles("/api/imports", files, Map.of());
        assertThat(warehouse.status()).isEqualTo(403);
    }

    private Order order(String externalId) {
        String number =
                orders.numbersByExternalId("TAOBAO", List.of(externalId)).get(externalId);
        assertThat(number).as("order " + externalId).isNotNull();
        return orders.byNumber(lina, number).orElseThrow();
    }

    private int countOrders() {
        return jdbc.sql("SELECT count(*) FROM orders").query(Integer.class).single();
    }

    private static Optional<ImportProblem> problem(List<ImportProblem> problems, String code) {
        return problems.stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
