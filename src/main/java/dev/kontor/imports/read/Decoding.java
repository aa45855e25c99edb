package dev.kontor.imports.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which character set a file was written in, from its first bytes: UTF-8 with or without a byte-order mark, the
 * Chinese GB18030 (GBK) that Taobao's exports use, or Windows-1252 that spreadsheets on Western Windows write.
 */
public final class Decoding {

    /** GB18030 is a superset of GBK and GB2312: it reads all three. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Decoding() {}

    /**
     * The charset of a file that begins with {@code sample} (a few kilobytes are plenty). A sample cut in the middle
     * of a character is still read right: only its last character may be incomplete.
     */
    public static Charset detect(byte[] sample, int length) {
        if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(sample, length, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(sample, length, GB18030) && mostlyGb2312(sample, length)) {
            return GB18030;
        }
        return WINDOWS_1252;
    }

    /** Whether the bytes are text in this charset; a character cut in two at the very end is not held against it. */
    private static boolean decodes(byte[] sample, int length, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(length + 16);
        return !decoder.decode(ByteBuffer.wrap(sample, 0, length), out, false).isError();
    }

    /**
     * Whether the two-byte characters are mostly in GB2312's area (both bytes from 0xA1), where the Chinese in
     * Taobao's files is: a Western file in Windows-1252 ({@code ße} is 0xDF 0x65) decodes as GB18030 too, but not
     * there.
     */
    private static boolean mostlyGb2312(byte[] sample, int length) {
        int inArea = 0;
        int outside = 0;
        for (int i = 0; i < length - 1; i++) {
            int lead = sample[i] & 0xFF;
            if (lead < 0x81) {
                continue;
            }
            int trail = sample[i + 1] & 0xFF;
            if (lead >= 0xA1 && trail >= 0xA1) {
                inArea++;
            } else {
                outside++;
            }
            i++;
        }
        return inArea > 0 && inArea >= 4 * outside;
    }
}
