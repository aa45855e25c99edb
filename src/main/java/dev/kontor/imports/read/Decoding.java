package dev.kontor.imports.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
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
     * of a character is still read right: only its last three bytes may be incomplete.
     */
    public static Charset detect(byte[] sample, int length) {
        if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(sample, length, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(sample, length, GB18030) && hasChinese(new String(sample, 0, length, GB18030))) {
            return GB18030;
        }
        return WINDOWS_1252;
    }

    private static boolean decodes(byte[] sample, int length, Charset charset) {
        // the last few bytes may be a character cut in two by the sample's end
        for (int cut = 0; cut <= Math.min(3, length); cut++) {
            try {
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(sample, 0, length - cut));
                return true;
            } catch (CharacterCodingException e) {
                // try with a byte fewer
            }
        }
        return false;
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
