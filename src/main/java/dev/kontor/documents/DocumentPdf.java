package dev.kontor.documents;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders a document to PDF: the Thymeleaf template {@code documents/pdf} in the document's language, laid out by
 * openhtmltopdf on A4 or Letter. Chinese needs a TrueType font with its glyphs (PDFBox embeds TrueType outlines
 * only): {@code kontor.documents.font}, else the first of the usual system places; without one, Chinese text is
 * left out of PDFs, which start-up says once.
 */
@Component
class DocumentPdf {

    static final String CJK_FAMILY = "Kontor CJK";

    private static final Logger LOG = LoggerFactory.getLogger(DocumentPdf.class);

    private static final List<String> SYSTEM_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/System/Library/Fonts/PingFang.ttc",
            "C:\\Windows\\Fonts\\msyh.ttc");

    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final Optional<File> cjkFont;

    DocumentPdf(ITemplateEngine templates, ApplicationContext application, DocumentSettings settings) {
        this.templates = templates;
        this.application = application;
        this.cjkFont = findFont(settings.font());
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfLog());
        if (cjkFont.isEmpty()) {
            LOG.warn("Kontor documents: no font with Chinese glyphs found (set kontor.documents.font to a .ttf or .ttc,"
                    + " or install Debian's fonts-wqy-microhei): Chinese text is left out of PDFs.");
        } else {
            LOG.info("Kontor documents: Chinese text in PDFs set in {}", cjkFont.get());
        }
    }

    /** Whether Chinese text can be rendered. */
    boolean hasCjkFont() {
        return cjkFont.isPresent();
    }

    /** The document as HTML in its language: what the PDF shows, and what a template error is found in. */
    String html(Locale locale, Map<String, Object> model) {
        Context context = new Context(locale, model);
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        try {
            LocaleContextHolder.setLocale(locale);
            return templates.process("documents/pdf", context);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    byte[] render(Locale locale, Document.Paper paper, Map<String, Object> model) {
        String html = html(locale, model);
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(pdf);
            builder.withHtmlContent(html, null);
            if (paper == Document.Paper.LETTER) {
                builder.useDefaultPageSize(8.5f, 11f, BaseRendererBuilder.PageSizeUnits.INCHES);
            } else {
                builder.useDefaultPageSize(210f, 297f, BaseRendererBuilder.PageSizeUnits.MM);
            }
            if (cjkFont.isPresent()) {
                builder.useFont(new PDFontSupplier(loadFont(pdf, cjkFont.get())), CJK_FAMILY);
            }
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The document could not be rendered", e);
        }
    }

    private static PDType0Font loadFont(PDDocument pdf, File file) throws IOException {
        if (file.getName().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file);
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            return PDType0Font.load(pdf, first[0], true);
        }
        return PDType0Font.load(pdf, file);
    }

    private static Optional<File> findFont(String configured) {
        if (configured != null && !configured.isBlank()) {
            File file = new File(configured.strip());
            if (file.canRead()) {
                return Optional.of(file);
            }
            LOG.warn("Kontor documents: kontor.documents.font={} cannot be read", configured);
        }
        return SYSTEM_FONTS.stream().map(File::new).filter(File::canRead).findFirst();
    }
}
