package dev.kontor.documents;

import java.time.Instant;

/**
 * An issued document: what it said ({@link #content}) and the checksum of the PDF it was rendered to. Only a void
 * is ever written on it later.
 *
 * @param correctsId the invoice a credit note corrects; {@code null} otherwise
 * @param pdfSha256  hex SHA-256 of the PDF's bytes as issued
 * @param acceptedAt when the customer accepted a quote through its link; {@code null} otherwise
 */
public record Document(
        long id,
        long orderId,
        DocumentKind kind,
        String number,
        Instant issuedAt,
        String issuedBy,
        String language,
        Paper paper,
        String currency,
        long total,
        DocumentContent content,
        String pdfSha256,
        Long correctsId,
        Instant voidedAt,
        String voidedBy,
        String voidReason,
        Instant acceptedAt) {

    /** Paper sizes a document is rendered on. */
    public enum Paper {
        A4,
        LETTER
    }

    public boolean isVoid() {
        return voidedAt != null;
    }
}
