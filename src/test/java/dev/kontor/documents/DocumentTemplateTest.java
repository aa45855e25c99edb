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
}
