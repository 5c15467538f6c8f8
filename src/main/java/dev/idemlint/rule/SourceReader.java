package dev.idemlint.rule;

import dev.idemlint.source.IoFailure;
import dev.idemlint.source.LineIndex;
import dev.idemlint.source.SourceEncoding;
import dev.idemlint.source.SourceFile;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a Python file the way CPython does ({@link SourceEncoding}: UTF-8 by default, a PEP 263 coding
 * line honoured, a UTF-8 BOM dropped from the text, which the fix writer restores) and turns what
 * cannot be read into a located message.
 */
public final class SourceReader {
    /** A file that could not be turned into text; {@code offset} is a char offset (0 when unknown). */
    public static final class Unreadable extends Exception {
        private final int offset;
        private final boolean io;
        private final String lossyText;

        Unreadable(String message, int offset, boolean io) {
            this(message, offset, io, "");
        }

        Unreadable(String message, int offset, boolean io, String lossyText) {
            super(message);
            this.offset = offset;
            this.io = io;
            this.lossyText = lossyText;
        }

        /** The file as the error is shown in: its text decoded with replacement characters. */
        public SourceFile shown(Path path, String displayPath) {
            return SourceFile.of(path, displayPath, lossyText);
        }

        public int offset() {
            return offset;
        }

        public boolean io() {
            return io;
        }
    }

    private SourceReader() {
    }

    /**
     * A file's text and, when the reader made it on the way (pure-ASCII files), the same text as a
     * char array for the tokenizer, which reads by index; null otherwise. Hand the array to one parse
     * and let it go: the text is what a run keeps.
     */
    public record Text(SourceFile file, char[] chars) {
    }

    public static SourceFile read(Path path, String displayPath) throws Unreadable {
        return readText(path, displayPath).file();
    }

    /** {@link #read}, with the text's chars when they came for free. */
    public static Text readText(Path path, String displayPath) throws Unreadable {
        byte[] bytes;
        try {
            bytes = readBytes(path);
        } catch (IOException e) {
            throw new Unreadable("Cannot read file: " + IoFailure.describe(e), 0, true);
        } catch (SecurityException e) {
            throw new Unreadable("Cannot read file: " + e.getMessage(), 0, true);
        } catch (OutOfMemoryError e) {
            throw new Unreadable("File too large to read", 0, true);
        }
        return decode(path, displayPath, bytes);
    }

    /** {@link #readText} of a file whose bytes were read already (the result cache hashes them first). */
    public static Text decode(Path path, String displayPath, byte[] bytes) throws Unreadable {
        String problem = SourceEncoding.problem(bytes);
        if (problem != null) {
            throw new Unreadable(problem.startsWith("encoding '") ? problem : "Syntax error: " + problem
                    + " (CPython's coding line rules); Alembic cannot import this file, so every command fails.", 0,
                    false, new String(bytes, StandardCharsets.ISO_8859_1));
        }
        SourceEncoding encoding = SourceEncoding.detect(bytes);
        int start = encoding.bom() ? 3 : 0;
        // One pass finds NUL bytes and, for the common file (UTF-8, pure ASCII, \n line breaks), the
        // line starts, so the text is one copy of the bytes and its line index needs no second scan:
        // three scans of every file (NUL, ASCII, line breaks), all in C1-compiled loops, were 4% of a run.
        // The same pass widens the bytes into the chars the tokenizer reads: String.toCharArray's loop
        // (not an intrinsic under C1) was 3% of the parallel phase on its own.
        boolean ascii = encoding.charset().equals(StandardCharsets.UTF_8);
        boolean cr = false;
        int[] starts = new int[64];
        int lines = 1;
        char[] chars = new char[bytes.length - start];
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            chars[i - start] = (char) b; // meaningless for a non-ASCII byte; the array is then dropped
            if (b == '\n') {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1 - start;
            } else if (b < 0x20) { // NUL, \r and the other control bytes, and every non-ASCII byte
                if (b == 0) {
                    throw new Unreadable("Binary file: NUL byte at byte offset " + i + "; not Python source", 0, false);
                }
                cr |= b == '\r';
                ascii &= b >= 0;
            }
        }
        if (ascii) {
            String text = encoding.asciiText(bytes);
            return new Text(new SourceFile(path, displayPath, text, cr ? new LineIndex(text)
                    : LineIndex.ofLineStarts(starts, lines, text.length())), chars);
        }
        Charset cs = encoding.charset();
        try {
            return new Text(SourceFile.of(path, displayPath, encoding.decode(bytes)), null);
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes, start, cs);
            String prefix = new String(bytes, start, Math.max(0, bad - start), StandardCharsets.UTF_8);
            throw new Unreadable(String.format("Invalid %s: byte 0x%02x at byte offset %d cannot be decoded"
                    + " (declare the encoding with a '# -*- coding: ... -*-' line or re-save as UTF-8)", cs.name(),
                    bytes[bad] & 0xff, bad), prefix.length(), false,
                    new String(bytes, start, bytes.length - start, cs));
        }
    }

    /**
     * The file's bytes, through java.io's stream: its readAllBytes asks the size and reads into the
     * array in one native call, where {@code Files.readAllBytes} goes through a file channel, a
     * temporary direct buffer and a second copy (some 60 more JDK methods that C1 compiled in every
     * run). A file that cannot be opened is read again the NIO way, for the failure's own exception
     * (no such file, permission denied), which {@link IoFailure#describe} words.
     */
    public static byte[] readBytes(Path path) throws IOException {
        File file;
        try {
            file = path.toFile();
        } catch (UnsupportedOperationException notDefaultFileSystem) {
            return Files.readAllBytes(path);
        }
        try (FileInputStream in = new FileInputStream(file)) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            return Files.readAllBytes(path);
        }
    }

    private static int firstBadByte(byte[] bytes, int start, Charset cs) {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        CoderResult r = dec.decode(in, out, true);
        return r.isError() ? Math.min(in.position(), bytes.length - 1) : Math.max(start, bytes.length - 1);
    }
}
