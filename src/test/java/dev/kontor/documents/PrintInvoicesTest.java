package dev.kontor.documents;

import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** ChannelAdvisor's "print invoices": the ticked orders invoiced through a bulk job, their invoices as one PDF. */
@KontorTest
class PrintInvoicesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Autowired
    BulkJobs bulkJobs;

    @Autowired
    BulkJobWorker worker;

    @Autowired
    DocumentIssuing issuing;

    @Autowired
    Documents documents;

    @Test
    void theTickedOrdersAreInvoicedOnceAndPrintedTogether() throws Exception {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Order a = intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT", 2990, 1)), false)
                .order();
        Order b = intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("CAP", 1500, 2)), false)
                .order();
        Document already = issuing.issue(lina, a.id(), DocumentKind.INVOICE, "en");

        BulkJob job =
                bulkJobs.start(lina, new BulkJobs.Request("order", "INVOICE", null, List.of(a.id(), b.id()), null));
        worker.run();
        assertThat(bulkJobs.get(lina, job.id()).finished()).isTrue();
        List<Long> done = bulkJobs.done(lina, job.id(), 100);
        assertThat(done).containsExactly(a.id(), b.id());

        List<Document> invoicesOfA = documents.ofOrder(lina, a.id());
        assertThat(invoicesOfA)
                .as("an order invoiced before keeps its one invoice")
                .containsExactly(already);
        Document ofB = documents.ofOrder(lina, b.id()).get(0);

        byte[] pdf = documents.invoicesPdf(lina, done);
        try (PDDocument merged = Loader.loadPDF(pdf)) {
            assertThat(merged.getNumberOfPages()).isEqualTo(2);
        }
        assertThat(DocumentsTest.text(pdf)).contains(already.number(), ofB.number());
    }
}
