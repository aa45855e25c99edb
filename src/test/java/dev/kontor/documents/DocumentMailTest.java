package dev.kontor.documents;

import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.documents.jobs.MailSenderJob;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MailBox;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A document goes to the customer as a mail in its language with the PDF attached, as it was issued. */
@KontorTest
class DocumentMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = MailBox.server();

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Autowired
    Orders orders;

    @Autowired
    DocumentIssuing issuing;

    @Autowired
    DocumentSending sending;

    @Autowired
    MailSenderJob mailSender;

    @Autowired
    Documents documents;

    @Test
    void theInvoiceMailCarriesThePdfAndALinkToDownloadItAgain() throws Exception {
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Order order = intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT", 2990, 1)), false)
                .order();
        Document invoice = issuing.issue(lina, order.id(), DocumentKind.INVOICE, "de");

        assertThat(sending.send(lina, invoice.id())).isEqualTo("jana@example.de");
        mailSender.run();

        List<MailBox.Received> mails = MailBox.read(smtp);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).contains(invoice.number());
        assertThat(mails.get(0).text()).contains("Rechnung " + invoice.number(), "PDF ist angehängt", "/d/");
        MimeMessage message = smtp.getReceivedMessages()[0];
        BodyPart pdf = null;
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("application/pdf")) {
                pdf = parts.getBodyPart(i);
            }
        }
        assertThat(pdf).as("the PDF is attached").isNotNull();
        assertThat(pdf.getFileName()).isEqualTo(invoice.number() + ".pdf");
        byte[] bytes = pdf.getInputStream().readAllBytes();
        assertThat(DocumentWriter.sha256(bytes)).isEqualTo(invoice.pdfSha256());
        assertThat(orders.timeline(lina, order.id()))
                .extracting(e -> e.action())
                .contains("document.sent");

        Order noMail = intake.place(
                        lina,
                        AnOrder.from("MANUAL")
                                .customer(dev.kontor.customers.CustomerDetails.of(
                                        dev.kontor.customers.CustomerKind.PERSON,
                                        "Lars Berg",
                                        null,
                                        "NO",
                                        "nb",
                                        null,
                                        "+47 912 34 567",
                                        null,
                                        null,
                                        null,
                                        Fixtures.address("Lars Berg", "NO")))
                                .shippingAddress(Fixtures.address("Lars Berg", "NO"))
                                .currency("NOK")
                                .lines(Fixtures.line("SHIRT", 29900, 1))
                                .build(),
                        false)
                .order();
        Document quote = issuing.issue(lina, noMail.id(), DocumentKind.QUOTE, null);
        assertThat(quote.language()).as("the customer's language").isEqualTo("nb");
        assertThat(DocumentsTest.text(documents.pdf(lina, quote.id())))
                .as("Norway's code NO is a country, not a no")
                .contains("Tilbud", "Storgata 1", "Norge");
        assertThatThrownBy(() -> sending.send(lina, quote.id()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("email"));
    }
}
