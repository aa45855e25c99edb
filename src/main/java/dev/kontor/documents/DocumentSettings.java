package dev.kontor.documents;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How documents are numbered and what the company prints on them ({@code kontor.documents.*}).
 *
 * @param patterns    number pattern per kind: {@code {yyyy}} the year, {@code {yy}} its last two digits, a run of
 *     zeros in braces the running number with that many digits ({@code RE-{yyyy}-{000000}} → {@code RE-2026-000123})
 * @param paper       {@code A4} or {@code LETTER}
 * @param linkDays    how long a customer's download link works
 * @param paymentDays days from issue until an invoice's money is due, when the order has no terms of its own
 * @param font        a TrueType font (.ttf, or a .ttc collection) with Chinese glyphs; empty: the first of the usual
 *     system places that exists (Debian's {@code fonts-wqy-microhei})
 * @param invoiceOn   when Kontor issues an order's invoice by itself: {@code NEVER} (by hand only), {@code APPROVAL},
 *     {@code SHIPMENT} (the first one) or {@code PAYMENT} (money received)
 * @param company     the letterhead: name, address lines, tax numbers, bank details
 */
@ConfigurationProperties("kontor.documents")
public record DocumentSettings(
        Map<DocumentKind, String> patterns,
        @DefaultValue("A4") Document.Paper paper,
        @DefaultValue("90") int linkDays,
        @DefaultValue("14") int paymentDays,
        @DefaultValue("") String font,
        @DefaultValue("NEVER") InvoiceOn invoiceOn,
        Company company) {

    /** When Kontor issues an order's invoice on its own (besides by hand). */
    public enum InvoiceOn {
        NEVER,
        APPROVAL,
        SHIPMENT,
        PAYMENT
    }

    private static final Map<DocumentKind, String> DEFAULT_PATTERNS = Map.of(
            DocumentKind.QUOTE, "AN-{yyyy}-{000000}",
            DocumentKind.ORDER_CONFIRMATION, "AB-{yyyy}-{000000}",
            DocumentKind.PROFORMA, "PR-{yyyy}-{000000}",
            DocumentKind.INVOICE, "RE-{yyyy}-{000000}",
            DocumentKind.CREDIT_NOTE, "GS-{yyyy}-{000000}",
            DocumentKind.DELIVERY_NOTE, "LS-{yyyy}-{000000}");

    public DocumentSettings {
        Map<DocumentKind, String> all = new EnumMap<>(DEFAULT_PATTERNS);
        if (patterns != null) {
            patterns.forEach((kind, pattern) -> {
                if (pattern != null && !pattern.isBlank()) {
                    all.put(kind, pattern.strip());
                }
            });
        }
        all.values().forEach(DocumentNumbers::requireValid);
        patterns = Map.copyOf(all);
        company = company == null ? new Company(null, null, null, null, null, null, null, null, null, null) : company;
        linkDays = Math.max(1, linkDays);
        paymentDays = Math.max(0, paymentDays);
        invoiceOn = invoiceOn == null ? InvoiceOn.NEVER : invoiceOn;
    }

    /**
     * The company as its documents name it; an empty name means the shop's name.
     *
     * @param taxId    VAT identification number (USt-IdNr., 统一社会信用代码, MVA-nummer)
     * @param taxNumber the tax office's number, where the law asks for it
     * @param email    where customers write about documents (e-invoices name it as the seller's contact)
     * @param phone    the seller's contact phone
     */
    public record Company(
            String name,
            List<String> address,
            String country,
            String taxId,
            String taxNumber,
            String bank,
            String iban,
            String bic,
            String email,
            String phone) {

        public Company {
            address = address == null ? List.of() : List.copyOf(address);
        }
    }
}
