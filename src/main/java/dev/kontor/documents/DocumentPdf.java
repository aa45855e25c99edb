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

    static final String SANS_FAMILY = "Kontor Sans";

    private static final List<String> SANS =
            List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf");

    private static final Logger LOG = LoggerFactory.getLogger(DocumentPdf.class);

    private static final List<String> SYSTEM_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/System/Library/Fonts/PingFang.ttc",
            "C:\\Windows\\Fonts\\msyh.ttc");

    private final java.util.concurrent.ConcurrentLinkedQueue<TrueTypeFont> parsed =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<TrueTypeFont> sansParsed =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<TrueTypeFont> boldParsed =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final Optional<File> cjkFont;
    private final Optional<File> sans;
    private final Optional<File> sansBold;
    private final byte[] srgb = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB)
            .getData();

    DocumentPdf(ITemplateEngine templates, ApplicationContext application, DocumentSettings settings) {
        this.templates = templates;
        this.application = application;
        this.cjkFont = findFont(settings.font());
        this.sans = SANS.stream().map(File::new).filter(File::canRead).findFirst();
        this.sansBold = sans.map(f -> new File(f.getParentFile(), "DejaVuSans-Bold.ttf"))
                .filter(File::canRead);
        if (sans.isEmpty()) {
            LOG.warn("Kontor documents: DejaVu Sans not found (Debian: fonts-dejavu-core): PDFs use the standard PDF"
                    + " fonts, are not PDF/A, and invoices carry their e-invoice as XML only, not as ZUGFeRD.");
        }
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfLog());
        // PDFBox writes each PDF/A's XMP metadata through a new TransformerFactory; without the property, every one
        // searches all jars' META-INF/services first (a third of a document's time, JFR) to find Saxon, which Mustang
        // brings. Naming the factory it finds skips the search and changes nothing else.
        if (System.getProperty(TRANSFORMER_FACTORY) == null && saxonPresent()) {
            System.setProperty(TRANSFORMER_FACTORY, SAXON);
        }
        if (cjkFont.isEmpty()) {
            LOG.warn("Kontor documents: no font with Chinese glyphs found (set kontor.documents.font to a .ttf or .ttc,"
                    + " or install Debian's fonts-wqy-microhei): Chinese text is left out of PDFs.");
        } else {
            LOG.info("Kontor documents: Chinese text in PDFs set in {}", cjkFont.get());
        }
    }

    /** Whether PDFs are PDF/A-3b (every font embedded), which ZUGFeRD needs. */
    boolean isPdfA() {
        return sans.isPresent();
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
        } catch (org.thymeleaf.exceptions.TemplateEngineException e) {
            // a broken template issues nothing (the number goes back with the rollback) and says where it broke
            throw new dev.kontor.shared.ActionRefusedException(
                    "issue", "TEMPLATE", "document.refused.template", String.valueOf(e.getMessage()));
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
            TrueTypeFont regular = sans.isPresent() ? borrow(sansParsed, sans.get()) : null;
            TrueTypeFont bold = sansBold.isPresent() ? borrow(boldParsed, sansBold.get()) : null;
            if (regular != null) {
                builder.useFont(
                        new PDFontSupplier(PDType0Font.load(pdf, regular, true)),
                        SANS_FAMILY,
                        400,
                        BaseRendererBuilder.FontStyle.NORMAL,
                        true);
                builder.useFont(
                        new PDFontSupplier(PDType0Font.load(pdf, bold != null ? bold : regular, true)),
                        SANS_FAMILY,
                        700,
                        BaseRendererBuilder.FontStyle.NORMAL,
                        true);
                builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
                builder.useColorProfile(srgb);
            }
            TrueTypeFont font = cjkFont.isPresent() && needsCjk(html) ? borrowFont() : null;
            try {
                if (font != null) {
                    builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, font, true)), CJK_FAMILY);
                }
                builder.toStream(out);
                builder.run();
            } finally {
                if (font != null) {
                    parsed.offer(font);
                }
                if (regular != null) {
                    sansParsed.offer(regular);
                }
                if (bold != null) {
                    boldParsed.offer(bold);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The document could not be rendered", e);
        }
    }

    /**
     * Whether the text has letters beyond the Latin ones the standard PDF fonts carry: only then is the (large) CJK
     * font subset into the document.
     */
    static boolean needsCjk(String html) {
        return html.codePoints()
                .anyMatch(c -> c > 0x024F
                        && !Character.isWhitespace(c)
                        && c != 0x2013
                        && c != 0x2014
                        && c != 0x2212
                        && c != 0x2022
                        && c != 0x00B7
                        && c != 0x20AC
                        && (c < 0x2000 || c > 0x206F));
    }

    private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";

    private static final String SAXON = "net.sf.saxon.TransformerFactoryImpl";

    private static boolean saxonPresent() {
        try {
            Class.forName(SAXON, false, DocumentPdf.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static TrueTypeFont borrow(java.util.Queue<TrueTypeFont> pool, File file) throws IOException {
        TrueTypeFont font = pool.poll();
        return font != null
                ? font
                : new org.apache.fontbox.ttf.TTFParser()
                        .parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file));
    }

    /**
     * A parsed CJK font no other rendering uses now: parsing a 5 MB collection for every document cost more than the
     * rest of the rendering, and a parsed font is not safe to share between threads, so parsed ones are pooled (as
     * many as renderings ran at once).
     */
    private TrueTypeFont borrowFont() throws IOException {
        TrueTypeFont font = parsed.poll();
        if (font == null) {
            File file = cjkFont.orElseThrow();
            if (file.getName().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file);
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                font = first[0];
            } else {
                font = new org.apache.fontbox.ttf.TTFParser()
                        .parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file));
            }
        }
        return font;
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
