package dev.kontor.documents.web;

import java.util.Locale;

import dev.kontor.documents.Document;
import dev.kontor.documents.DocumentKind;
import dev.kontor.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the document pages, the API and the customer's link answer alike. */
final class DocumentHttp {

    private DocumentHttp() {}

    /** The PDF as issued, shown in the browser, saved under the document's number. */
    static ResponseEntity<byte[]> pdf(Document document, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(document.number() + ".pdf")
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }

    /** An e-invoice's XML, saved under the document's number. */
    static ResponseEntity<byte[]> xml(Document document, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.number() + ".xml")
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }

    /** A kind as a form or a client writes it: {@code invoice}, {@code INVOICE}; 422 naming the field otherwise. */
    static DocumentKind kind(String written) {
        try {
            return DocumentKind.valueOf(written.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (RuntimeException e) {
            throw InvalidInputException.of("kind", "validation.document.kind");
        }
    }
}
