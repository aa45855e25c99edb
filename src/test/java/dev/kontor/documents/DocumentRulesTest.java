package dev.kontor.documents;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The documents' rules on their own, without a database. */
class DocumentRulesTest {

    private static final DocumentRules.OrderState OPEN = new DocumentRules.OrderState("NEW", true, true, 0);

    private static Document doc(long id, DocumentKind kind, long total, Long corrects, int... unitsOfLines) {
        List<DocumentContent.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < unitsOfLines.length; i++) {
            lines.add(new DocumentContent.Line(
                    (long) i + 1, "SKU" + i, "Item", "", unitsOfLines[i], 1000, 0, 1000L * unitsOfLines[i], 1900));
        }
        DocumentContent content = new DocumentContent(
                "SO-1",
                Instant.EPOCH,
                null,
                null,
                null,
                null,
                null,
                "EUR",
                true,
                lines,
                total,
                0,
                0,
                List.of(),
                0,
                total,
                0,
                total,
                null,
                null);
        return new Document(
                id,
                7,
                kind,
                kind + "-" + id,
                Instant.EPOCH,
                "x",
                "en",
                Document.Paper.A4,
                "EUR",
                total,
                content,
                "sha",
                corrects,
                null,
                null,
                null,
                null);
    }

    @Test
    void aSecondInvoiceWaitsUntilTheFirstIsFullyCredited() {
        Document invoice = doc(1, DocumentKind.INVOICE, 3000, null, 2, 1);
        assertThatThrownBy(() -> DocumentRules.checkIssue(DocumentKind.INVOICE, OPEN, List.of(invoice)))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessageContaining("already-invoiced");
        assertThatCode(() -> DocumentRules.checkIssue(DocumentKind.QUOTE, OPEN, List.of(invoice)))
                .as("other kinds as often as wanted")
                .doesNotThrowAnyException();
        Document part = doc(2, DocumentKind.CREDIT_NOTE, 1000, 1L, 1);
        assertThatThrownBy(() -> DocumentRules.checkIssue(DocumentKind.INVOICE, OPEN, List.of(invoice, part)))
                .isInstanceOf(ActionRefusedException.class);
        Document rest = doc(3, DocumentKind.CREDIT_NOTE, 2000, 1L, 1, 1);
        assertThatCode(() -> DocumentRules.checkIssue(DocumentKind.INVOICE, OPEN, List.of(invoice, part, rest)))
                .doesNotThrowAnyException();
    }

    @Test
    void aVoidOrderOrOneWithoutItemsOrAddressGetsNothing() {
        assertThatThrownBy(() -> DocumentRules.checkIssue(
                        DocumentKind.QUOTE, new DocumentRules.OrderState("CANCELLED", true, true, 0), List.of()))
                .hasMessageContaining("void-order");
        assertThatThrownBy(() -> DocumentRules.checkIssue(
                        DocumentKind.INVOICE, new DocumentRules.OrderState("DRAFT", false, false, 0), List.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .containsExactly("lines", "billingAddress"));
        assertThatThrownBy(() -> DocumentRules.checkIssue(DocumentKind.CREDIT_NOTE, OPEN, List.of()))
                .hasMessageContaining("credit-from-invoice");
    }

    @Test
    void aCreditNoteTakesBackAtMostWhatIsLeftLineByLine() {
        Document invoice = doc(1, DocumentKind.INVOICE, 3000, null, 2, 1);
        Document part = doc(2, DocumentKind.CREDIT_NOTE, 1000, 1L, 1);
        List<Document> all = List.of(invoice, part);
        assertThat(DocumentRules.creditableUnits(invoice, all)).isEqualTo(Map.of(1L, 1, 2L, 1));
        assertThat(DocumentRules.creditable(invoice, all)).isEqualTo(2000);
        assertThatThrownBy(() -> DocumentRules.checkCredit(invoice, all, Map.of(1L, 2)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("lines[1].quantity"));
        assertThatThrownBy(() -> DocumentRules.checkCredit(invoice, all, Map.of(9L, 1)))
                .hasMessageContaining("not-invoiced");
        assertThatCode(() -> DocumentRules.checkCredit(invoice, all, Map.of(1L, 1)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DocumentRules.checkCredit(part, all, Map.of()))
                .hasMessageContaining("credit-not-invoice");
    }

    @Test
    void paidOrCreditedInvoicesAreCorrectedNotVoided() {
        Document invoice = doc(1, DocumentKind.INVOICE, 3000, null, 2, 1);
        assertThatThrownBy(() -> DocumentRules.checkVoid(invoice, List.of(invoice), 100))
                .hasMessageContaining("void-paid");
        Document part = doc(2, DocumentKind.CREDIT_NOTE, 1000, 1L, 1);
        assertThatThrownBy(() -> DocumentRules.checkVoid(invoice, List.of(invoice, part), 0))
                .hasMessageContaining("void-credited");
        assertThatCode(() -> DocumentRules.checkVoid(invoice, List.of(invoice), 0))
                .doesNotThrowAnyException();
    }

    @Test
    void numbersFollowTheirPattern() {
        assertThat(DocumentNumbers.format("RE-{yyyy}-{000000}", 2026, 123)).isEqualTo("RE-2026-000123");
        assertThat(DocumentNumbers.format("INV{yy}/{0000}", 2026, 7)).isEqualTo("INV26/0007");
        assertThat(DocumentNumbers.format("RE-{yyyy}-{00}", 2026, 1234)).isEqualTo("RE-2026-1234");
        assertThatThrownBy(() -> DocumentNumbers.requireValid("RE-{000000}")).hasMessageContaining("year");
        assertThatThrownBy(() -> DocumentNumbers.requireValid("RE-{yyyy}")).hasMessageContaining("running number");
    }
}
