package dev.kontor.documents;

import java.io.IOException;

/** Reading a PDF's text back, for tests outside this package. */
public final class DocumentsTestSupport {

    private DocumentsTestSupport() {}

    public static String text(byte[] pdf) throws IOException {
        return DocumentsTest.text(pdf);
    }

    public static byte[] png(int size) throws IOException {
        return DocumentsTest.png(size);
    }

    public static int imagesOnFirstPage(byte[] pdf) throws IOException {
        return DocumentsTest.imagesOnFirstPage(pdf);
    }
}
