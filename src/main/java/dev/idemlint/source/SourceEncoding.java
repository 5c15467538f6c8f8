package dev.idemlint.source;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /**
     * The text of {@code bytes}, without the BOM; throws when they do not decode. In UTF-8 a byte that
     * is not part of a valid sequence becomes the char {@code U+DC00 + byte} (Python's surrogateescape)
     * instead: CPython's tokenizer reads source as bytes and decodes its tokens, not its comments, so
     * a Latin-1 byte in a comment imports fine (checked with CPython 3.11's {@code compile()} on
     * bytes, which is how Alembic's loader compiles a revision). The parser reports an escaped byte
     * anywhere else as CPython's syntax error ({@link #isEscapedByte}), and {@link #encode} writes each
     * one back as its byte, so a fixed file keeps every byte.
     */
    public String decode(byte[] bytes) throws CharacterCodingException {
        int start = bom ? 3 : 0;
        if (charset.equals(StandardCharsets.UTF_8)) {
            return ascii(bytes, start) ? asciiText(bytes) : utf8Escaping(bytes, start);
        }
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    }

    /** First char of an escaped byte: {@code U+DC80} to {@code U+DCFF} stand for bytes 0x80 to 0xFF. */
    private static final char ESCAPE = 0xDC00;

    /** True when {@code text.charAt(i)} stands for a byte that was not UTF-8 (see {@link #decode}). */
    public static boolean isEscapedByte(String text, int i) {
        char c = text.charAt(i);
        return c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    /** The byte an escaped char stands for. */
    public static int escapedByte(char c) {
        return c - ESCAPE;
    }

    private static String utf8Escaping(byte[] bytes, int start) throws CharacterCodingException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 1); // never more chars than bytes
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) {
                    out.put((char) (ESCAPE | (in.get() & 0xff)));
                }
            } else if (r.isUnderflow()) {
                break;
            } else {
                r.throwException();
            }
        }
        dec.flush(out);
        out.flip();
        return out.toString();
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
        ByteBuffer body = charset.equals(StandardCharsets.UTF_8) ? utf8Unescaping(text, enc)
                : enc.encode(CharBuffer.wrap(text));
        byte[] out = new byte[(bom ? 3 : 0) + body.remaining()];
        if (bom) {
            System.arraycopy(UTF8_BOM, 0, out, 0, 3);
        }
        body.get(out, bom ? 3 : 0, body.remaining());
        return out;
    }

    /** UTF-8 of {@code text}, each escaped byte ({@link #decode}) written back as itself. */
    private static ByteBuffer utf8Unescaping(String text, CharsetEncoder enc) throws CharacterCodingException {
        ByteArrayOutputStream out = null;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isEscapedByte(text, i)) {
                if (out == null) {
                    out = new ByteArrayOutputStream(text.length() + 16);
                }
                ByteBuffer run = enc.encode(CharBuffer.wrap(text, from, i));
                out.write(run.array(), run.arrayOffset() + run.position(), run.remaining());
                out.write(escapedByte(text.charAt(i)));
                from = i + 1;
            }
        }
        if (out == null) {
            return enc.encode(CharBuffer.wrap(text));
        }
        ByteBuffer run = enc.encode(CharBuffer.wrap(text, from, text.length()));
        out.write(run.array(), run.arrayOffset() + run.position(), run.remaining());
        return ByteBuffer.wrap(out.toByteArray());
    }

    /**
     * What CPython's tokenizer says about the coding line of {@code bytes}, or null when it accepts it:
     * "unknown encoding: X" for a name its codecs do not know, "encoding problem: X with BOM" for a
     * UTF-8 BOM with a coding line that does not name UTF-8 (its {@code get_normal_name} allows only
     * "utf-8" and "utf-8-*" spellings there, so even "utf8" fails), and a note when Java has no
     * decoder for an encoding CPython knows.
     */
    public static String problem(byte[] bytes) {
        boolean bom = bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1]
                && bytes[2] == UTF8_BOM[2];
        String name = codingName(bytes, bom ? 3 : 0);
        if (name == null) {
            return null;
        }
        String normal = tokenizerName(name);
        if (bom && !normal.equals("utf-8")) {
            return "encoding problem: " + normal + " with BOM";
        }
        String java = javaName(normal);
        if (java == null) {
            return "unknown encoding: " + name;
        }
        return java.isEmpty() ? "encoding '" + name + "' is one CPython decodes and idemlint cannot; re-save the"
                + " file as UTF-8" : null;
    }

    /** The name a PEP 263 line in the first two lines declares, as written, or null. */
    private static String codingName(byte[] bytes, int start) {
        int i = start;
        for (int line = 0; line < 2 && i < bytes.length; line++) {
            int end = i;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            // the pattern needs "coding" on the line: most lines lack it, and the regex was 7% of a warm run
            if (contains(bytes, i, end, CODING_WORD)) {
                Matcher m = CODING.matcher(new String(bytes, i, end - i, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    return m.group(1);
                }
            }
            i = end + 1;
        }
        return null;
    }

    private static final byte[] CODING_WORD = "coding".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code bytes[from, to)} holds {@code word}. */
    private static boolean contains(byte[] bytes, int from, int to, byte[] word) {
        for (int i = from; i <= to - word.length; i++) {
            if (bytes[i] == word[0] && Arrays.equals(bytes, i, i + word.length, word, 0, word.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * CPython's tokenizer's {@code get_normal_name}: its first 12 chars lowercased with '_' as '-';
     * "utf-8" and "utf-8-*" are "utf-8", the latin-1 spellings "iso-8859-1", any other name as written.
     */
    static String tokenizerName(String name) {
        String buf = name.substring(0, Math.min(12, name.length())).toLowerCase(Locale.ROOT).replace('_', '-');
        if (buf.equals("utf-8") || buf.startsWith("utf-8-")) {
            return "utf-8";
        }
        for (String latin : new String[] {"latin-1", "iso-8859-1", "iso-latin-1"}) {
            if (buf.equals(latin) || buf.startsWith(latin + "-")) {
                return "iso-8859-1";
            }
        }
        return name;
    }

    /**
     * CPython's {@code encodings.normalize_encoding} after {@code codecs.lookup}'s lowercasing: every
     * run of characters other than letters, digits and '.' becomes one '_', none at either end.
     */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean punct = false;
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (Character.isLetterOrDigit(c) || c == '.') {
                if (punct && sb.length() > 0) {
                    sb.append('_');
                }
                sb.append(c);
                punct = false;
            } else {
                punct = true;
            }
        }
        return sb.toString();
    }

    /** The Java charset name of a codec CPython knows ("" when Java has none), or null when CPython knows none. */
    static String javaName(String name) {
        String n = normalize(name);
        String java = PythonCodecs.JAVA.get(n);
        return java != null ? java : PythonCodecs.JAVA.get(n.replace('.', '_'));
    }

    private static Charset declared(byte[] bytes, int start) {
        String name = codingName(bytes, start);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        String java = javaName(tokenizerName(name));
        try {
            // an unknown name or one Java cannot decode is reported by problem(); UTF-8 meanwhile
            return java == null || java.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(java);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
