package dev.kontor.documents;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invoices and credit notes as XRechnung / EN 16931 XML that Mustang's validator (schema and Schematron) accepts. */
@KontorTest
class EInvoiceTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Autowired
    DocumentIssuing issuing;

    @Autowired
    Documents documents;

    private static String validate(byte[] xml) {
        return validate(xml, "einvoice.xml");
    }

    private static String validate(byte[] bytes, String name) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        validator.disableNotices();
        String report = validator.validate(bytes, name);
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        return report;
    }

    @Test
    void anInvoiceAndItsCreditNoteAreValidXRechnung() {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Actor ingrid = fixtures.user("ingrid", Role.FINANCE);
        Order order = intake.place(
                        lina,
                        AnOrder.from("MANUAL")
                                .lines(Fixtures.line("SHIRT", 2990, 2), Fixtures.line("CAP", 1500, 1))
                                .discount(500L)
                                .build(),
                        false)
                .order();
        Document invoice = issuing.issue(lina, order.id(), DocumentKind.INVOICE, "de");

        byte[] xml = documents.xml(lina, invoice.id(), null);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text)
                .contains(invoice.number(), "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung");
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "einvoices"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "einvoices", invoice.number() + ".xml"), xml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        validate(xml);
        validate(documents.xml(lina, invoice.id(), "EN16931"));
        java.util.regex.Matcher grand = java.util.regex.Pattern.compile("<ram:DuePayableAmount>([0-9.]+)<")
                .matcher(text);
        assertThat(grand.find()).isTrue();
        assertThat(new java.math.BigDecimal(grand.group(1)))
                .as("what the XML says is due is the invoice's total (a cent of rounding, BT-114, where needed)")
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(invoice.total(), 2));

        byte[] pdf = documents.pdf(lina, invoice.id());
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target", "einvoices", invoice.number() + ".pdf"), pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(validate(pdf, invoice.number() + ".pdf"))
                .as("ZUGFeRD: a PDF/A-3 with the EN 16931 XML inside")
                .contains("flavour=3", "isCompliant=true", "<profile>urn:cen.eu:en16931:2017</profile>");

        long capLine = invoice.content().lines().get(1).lineId();
        Document credit = issuing.credit(ingrid, invoice.id(), Map.of(capLine, 1), "broken");
        String creditXml = new String(documents.xml(lina, credit.id(), null), StandardCharsets.UTF_8);
        assertThat(creditXml).contains("381", invoice.number());
        validate(creditXml.getBytes(StandardCharsets.UTF_8));

        Document quote = issuing.issue(lina, order.id(), DocumentKind.QUOTE, null);
        assertThatThrownBy(() -> documents.xml(lina, quote.id(), null)).isInstanceOf(ActionRefusedException.class);
    }
}
