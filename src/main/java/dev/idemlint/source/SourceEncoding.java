package dev.idemlint.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Python file's bytes map to its text: a UTF-8 BOM or not, and the charset (UTF-8, or what a
 * PEP 263 coding line in the first two lines declares). The reader drops the BOM from the text; the
 * writer puts it back, so a fixed file keeps the encoding it was read with.
 */
public record SourceEncoding(Charset charset, boolean bom) {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    // PEP 263, as CPython's tokenizer reads it (rule/SourceReader reads with it, fix/AtomicWriter writes with it).
    private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    public static SourceEncoding detect(byte[] bytes) {
        boolean bom = bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1]
                && bytes[2] == UTF8_BOM[2];
        return new SourceEncoding(declared(bytes, bom ? 3 : 0), bom);
    }

    /** The text of {@code bytes}, without the BOM; throws when they do not decode. */
    public String decode(byte[] bytes) throws CharacterCodingException {
        int start = bom ? 3 : 0;
        if (charset.equals(StandardCharsets.UTF_8) && ascii(bytes, start)) {
            return asciiText(bytes);
        }
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    }

    /**
     * The text of {@code bytes} that the caller knows to be pure ASCII (after the BOM), as nearly every
     * migration is: one copy, no strict decoder and char[] round trip.
     */
    public String asciiText(byte[] bytes) {
        int start = bom ? 3 : 0;
        return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
    }

    private static boolean ascii(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of {@code text} in this encoding, BOM first when the original had one. */
    public byte[] encode(String text) throws CharacterCodingException {
        CharsetEncoder enc = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer body = enc.encode(CharBuffer.wrap(text));
        byte[] out = new byte[(bom ? 3 : 0) + body.remaining()];
        if (bom) {
            System.arraycopy(UTF8_BOM, 0, out, 0, 3);
        }
        body.get(out, bom ? 3 : 0, body.remaining());
        return out;
    }

    private static Charset declared(byte[] bytes, int start) {
        int i = start;
        for (int line = 0; line < 2 && i < bytes.length; line++) {
            int end = i;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            Matcher m = CODING.matcher(new String(bytes, i, end - i, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (name.startsWith("utf-8") || name.startsWith("utf8")) {
                    return StandardCharsets.UTF_8;
                }
                // CPython's own spellings that Java does not know as aliases.
                if (name.startsWith("latin-1") || name.startsWith("iso-latin-1") || name.startsWith("latin_1")
                        || name.startsWith("iso-8859-1") || name.startsWith("iso_8859_1")) {
                    return StandardCharsets.ISO_8859_1;
                }
                try {
                    return Charset.forName(name);
                } catch (RuntimeException e) {
                    return StandardCharsets.UTF_8;
                }
            }
            i = end + 1;
        }
        return StandardCharsets.UTF_8;
    }
}
