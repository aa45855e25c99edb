package dev.kontor.documents;

/** What an uploaded file is, by its first bytes (never by its name or the type the browser claims). */
final class FileKinds {

    private FileKinds() {}

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    /** The media type of a PDF, PNG or JPEG file; {@code null} for anything else. */
    static String of(byte[] b) {
        if (b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return PDF;
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return PNG;
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        return null;
    }
}
