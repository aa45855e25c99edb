package dev.kontor.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.web.Messages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real exports in {@code ../shared/data/real} (CI has them; a checkout without them runs the fixture tests
 * only): each is read whole, every problem is a sentence in the reader's language, and what can be imported is.
 */
@KontorTest
class RealFilesTest {

    private static final Path REAL = Path.of("..", "shared", "data", "real");

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

    @Autowired
    Messages messages;

    Actor lina;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Files.isDirectory(REAL), "../shared/data/real is not here");
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
    }

    private long stage(String path) throws IOException {
        byte[] bytes = Files.readAllBytes(REAL.resolve(path));
        return staging.stage(
                lina,
                List.of(new Upload(
                        Path.of(path).getFileName().toString(),
                        bytes.length,
                        () -> Files.newInputStream(REAL.resolve(path)))),
                ImportChoice.NONE);
    }

    private void everyProblemReads(long id) {
        long after = 0;
        List<ImportProblem> page;
        while (!(page = imports.problems(lina, id, null, after, 1000)).isEmpty()) {
            for (ImportProblem p : page) {
                String text = messages.of(p.message());
                assertThat(text)
                        .as(p.code())
                        .doesNotContain("import.problem.", "validation.")
                        .isNotBlank();
            }
            after = page.get(page.size() - 1).id();
        }
    }

    @Test
    void tmallsReducedOrderReportIsReadWholeAndEveryOrderSaysWhatItLacks() throws IOException {
        long id = stage("taobao/tmall_order_report.csv");
        ImportBatch batch = imports.get(lina, id);
        assertThat(batch.channel()).isEqualTo("TAOBAO");
        assertThat(batch.orders()).isEqualTo(28_010);
        // the reduced report has no names, no streets and no items file: nothing can be imported, and each says why
        assertThat(batch.importable()).isZero();
        assertThat(imports.problemCounts(lina, id))
                .containsKeys(
                        "import.problem.no-items", "import.problem.name-missing", "import.problem.address-incomplete");
        everyProblemReads(id);
    }

    @Test
    void shopifysExportImportsItsOrders() throws IOException {
        long id = stage("shopify/forezia_orders_export.csv");
        ImportBatch batch = imports.get(lina, id);
        assertThat(batch.channel()).isEqualTo("SHOPIFY");
        assertThat(batch.orders()).isEqualTo(19);
        everyProblemReads(id);
        if (batch.importable() > 0) {
            commits.commit(lina, id, null);
            worker.run();
            Reconciliation r = imports.reconciliation(lina, id);
            assertThat(r.balances()).isTrue();
            assertThat(r.imported() + r.rejected()).isEqualTo(r.orders());
        }
    }

    @Test
    void ebaysSalesHistoryImportsItsOrders() throws IOException {
        long id = stage("ebay/SalesHistory.csv");
        ImportBatch batch = imports.get(lina, id);
        assertThat(batch.channel()).isEqualTo("EBAY");
        assertThat(batch.orders()).isEqualTo(4);
        everyProblemReads(id);
        commits.commit(lina, id, null);
        worker.run();
        Reconciliation r = imports.reconciliation(lina, id);
        assertThat(r.imported()).isPositive();
        assertThat(r.balances()).isTrue();
    }

    @Autowired
    ImportMappings mappings;

    @Test
    void anotherSystemsExportImportsThroughAColumnMapping() throws IOException {
        String path = "online_retail/online_retail_sample.csv";
        byte[] bytes = Files.readAllBytes(REAL.resolve(path));
        Upload sample =
                new Upload("online_retail_sample.csv", bytes.length, () -> Files.newInputStream(REAL.resolve(path)));
        List<String> header = mappings.sample(lina, sample).header();
        Map<String, String> columns = new java.util.LinkedHashMap<>(mappings.guess(header));
        columns.put("buyer", "CustomerID");
        mappings.save(lina, "Online retail", "WEBSHOP", "GBP", header, columns);

        long id = stage(path);
        ImportBatch batch = imports.get(lina, id);
        assertThat(batch.channel()).isEqualTo("WEBSHOP");
        assertThat(batch.rowsRead()).isEqualTo(5_000);
        assertThat(batch.orders()).isPositive();
        // no addresses in this export: each order says so, none is half-read
        assertThat(imports.problemCounts(lina, id)).containsKey("import.problem.address-missing");
        everyProblemReads(id);
    }

    @Test
    void anExportOfAnotherSystemIsRefusedNamingItsColumns() {
        assertThatThrownBy(() -> stage("northwind/orders.csv"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(messages.of(e.problems().get(0))).contains("orders.csv", "orderID"));
    }
}
