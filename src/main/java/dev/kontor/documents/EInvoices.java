package dev.kontor.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mustangproject.BankDetails;
import org.mustangproject.Charge;
import org.mustangproject.Contact;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.springframework.stereotype.Component;

/**
 * An invoice or credit note as an e-invoice: UN/CEFACT CII XML in the XRechnung profile (the German CIUS of EN 16931)
 * or the plain EN 16931 profile, written by the Mustang library from what the document said when it was issued (so
 * the XML never disagrees with the stored document). Prices that include tax are given net, as EN 16931 wants them;
 * shipping, which Kontor does not tax, is a zero-rated charge.
 */
@Component
class EInvoices {

    /** The profiles Kontor writes. */
    enum Profile {
        XRECHNUNG("XRECHNUNG"),
        EN16931("EN16931");

        final String mustangName;

        Profile(String mustangName) {
            this.mustangName = mustangName;
        }
    }

    private static final Pattern POSTAL_CITY = Pattern.compile("^(\\d[\\w-]{2,9})\\s+(.+)$");

    private final DocumentSettings settings;

    EInvoices(DocumentSettings settings) {
        this.settings = settings;
    }

    /** Whether the document is of a kind that has an e-invoice: invoices and credit notes. */
    static boolean applies(DocumentKind kind) {
        return kind == DocumentKind.INVOICE || kind == DocumentKind.CREDIT_NOTE;
    }

    byte[] xml(Document document, Profile profile, ZoneId zone) {
        return xml(document.kind(), document.number(), document.issuedAt(), document.content(), profile, zone);
    }

    /** The PDF/A-3 with the EN 16931 XML embedded as ZUGFeRD 2 / Factur-X. */
    byte[] zugferd(byte[] pdfA3, byte[] xml) {
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3 exporter =
                    new org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3()
                            .setZUGFeRDVersion(2)
                            .setProfile(Profiles.getByName(Profile.EN16931.mustangName))
                            .setProducer("Kontor")
                            .setCreator("Kontor")
                            // made PDF/A-3b by openhtmltopdf, checked by veraPDF in EInvoiceTest: not again per
                            // document (PDFBox Preflight costs more than the rendering)
                            .ignorePDFAErrors()
                            .load(pdfA3);
            exporter.setXML(xml);
            exporter.export(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The e-invoice could not be embedded", e);
        }
    }

    byte[] xml(
            DocumentKind kind,
            String number,
            java.time.Instant issuedAt,
            DocumentContent c,
            Profile profile,
            ZoneId zone) {
        DocumentSettings.Company company = settings.company();
        LocalDate issued = LocalDate.ofInstant(issuedAt, zone);
        Invoice invoice = new Invoice()
                .setNumber(number)
                .setIssueDate(date(issued, zone))
                .setDueDate(date(c.dueOn() != null ? c.dueOn() : issued, zone))
                .setDeliveryDate(date(issued, zone))
                .setCurrency(c.currency())
                .setReferenceNumber(c.orderNumber())
                .setSellerOrderReferencedDocumentID(c.orderNumber())
                .setPaymentTermDescription(c.dueOn() == null ? null : "Due " + c.dueOn())
                .setSender(seller(c.seller(), company))
                .setRecipient(party(c.buyer(), c.customerEmail()));
        if (kind == DocumentKind.CREDIT_NOTE) {
            invoice.setCreditNote();
            if (c.corrects() != null) {
                invoice.setInvoiceReferencedDocumentID(c.corrects());
            }
        }
        int digits = Math.max(Currency.getInstance(c.currency()).getDefaultFractionDigits(), 0);
        long[] nets = netAmounts(c);
        for (int i = 0; i < c.lines().size(); i++) {
            DocumentContent.Line line = c.lines().get(i);
            BigDecimal quantity = BigDecimal.valueOf(line.quantity());
            BigDecimal lineNet = BigDecimal.valueOf(nets[i], digits);
            Product product = new Product(
                    line.name(),
                    line.attributes() == null || line.attributes().isBlank() ? line.name() : line.attributes(),
                    "H87",
                    BigDecimal.valueOf(line.taxRate(), 2));
            product.setSellerAssignedID(line.sku());
            invoice.addItem(new Item(product, lineNet.divide(quantity, 4, RoundingMode.HALF_UP), quantity)
                    .setLineTotalAmount(lineNet));
        }
        // EN 16931 computes tax per rate on the net sum; where no net gives back the customer's gross exactly, the
        // cent left over is the invoice's rounding amount (BT-114), so the amount due is what the document says
        java.util.Map<Integer, Long> netByRate = new java.util.TreeMap<>();
        for (int i = 0; i < c.lines().size(); i++) {
            netByRate.merge(c.lines().get(i).taxRate(), nets[i], Long::sum);
        }
        long xmlTotal = c.shipping();
        for (var e : netByRate.entrySet()) {
            xmlTotal += e.getValue() + taxOn(e.getValue(), e.getKey());
        }
        if (xmlTotal != c.total()) {
            invoice.setRoundingAmount(BigDecimal.valueOf(c.total() - xmlTotal, digits));
        }
        if (kind == DocumentKind.INVOICE && c.paid() > 0) {
            invoice.setTotalPrepaidAmount(BigDecimal.valueOf(Math.min(c.paid(), c.total()), digits));
        }
        if (c.shipping() > 0) {
            invoice.setZFCharges(new Charge[] {
                new Charge(BigDecimal.valueOf(c.shipping(), digits))
                        .setTaxPercent(BigDecimal.ZERO)
                        .setCategoryCode("Z")
                        .setReason("Shipping")
            });
        }
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName(profile.mustangName));
        provider.generateXML(invoice);
        return provider.getXML();
    }

    private static TradeParty seller(DocumentContent.Party seller, DocumentSettings.Company company) {
        TradeParty party = party(seller, company.email());
        if (company.taxId() != null && !company.taxId().isBlank()) {
            party.addVATID(company.taxId().strip());
        }
        if (company.taxNumber() != null && !company.taxNumber().isBlank()) {
            party.addTaxID(company.taxNumber().strip());
        }
        if (company.iban() != null && !company.iban().isBlank()) {
            BankDetails bank = new BankDetails(company.iban().replace(" ", ""));
            if (company.bic() != null && !company.bic().isBlank()) {
                bank.setBIC(company.bic().strip());
            }
            party.addBankDetails(bank);
        }
        party.setContact(new Contact(seller.name(), company.phone(), company.email()));
        return party;
    }

    private static TradeParty party(DocumentContent.Party p, String email) {
        String street = p.addressLines().isEmpty() ? "" : p.addressLines().get(0);
        String postal = "";
        String city = "";
        for (String line : p.addressLines()
                .subList(Math.min(1, p.addressLines().size()), p.addressLines().size())) {
            Matcher m = POSTAL_CITY.matcher(line.strip());
            if (m.matches()) {
                postal = m.group(1);
                city = m.group(2);
                break;
            }
        }
        String name = p.company() != null && !p.company().isBlank() ? p.company() : p.name();
        TradeParty party = new TradeParty(name, street, postal, city, p.country() == null ? "" : p.country());
        if (email != null && !email.isBlank()) {
            party.setEmail(email.strip());
        }
        return party;
    }

    /**
     * Each line's net amount, the order discount spread over the lines. With prices that include tax, the nets of a
     * rate are chosen so that net + tax computed on that net (as EN 16931 computes it, per rate) gives back exactly
     * what the customer pays at that rate: the XML's total is always the document's.
     */
    static long[] netAmounts(DocumentContent c) {
        List<DocumentContent.Line> lines = c.lines();
        long[] shares = spread(c.discount(), lines);
        long[] nets = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            long amount = lines.get(i).total() - shares[i];
            nets[i] = c.pricesIncludeTax()
                    ? amount - taxIncluded(amount, lines.get(i).taxRate())
                    : amount;
        }
        if (!c.pricesIncludeTax()) {
            return nets;
        }
        java.util.Map<Integer, List<Integer>> byRate = new java.util.TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            byRate.computeIfAbsent(lines.get(i).taxRate(), r -> new java.util.ArrayList<>())
                    .add(i);
        }
        byRate.forEach((rate, indexes) -> {
            long gross = indexes.stream()
                    .mapToLong(i -> lines.get(i).total() - shares[i])
                    .sum();
            long net = indexes.stream().mapToLong(i -> nets[i]).sum();
            long wanted = net;
            for (long candidate = net - 2; candidate <= net + 2; candidate++) {
                if (candidate + taxOn(candidate, rate) == gross) {
                    wanted = candidate;
                    break;
                }
            }
            int last = indexes.get(indexes.size() - 1);
            nets[last] += wanted - net;
        });
        return nets;
    }

    private static long taxOn(long net, int rate) {
        return BigDecimal.valueOf(net)
                .multiply(BigDecimal.valueOf(rate))
                .divide(BigDecimal.valueOf(10_000L), 0, RoundingMode.HALF_UP)
                .longValue();
    }

    /** The order discount spread over the lines by their amounts, as Kontor's totals spread it. */
    private static long[] spread(long discount, List<DocumentContent.Line> lines) {
        long[] shares = new long[lines.size()];
        long subtotal = lines.stream().mapToLong(DocumentContent.Line::total).sum();
        if (discount == 0 || subtotal == 0) {
            return shares;
        }
        long given = 0;
        for (int i = 0; i < lines.size(); i++) {
            shares[i] = i == lines.size() - 1
                    ? discount - given
                    : Math.round((double) discount * lines.get(i).total() / subtotal);
            given += shares[i];
        }
        return shares;
    }

    private static long taxIncluded(long gross, int rate) {
        if (gross <= 0 || rate == 0) {
            return 0;
        }
        return BigDecimal.valueOf(gross)
                .multiply(BigDecimal.valueOf(rate))
                .divide(BigDecimal.valueOf(10_000L + rate), 0, RoundingMode.HALF_UP)
                .longValue();
    }

    private static Date date(LocalDate day, ZoneId zone) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }
}
