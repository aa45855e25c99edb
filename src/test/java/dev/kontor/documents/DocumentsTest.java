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
        looksLikeSnapshot(pdf, "invoice-de");

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

    /**
     * Page one of a PDF at 60 dpi, compared with the snapshot under {@code src/test/resources/snapshots/}: at most 3 %
     * of the pixels may differ (dates and numbers change from run to run; a lost font or a broken layout changes far
     * more). {@code -Dkontor.snapshots.update=true} writes the snapshot anew; the page is always written to
     * {@code target/screenshots/} to look at.
     */
    static void looksLikeSnapshot(byte[] pdf, String name) throws IOException {
        java.awt.image.BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 60);
        }
        java.nio.file.Path shot = java.nio.file.Path.of("target", "screenshots", name + ".png");
        java.nio.file.Files.createDirectories(shot.getParent());
        javax.imageio.ImageIO.write(page, "png", shot.toFile());
        java.nio.file.Path snapshot = java.nio.file.Path.of("src", "test", "resources", "snapshots", name + ".png");
        if (Boolean.getBoolean("kontor.snapshots.update") || !java.nio.file.Files.exists(snapshot)) {
            java.nio.file.Files.createDirectories(snapshot.getParent());
            javax.imageio.ImageIO.write(page, "png", snapshot.toFile());
        }
        java.awt.image.BufferedImage expected = javax.imageio.ImageIO.read(snapshot.toFile());
        assertThat(page.getWidth()).isEqualTo(expected.getWidth());
        assertThat(page.getHeight()).isEqualTo(expected.getHeight());
        long differing = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if (page.getRGB(x, y) != expected.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        double share = differing / (double) (page.getWidth() * page.getHeight());
        assertThat(share)
                .as("%s differs from its snapshot in %.2f %% of its pixels", name, share * 100)
                .isLessThan(0.03);
    }

    @Test
    void chineseTextIsInTheChineseInvoice() throws Exception {
        Order order = order("CNY", "CN", Fixtures.line("WLY0QU1098", 12900, 1));
        Document invoice = issuing.issue(lina, order.id(), DocumentKind.INVOICE, "zh_CN");
        String text = text(documents.pdf(lina, invoice.id()));
        assertThat(text).contains("发票", "王芳", "杭州", "合计", "¥129.00");
        looksLikeSnapshot(documents.pdf(lina, invoice.id()), "invoice-zh_CN");
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

    @Autowired
    dev.kontor.orders.OrderLifecycle lifecycle;

    @Test
    void aQuoteTheCustomerAcceptsThroughItsLinkSubmitsTheDraft() {
        Order draft = intake.place(
                        lina,
                        AnOrder.from("MANUAL")
                                .shippingAddress(Fixtures.address("Jana Schmidt", "DE"))
                                .lines(Fixtures.line("SHIRT", 2990, 2))
                                .build(),
                        true)
                .order();
        assertThat(draft.lifecycle()).isEqualTo(dev.kontor.orders.LifecycleStatus.DRAFT);
        Document quote = issuing.issue(lina, draft.id(), DocumentKind.QUOTE, "de");
        Document invoice = issuing.issue(lina, draft.id(), DocumentKind.PROFORMA, "de");
        DocumentLinks.Link link = links.create(lina, quote.id());

        Document accepted = links.accept(link.token());
        assertThat(accepted.acceptedAt()).isNotNull();
        assertThat(orders.get(draft.id()).lifecycle())
                .as("the accepted quote makes the draft an order")
                .isEqualTo(dev.kontor.orders.LifecycleStatus.NEW);
        assertThat(links.accept(link.token()).acceptedAt())
                .as("accepting twice changes nothing")
                .isEqualTo(accepted.acceptedAt());
        assertThat(orders.timeline(lina, draft.id()))
                .extracting(e -> e.action())
                .contains("document.accepted");

        DocumentLinks.Link other = links.create(lina, invoice.id());
        assertThatThrownBy(() -> links.accept(other.token())).hasMessageContaining("not-a-quote");
        assertThatThrownBy(() -> links.accept("unknown-token")).isInstanceOf(dev.kontor.shared.NotFoundException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE documents SET accepted_at = now() WHERE id = :id")
                        .param("id", quote.id())
                        .update())
                .hasMessageContaining("accepted already");
    }

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

    static int imagesOnFirstPage(byte[] pdf) throws IOException {
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
        assertThat(links.open(link.token())).isInstanceOf(DocumentLinks.Opened.Found.class);
        assertThat(DocumentWriter.sha256(links.pdf(link.token()).orElseThrow())).isEqualTo(invoice.pdfSha256());
        assertThat(jdbc.sql("SELECT count(*) FROM document_links WHERE token_sha256 = :t")
                        .param("t", link.token())
                        .query(Long.class)
                        .single())
                .as("the token itself is not stored")
                .isZero();
        assertThat(links.open("nonsense")).isInstanceOf(DocumentLinks.Opened.Unknown.class);
        assertThat(links.revoke(lina, invoice.id())).isEqualTo(1);
        assertThat(links.open(link.token())).isInstanceOf(DocumentLinks.Opened.Gone.class);
        assertThat(links.pdf(link.token())).isEmpty();
        assertThat(orders.timeline(lina, order.id()))
                .extracting(e -> e.action())
                .contains("document.link-created", "document.downloaded-by-customer", "document.link-revoked");
    }
}
