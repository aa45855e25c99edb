package dev.kontor.documents;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.kontor.shared.ActionRefusedException;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A template that cannot be filled in refuses the issue with where it broke, never a 500. */
@KontorTest
class DocumentTemplateTest {

    @Autowired
    DocumentPdf pdf;

    @Test
    void aTemplateErrorIsARefusalThatSaysWhere() {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", DocumentKind.INVOICE);
        model.put("number", "RE-2026-000001");
        assertThatThrownBy(() -> pdf.render(Locale.GERMAN, Document.Paper.A4, model))
                .isInstanceOfSatisfying(ActionRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("document.refused.template");
                    assertThat(e.args().get(0).toString()).contains("documents/pdf");
                });
    }

    @Autowired
    DocumentWriter writer;

    @Test
    void a4AndLetterAreTheirSizes() throws Exception {
        DocumentContent content = new DocumentContent(
                "SO-1",
                java.time.Instant.EPOCH,
                null,
                writer.seller(),
                new DocumentContent.Party(
                        "Jana Schmidt", null, java.util.List.of("Hauptstraße 12", "50667 Köln"), "DE", null),
                null,
                null,
                "EUR",
                true,
                java.util.List.of(),
                0,
                0,
                0,
                java.util.List.of(),
                0,
                0,
                0,
                0,
                null,
                null);
        Map<String, Object> model =
                writer.model(DocumentKind.QUOTE, "AN-2026-000001", java.time.Instant.EPOCH, content);
        try (var a4 = org.apache.pdfbox.Loader.loadPDF(pdf.render(Locale.GERMAN, Document.Paper.A4, model));
                var letter = org.apache.pdfbox.Loader.loadPDF(pdf.render(Locale.US, Document.Paper.LETTER, model))) {
            assertThat(a4.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(a4.getPage(0).getMediaBox().getHeight())
                    .isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            assertThat(letter.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(612f, org.assertj.core.data.Offset.offset(1f));
            assertThat(letter.getPage(0).getMediaBox().getHeight())
                    .isCloseTo(792f, org.assertj.core.data.Offset.offset(1f));
        }
    }
}
