package dev.kontor.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderEditing;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.Payments;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents as a billing system keeps them: numbered without gaps, immutable, corrected by credit notes. */
@KontorTest
class DocumentsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Autowired
    OrderEditing editing;

    @Autowired
    Orders orders;

    @Autowired
    Payments payments;

    @Autowired
    DocumentIssuing issuing;

    @Autowired
    Documents documents;

    @Autowired
    DocumentLinks links;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    Actor lina;
    Actor ingrid;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        ingrid = fixtures.user("ingrid", Role.FINANCE);
    }

    private Order order(String currency, String country, OrderInput.LineInput... lines) {
        return intake.place(
                        lina,
                        AnOrder.from("MANUAL")
                                .currency(currency)
                                .shippingAddress(Fixtures.address("王芳", country))
                                .lines(lines)
                                .build(),
                        false)
                .order();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void anInvoiceSaysWhatTheOrderSaysInTheCustomersLanguageAndNeverChanges() throws Exception {
        Order order = order("EUR", "DE", Fixtures.line("SHIRT", 2990, 2), Fixtures.line("CAP", 1500, 1));
        Document invoice = issuing.issue(lina, order.id(), DocumentKind.INVOICE, "de");

        assertThat(invoice.number()).matches("RE-\\d{4}-\\d{6}");
        assertThat(invoice.total()).isEqualTo(order.total().minor());
        assertThat(invoice.correctsId()).as("an invoice corrects nothing").isNull();
        assertThat(invoice.content().lines()).hasSize(2);
        byte[] pdf = documents.pdf(lina, invoice.id());
        assertThat(DocumentWriter.sha256(pdf)).isEqualTo(invoice.pdfSha256());
        String text = text(pdf);
        assertThat(text)
                .contains(
                        "Rechnung",
                        invoice.number(),
                        "Item SHIRT",
                        "74,80",
                        "Enthaltene USt. 19",
                        "王芳",
                        "Musterstraße 1")
                .contains("Bitte zahlen Sie");

        editing.edit(
                lina,
                order.id(),
                order.version(),
                AnOrder.from("MANUAL")
                        .shippingAddress(Fixtures.address("王芳", "DE"))
                        .lines(Fixtures.line("SHIRT", 9990, 5))
                        .build());
        assertThat(orders.get(order.id()).total().minor()).isNotEqualTo(invoice.total());
        assertThat(documents.pdf(lina, invoice.id()))
                .as("the same bytes after the order changed")
                .isEqualTo(pdf);
        assertThat(documents.get(lina, invoice.id()).content()).isEqualTo(invoice.content());
        assertThatThrownBy(() -> jdbc.sql("UPDATE documents SET total_minor = 1 WHERE id = :id")
                        .param("id", invoice.id())
                        .update())
                .as("the database refuses to change an issued document")
                .hasMessageContaining("never changes");
        assertThat(orders.timeline(lina, order.id()))
                .extracting(e -> e.action())
                .contains("document.issued", "document.downloaded");
    }

    @Test
    void chineseTextIsInTheChineseInvoice() throws Exception {
        Order order = order("CNY", "CN", Fixtures.line("WLY0QU1098", 12900, 1));
        Document invoice = issuing.issue(lina, order.id(), DocumentKind.INVOICE, "zh_CN");
        String text = text(documents.pdf(lina, invoice.id()));
        assertThat(text).contains("发票", "王芳", "杭州", "合计", "¥129.00");
        Document quote = issuing.issue(lina, order.id(), DocumentKind.QUOTE, "nb");
        assertThat(text(documents.pdf(lina, quote.id()))).contains("Tilbud", "Vi har gleden av å tilby deg");
        Document slip = issuing.issue(lina, order.id(), DocumentKind.DELIVERY_NOTE, "en");
        assertThat(text(documents.pdf(lina, slip.id())))
                .contains("Delivery note", "WLY0QU1098")
                .doesNotContain("129");
    }

    @Test
    void anOrderIsInvoicedOnceUntilACreditNoteTakesItAllBack() {
        Order order = order("EUR", "DE", Fixtures.line("SHIRT", 2990, 2), Fixtures.line("CAP", 1500, 1));
        Document invoice = issuing.issue(lina, order.id(), DocumentKind.INVOICE, null);
        assertThatThrownBy(() -> issuing.issue(lina, order.id(), DocumentKind.INVOICE, null))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessageContaining("already-invoiced");

        long shirtLine = invoice.content().lines().get(0).lineId();
        long capLine = invoice.content().lines().get(1).lineId();
        assertThatThrownBy(() -> issuing.credit(ingrid, invoice.id(), Map.of(shirtLine, 3), null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(
                                ((InvalidInputException) e).problems().get(0).field())
                        .isEqualTo("lines[" + shirtLine + "].quantity"));
        assertThatThrownBy(() -> issuing.credit(lina, invoice.id(), Map.of(shirtLine, 1), null))
                .as("customer service does not correct invoices")
                .isInstanceOf(dev.kontor.shared.KontorException.class);

        Document one = issuing.credit(ingrid, invoice.id(), Map.of(shirtLine, 1), "one shirt torn");
        assertThat(one.number()).startsWith("GS-");
        assertThat(one.correctsId()).isEqualTo(invoice.id());
        assertThat(one.total()).isEqualTo(2990);
        assertThat(one.content().corrects()).isEqualTo(invoice.number());

        Document rest = issuing.credit(ingrid, invoice.id(), Map.of(), null);
        assertThat(one.total() + rest.total())
                .as("credit notes add up to the invoice")
                .isEqualTo(invoice.total());
        assertThat(rest.content().lines())
                .extracting(DocumentContent.Line::lineId, DocumentContent.Line::quantity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(shirtLine, 1),
                        org.assertj.core.groups.Tuple.tuple(capLine, 1));
        assertThatThrownBy(() -> issuing.credit(ingrid, invoice.id(), Map.of(), null))
                .hasMessageContaining("fully-credited");
        assertThatThrownBy(() -> issuing.voidDocument(ingrid, invoice.id(), "wrong"))
                .hasMessageContaining("void-credited");

        Document again = issuing.issue(lina, order.id(), DocumentKind.INVOICE, null);
        assertThat(again.number()).isNotEqualTo(invoice.number());
    }

    @Test
    void aPaidInvoiceIsNeverVoidedAnUnpaidOneIs() {
        Order order = order("EUR", "DE", Fixtures.line("SHIRT", 2990, 1));
        Document proforma = issuing.issue(lina, order.id(), DocumentKind.PROFORMA, null);
        assertThatThrownBy(() -> issuing.voidDocument(ingrid, proforma.id(), " "))
                .isInstanceOf(InvalidInputException.class);
        Document voided = issuing.voidDocument(ingrid, proforma.id(), "sent to the wrong customer");
        assertThat(voided.isVoid()).isTrue();
        assertThat(voided.content()).isEqualTo(proforma.content());
        assertThatThrownBy(() -> issuing.voidDocument(ingrid, proforma.id(), "again"))
                .hasMessageContaining("refused.void");

        Document invoice = issuing.issue(lina, order.id(), DocumentKind.INVOICE, null);
        payments.record(
                ingrid,
                order.id(),
                new PaymentRequest(PaymentKind.PAYMENT, 1000L, "EUR", "BANK_TRANSFER", null, null, null, null));
        assertThatThrownBy(() -> issuing.voidDocument(ingrid, invoice.id(), "mistake"))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessageContaining("void-paid");
    }

    @Test
    void anOrderWithoutAddressOrAVoidOrderGetsNoDocumentAndNoNumberIsBurnt() {
        Order noAddress = intake.place(
                        lina,
                        AnOrder.from("MANUAL")
                                .customer(dev.kontor.customers.CustomerDetails.of(
                                        dev.kontor.customers.CustomerKind.PERSON,
                                        "Lars Berg",
                                        null,
                                        "NO",
                                        "nb",
                                        "lars@example.no",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null))
                                .shippingAddress(null)
                                .lines(Fixtures.line("SHIRT", 2990, 1))
                                .build(),
                        true)
                .order();
        assertThat(noAddress.content().shippingAddress()).isNull();
        long before =
                jdbc.sql("SELECT count(*) FROM documents").query(Long.class).single();
        assertThatThrownBy(() -> issuing.issue(lina, noAddress.id(), DocumentKind.QUOTE, null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(
                                ((InvalidInputException) e).problems().get(0).field())
                        .isEqualTo("billingAddress"));
        assertThatThrownBy(() -> issuing.issue(lina, noAddress.id(), DocumentKind.QUOTE, "fr"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM documents").query(Long.class).single())
                .isEqualTo(before);
    }

    /** 16 issuers at once, some rolling back after taking their number: the numbers that stay have no hole. */
    @Test
    void numbersStayGaplessUnderConcurrentIssuersAndRollbacks() throws Exception {
        List<Long> orderIds = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            orderIds.add(order("EUR", "DE", Fixtures.line("SHIRT", 1000 + i, 1)).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<String> numbers = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < orderIds.size(); i++) {
            long orderId = orderIds.get(i);
            boolean rollBack = i % 4 == 0;
            done.add(pool.submit(() -> {
                start.await();
                try {
                    tx.executeWithoutResult(status -> {
                        Document d = issuing.issue(lina, orderId, DocumentKind.ORDER_CONFIRMATION, "en");
                        if (rollBack) {
                            status.setRollbackOnly();
                        } else {
                            numbers.add(d.number());
                        }
                    });
                } catch (RuntimeException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        List<Long> running = numbers.stream()
                .map(n -> Long.parseLong(n.substring(n.lastIndexOf('-') + 1)))
                .sorted()
                .toList();
        assertThat(running).hasSize(24);
        long first = running.get(0);
        for (int i = 0; i < running.size(); i++) {
            assertThat(running.get(i)).as("number %d of %s", i, running).isEqualTo(first + i);
        }
    }

    @Autowired
    DocumentImages images;

    static byte[] png(int size) throws IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(size, size, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.drawOval(2, 2, size - 4, size - 4);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int imagesOnFirstPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int count = 0;
            for (var name : document.getPage(0).getResources().getXObjectNames()) {
                if (document.getPage(0).getResources().getXObject(name)
                        instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                    count++;
                }
            }
            return count;
        }
    }

    @Test
    void theCompanyStampIsOnDocumentsIssuedAfterItWasUploaded() throws Exception {
        Actor admin = fixtures.user("ada");
        Order order = order("EUR", "DE", Fixtures.line("SHIRT", 2990, 1));
        Document before = issuing.issue(lina, order.id(), DocumentKind.QUOTE, "en");
        assertThatThrownBy(() -> images.put(admin, DocumentImages.Purpose.STAMP, "<svg/>".getBytes()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("validation.image.type"));
        assertThatThrownBy(
                        () -> images.put(admin, DocumentImages.Purpose.STAMP, new byte[DocumentImages.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("validation.image.too-big"));
        assertThatThrownBy(() -> images.put(lina, DocumentImages.Purpose.STAMP, png(120)))
                .as("only an admin changes the letterhead")
                .isInstanceOf(dev.kontor.shared.KontorException.class);
        images.put(admin, DocumentImages.Purpose.STAMP, png(120));
        Document after = issuing.issue(lina, order.id(), DocumentKind.INVOICE, "en");
        try {
            assertThat(imagesOnFirstPage(documents.pdf(lina, after.id()))).isEqualTo(1);
            assertThat(imagesOnFirstPage(documents.pdf(lina, before.id())))
                    .as("a document issued before keeps what it showed")
                    .isZero();
        } finally {
            images.remove(admin, DocumentImages.Purpose.STAMP);
        }
    }

    @Test
    void theCustomersLinkGivesThePdfUntilItIsRevoked() {
        Order order = order("EUR", "DE", Fixtures.line("SHIRT", 2990, 1));
        Document invoice = issuing.issue(lina, order.id(), DocumentKind.INVOICE, "de");
        DocumentLinks.Link link = links.create(lina, invoice.id());
        assertThat(link.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(links.open(link.token()))
                .isInstanceOfSatisfying(
                        DocumentLinks.Opened.Found.class,
                        found -> assertThat(DocumentWriter.sha256(found.pdf())).isEqualTo(invoice.pdfSha256()));
        assertThat(jdbc.sql("SELECT count(*) FROM document_links WHERE token_sha256 = :t")
                        .param("t", link.token())
                        .query(Long.class)
                        .single())
                .as("the token itself is not stored")
                .isZero();
        assertThat(links.open("nonsense")).isInstanceOf(DocumentLinks.Opened.Unknown.class);
        assertThat(links.revoke(lina, invoice.id())).isEqualTo(1);
        assertThat(links.open(link.token())).isInstanceOf(DocumentLinks.Opened.Gone.class);
        assertThat(orders.timeline(lina, order.id()))
                .extracting(e -> e.action())
                .contains("document.link-created", "document.downloaded-by-customer", "document.link-revoked");
    }
}
