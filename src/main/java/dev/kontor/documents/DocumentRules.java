package dev.kontor.documents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Problems;

/**
 * When a document may be issued, corrected or voided; plain rules, tested without a database. An invoice is issued
 * once for what the order holds (a fully credited invoice frees the order for a new one); a credit note takes back
 * at most what its invoice still holds, line by line; an invoice that received money, or was credited, is never
 * voided — it is corrected by a credit note.
 */
public final class DocumentRules {

    private DocumentRules() {}

    /** What an order looks like to these rules. */
    public record OrderState(String lifecycle, boolean hasLines, boolean hasAddress, long paid) {}

    /** Refuses issuing {@code kind} for this order, given the documents it has. */
    public static void checkIssue(DocumentKind kind, OrderState order, List<Document> existing) {
        if (!kind.issuedFromOrder()) {
            throw new ActionRefusedException("issue", kind.name(), "document.refused.credit-from-invoice");
        }
        if (order.lifecycle().equals("CANCELLED") || order.lifecycle().equals("DELETED")) {
            throw new ActionRefusedException("issue", order.lifecycle(), "document.refused.void-order");
        }
        Problems problems = new Problems();
        if (!order.hasLines()) {
            problems.add("lines", "validation.document.no-lines");
        }
        if (!order.hasAddress()) {
            problems.add("billingAddress", "validation.document.no-address");
        }
        problems.throwIfAny();
        if (kind == DocumentKind.INVOICE) {
            standingInvoice(existing).ifPresent(invoice -> {
                throw new ActionRefusedException(
                        "issue", kind.name(), "document.refused.already-invoiced", invoice.number());
            });
        }
    }

    /** The order's invoice that stands: not void, not fully credited (at most one, these rules see to it). */
    public static java.util.Optional<Document> standingInvoice(List<Document> documents) {
        return documents.stream()
                .filter(d -> d.kind() == DocumentKind.INVOICE && !d.isVoid() && creditable(d, documents) > 0)
                .reduce((first, second) -> second);
    }

    /** What of an invoice's total the credit notes issued for it have not taken back yet. */
    public static long creditable(Document invoice, List<Document> documents) {
        long credited = 0;
        for (Document d : documents) {
            if (d.kind() == DocumentKind.CREDIT_NOTE
                    && !d.isVoid()
                    && Long.valueOf(invoice.id()).equals(d.correctsId())) {
                credited += d.total();
            }
        }
        return invoice.total() - credited;
    }

    /** Units of each invoiced line (by order line id) the credit notes for this invoice have not taken back. */
    public static Map<Long, Integer> creditableUnits(Document invoice, List<Document> documents) {
        Map<Long, Integer> open = new HashMap<>();
        for (DocumentContent.Line line : invoice.content().lines()) {
            open.merge(line.lineId(), line.quantity(), Integer::sum);
        }
        for (Document d : documents) {
            if (d.kind() == DocumentKind.CREDIT_NOTE
                    && !d.isVoid()
                    && Long.valueOf(invoice.id()).equals(d.correctsId())) {
                for (DocumentContent.Line line : d.content().lines()) {
                    open.merge(line.lineId(), -line.quantity(), Integer::sum);
                }
            }
        }
        return open;
    }

    /**
     * Refuses a credit note for these units ({@code quantities}: order line id → units; empty means everything
     * still open) of the invoice.
     */
    public static void checkCredit(Document invoice, List<Document> documents, Map<Long, Integer> quantities) {
        if (invoice.kind() != DocumentKind.INVOICE) {
            throw new ActionRefusedException("credit", invoice.kind().name(), "document.refused.credit-not-invoice");
        }
        if (invoice.isVoid()) {
            throw new ActionRefusedException("credit", "VOID", "document.refused.void", invoice.number());
        }
        if (creditable(invoice, documents) <= 0) {
            throw new ActionRefusedException("credit", "CREDITED", "document.refused.fully-credited", invoice.number());
        }
        Map<Long, Integer> open = creditableUnits(invoice, documents);
        Problems problems = new Problems();
        int units = 0;
        for (Map.Entry<Long, Integer> wanted : quantities.entrySet()) {
            Integer left = open.get(wanted.getKey());
            String field = "lines[" + wanted.getKey() + "].quantity";
            if (left == null) {
                problems.add(field, "validation.credit.not-invoiced");
            } else if (wanted.getValue() < 0 || wanted.getValue() > left) {
                problems.add(field, "validation.credit.too-many", left);
            }
            units += Math.max(0, wanted.getValue());
        }
        problems.throwIfAny();
        if (!quantities.isEmpty() && units == 0) {
            throw InvalidInputException.of("lines", "validation.credit.nothing");
        }
    }

    /** Refuses voiding the document: paid or credited invoices are corrected by credit notes, not voided. */
    public static void checkVoid(Document document, List<Document> documents, long paidOnOrder) {
        if (document.isVoid()) {
            throw new ActionRefusedException("void", "VOID", "document.refused.void", document.number());
        }
        if (document.kind() == DocumentKind.INVOICE && paidOnOrder > 0) {
            throw new ActionRefusedException("void", "PAID", "document.refused.void-paid", document.number());
        }
        if (document.kind() == DocumentKind.INVOICE && creditable(document, documents) < document.total()) {
            throw new ActionRefusedException("void", "CREDITED", "document.refused.void-credited", document.number());
        }
    }
}
