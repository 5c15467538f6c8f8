package dev.idemlint.cache;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.FileChange;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.ProjectReads;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Related;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.LineIndex;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree's findings as bytes and back. Explicit fields in a fixed order, no reflection and no Java
 * serialization: strings once each ({@link Out#str}: help texts and fix titles repeat across thousands of
 * findings), files once each, findings pointing at files by index. A file of the tree is stored as its
 * index, the length and the hash of its text, its line starts and the lines its findings quote (the
 * code frame, the fingerprint): what the reporters read, so printing a hit decodes no file. Its whole
 * text, when something asks for it, is decoded again from the bytes the key was made from and checked
 * against that length and hash. The lines were taken from the text of those bytes when the entry was
 * written, and the entry is named by the keyed hash of those bytes: it is read only for them. Decoding
 * checks every count, index and span against what is there; anything out of place is a {@link
 * Malformed}, never a result.
 */
final class EntryCodec {
    private EntryCodec() {
    }

    /** An entry that does not decode: the caller treats it as a miss. */
    static final class Malformed extends Exception {
        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    /** What a file's text is decoded from when an entry names it by index. */
    interface TreeFiles {
        /** The file's index in the tree, or -1. */
        int indexOf(Path path);

        /** The file's text as the linter reads it (from the bytes the key hashed); null when unreadable. */
        SourceFile source(int index, String displayPath);

        /**
         * Whether the texts are at hand (decoded already): then the findings point at {@link #source}'s
         * file itself, else at one that decodes its text only when asked.
         */
        boolean atHand();
    }

    static byte[] encode(List<Diagnostic> diagnostics, int filesRead, TreeFiles tree) {
        // the files first, in the order the findings name them, each with the lines its findings quote:
        // the text reporter's code frame quotes a finding's first line, the fingerprint every line
        Map<SourceFile, Integer> files = new IdentityHashMap<>();
        List<SourceFile> order = new ArrayList<>();
        List<BitSet> quoted = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            LineIndex lines = d.file().lines();
            quoted.get(index(files, order, quoted, d.file()))
                    .set(lines.line(d.span().start()), lines.line(d.span().end()) + 1);
            d.related().forEach(r -> index(files, order, quoted, r.file()));
        }
        Out out = new Out();
        out.i32(filesRead);
        out.i32(order.size());
        for (int i = 0; i < order.size(); i++) {
            file(out, order.get(i), quoted.get(i), tree);
        }
        out.i32(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            out.str(d.rule());
            out.u8(d.severity().ordinal());
            out.i32(files.get(d.file()));
            out.span(d.span());
            out.i32(d.step());
            out.str(d.message());
            out.str(d.help());
            out.i32(d.fixes().size());
            for (Fix f : d.fixes()) {
                out.str(f.title());
                out.u8(f.applicability().ordinal());
                out.i32(f.edits().size());
                for (TextEdit e : f.edits()) {
                    out.str(e.file() == null ? null : e.file().toString());
                    out.span(e.range());
                    out.str(e.replacement());
                }
                out.i32(f.files().size());
                for (FileChange c : f.files()) {
                    if (c instanceof FileChange.Create create) {
                        out.u8(0);
                        out.str(create.file().toString());
                        out.str(create.content());
                    } else if (c instanceof FileChange.Move move) {
                        out.u8(1);
                        out.str(move.from().toString());
                        out.str(move.to().toString());
                    }
                }
            }
            out.i32(d.related().size());
            for (Related r : d.related()) {
                out.i32(files.get(r.file()));
                out.span(r.span());
                out.str(r.message());
            }
        }
        return out.toArray();
    }

    /** The file's index among those an entry stores, given it when first seen. */
    private static int index(Map<SourceFile, Integer> files, List<SourceFile> order, List<BitSet> quoted,
            SourceFile f) {
        return files.computeIfAbsent(f, k -> {
            order.add(k);
            quoted.add(new BitSet());
            return order.size() - 1;
        });
    }

    /** A file of the findings: by its index in the tree when its text is the tree's, else its whole text. */
    private static void file(Out out, SourceFile f, BitSet quoted, TreeFiles tree) {
        int index = tree.indexOf(f.path());
        SourceFile again = index < 0 ? null : tree.source(index, f.displayPath());
        out.str(f.path().toString());
        out.str(f.displayPath());
        if (again == null || !again.text().equals(f.text())) {
            out.u8(1);
            out.str(f.text());
            return;
        }
        out.u8(0);
        out.i32(index);
        out.i32(f.text().length());
        out.i32(f.text().hashCode());
        LineIndex lines = f.lines();
        out.u8(lines.newlinesOnly() ? 1 : 0);
        int[] starts = lines.lineStarts();
        out.i32(starts.length);
        for (int k = 1; k < starts.length; k++) {
            out.varint(starts[k] - starts[k - 1]);
        }
        out.i32(quoted.cardinality());
        for (int line = quoted.nextSetBit(0); line >= 0; line = quoted.nextSetBit(line + 1)) {
            out.varint(line);
            out.str(f.line(line));
        }
    }

    /** The findings and the count of files read, as {@link #encode} was given them. */
    record Decoded(List<Diagnostic> diagnostics, int filesRead) {
    }

    static Decoded decode(byte[] data, int offset, int length, TreeFiles tree) throws Malformed {
        In in = new In(data, offset, length);
        Map<String, Path> paths = new HashMap<>();
        int filesRead = in.count(0);
        SourceFile[] files = new SourceFile[in.count(13)];
        for (int i = 0; i < files.length; i++) {
            Path path = path(paths, in.str(false));
            String display = in.str(false);
            int kind = in.u8();
            if (kind == 0) {
                files[i] = file(in, tree, path, display);
            } else if (kind == 1) {
                files[i] = SourceFile.of(path, display, in.str(false));
            } else {
                throw new Malformed("unknown file kind");
            }
        }
        Severity[] severities = Severity.values();
        Applicability[] applicabilities = Applicability.values();
        int n = in.count(37);
        List<Diagnostic> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String rule = in.str(false);
            Severity severity = in.constant(severities);
            SourceFile file = in.ref(files);
            Span span = in.span(file.lines().length());
            int step = in.i32();
            if (step < -1) {
                throw new Malformed("bad step");
            }
            String message = in.str(true);
            String help = in.str(true);
            List<Fix> fixes = new ArrayList<>();
            for (int k = in.count(13); k > 0; k--) {
                String title = in.str(true);
                Applicability applicability = in.constant(applicabilities);
                List<TextEdit> edits = new ArrayList<>();
                for (int e = in.count(16); e > 0; e--) {
                    String p = in.str(true);
                    edits.add(new TextEdit(p == null ? null : path(paths, p), in.span(Integer.MAX_VALUE), in.str(true)));
                }
                List<FileChange> changes = new ArrayList<>();
                for (int c = in.count(9); c > 0; c--) {
                    int kind = in.u8();
                    if (kind == 0) {
                        changes.add(new FileChange.Create(path(paths, in.str(false)), in.str(true)));
                    } else if (kind == 1) {
                        changes.add(new FileChange.Move(path(paths, in.str(false)), path(paths, in.str(false))));
                    } else {
                        throw new Malformed("unknown file change");
                    }
                }
                fixes.add(new Fix(title, applicability, List.copyOf(edits), List.copyOf(changes)));
            }
            List<Related> related = new ArrayList<>();
            for (int r = in.count(16); r > 0; r--) {
                SourceFile rf = in.ref(files);
                related.add(new Related(rf, in.span(rf.lines().length()), in.str(true)));
            }
            out.add(new Diagnostic(rule, severity, file, span, message, help, List.copyOf(fixes), List.copyOf(related),
                    step));
        }
        if (!in.atEnd()) {
            throw new Malformed("trailing bytes");
        }
        return new Decoded(List.copyOf(out), filesRead);
    }

    /** A file of the tree: its line index and quoted lines as stored, its text from the tree when asked for. */
    private static SourceFile file(In in, TreeFiles tree, Path path, String display) throws Malformed {
        int index = in.i32();
        int textLength = in.i32();
        int textHash = in.i32();
        if (index < 0 || tree.indexOf(path) != index) {
            throw new Malformed("file index out of range");
        }
        boolean newlinesOnly = in.u8() == 1;
        int[] starts = new int[in.count(1)];
        for (int k = 1; k < starts.length; k++) {
            starts[k] = starts[k - 1] + in.varint();
        }
        LineIndex lines = LineIndex.of(starts, textLength, newlinesOnly);
        if (lines == null) {
            throw new Malformed("bad line starts");
        }
        int nKnown = in.count(5);
        Map<Integer, String> known = new HashMap<>(nKnown * 4 / 3 + 1);
        for (int k = 0; k < nKnown; k++) {
            int line = in.varint();
            String content = in.str(false);
            if (line < 1 || line > starts.length
                    || content.length() > (line < starts.length ? starts[line] : textLength) - starts[line - 1]) {
                throw new Malformed("a quoted line outside its file");
            }
            known.put(line, content);
        }
        if (tree.atHand()) {
            SourceFile f = tree.source(index, display);
            if (f == null || f.text().length() != textLength || f.text().hashCode() != textHash) {
                throw new Malformed("a file's text is not the text it was linted with");
            }
            return f;
        }
        return SourceFile.known(path, display, lines, known, () -> {
            SourceFile f = tree.source(index, display);
            if (f == null || f.text().length() != textLength || f.text().hashCode() != textHash) {
                throw new IllegalStateException(display + ": its text is not the text its cached findings were found in");
            }
            return f.text();
        });
    }

    /** The path a string names; the same few paths recur in every finding of a file. */
    private static Path path(Map<String, Path> paths, String s) throws Malformed {
        Path p = paths.get(s);
        if (p == null) {
            try {
                p = Path.of(s);
            } catch (InvalidPathException e) {
                throw new Malformed("bad path");
            }
            paths.put(s, p);
        }
        return p;
    }

    /** What a result's models asked of the project's other files ({@link ProjectReads}), written into {@code out}. */
    static void reads(Out out, ProjectReads reads) {
        out.i32(reads.reads().size());
        for (ProjectReads.Read r : reads.reads()) {
            out.u8(r.kind().ordinal());
            out.str(r.path());
            out.str(r.top());
            out.str(r.answer());
        }
    }

    /** {@link #reads(Out, ProjectReads)} read back from {@code in}. */
    static ProjectReads reads(In in) throws Malformed {
        ProjectReads.Kind[] kinds = ProjectReads.Kind.values();
        int n = in.count(1 + 3 * 4);
        List<ProjectReads.Read> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ProjectReads.Read(in.constant(kinds), in.str(false), in.str(false), in.str(false)));
        }
        return n == 0 ? ProjectReads.NONE : new ProjectReads(out);
    }

    /** A growing byte buffer: big-endian ints, strings once each. */
    static final class Out {
        byte[] buf = new byte[4096];
        int size;
        /** Each string written in full so far, by its place among them. */
        private final Map<String, Integer> strings = new HashMap<>();

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }

        void u8(int v) {
            room(1);
            buf[size++] = (byte) v;
        }

        void i32(int v) {
            room(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        /** A non-negative int in 7-bit groups, low first: line lengths take one byte. */
        void varint(int v) {
            room(5);
            while ((v & ~0x7f) != 0) {
                buf[size++] = (byte) (v & 0x7f | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void span(Span s) {
            i32(s.start());
            i32(s.end());
        }

        void bytes(byte[] b, int n) {
            room(n);
            System.arraycopy(b, 0, buf, size, n);
            size += n;
        }

        /** A string or null: -1 for null, the place of a string written before, else -2 and the string. */
        void str(String s) {
            if (s == null) {
                i32(-1);
                return;
            }
            Integer i = strings.putIfAbsent(s, strings.size());
            if (i != null) {
                i32(i);
            } else {
                i32(-2);
                string(s);
            }
        }

        /** Latin-1 text as one byte a char, other text as two (a lone surrogate round-trips). */
        void string(String s) {
            // ISO-8859-1 writes '?' for a char it cannot encode, so the bytes stand for the text only when
            // they read back as it. Copying and comparing whole arrays: a loop over charAt was two fifths
            // of writing a tree's findings.
            byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
            boolean exact = new String(latin1, StandardCharsets.ISO_8859_1).equals(s);
            u8(exact ? 0 : 1);
            i32(s.length());
            if (exact) {
                bytes(latin1, latin1.length);
            } else {
                room(s.length() * 2);
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    buf[size++] = (byte) (c >>> 8);
                    buf[size++] = (byte) c;
                }
            }
        }
    }

    /** Reads what {@link Out} wrote; every read checks the bounds first. */
    static final class In {
        private final byte[] buf;
        private int pos;
        private final int end;
        /** The strings read in full so far, in order: {@link Out#str} refers back to them by place. */
        private final List<String> strings = new ArrayList<>();

        In(byte[] buf, int offset, int length) {
            this.buf = buf;
            this.pos = offset;
            this.end = offset + length;
        }

        boolean atEnd() {
            return pos == end;
        }

        /** Where the next read starts. */
        int position() {
            return pos;
        }

        int u8() throws Malformed {
            if (pos >= end) {
                throw new Malformed("truncated");
            }
            return buf[pos++] & 0xff;
        }

        int i32() throws Malformed {
            if (end - pos < 4) {
                throw new Malformed("truncated");
            }
            int v = (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16 | (buf[pos + 2] & 0xff) << 8 | buf[pos + 3] & 0xff;
            pos += 4;
            return v;
        }

        int varint() throws Malformed {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = u8();
                v |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    if (v < 0) {
                        throw new Malformed("bad varint");
                    }
                    return v;
                }
            }
            throw new Malformed("bad varint");
        }

        /**
         * A count of items each taking at least {@code minBytes} bytes: never more than the bytes left
         * could hold, so a forged count cannot make a huge allocation.
         */
        int count(int minBytes) throws Malformed {
            int n = i32();
            if (n < 0 || minBytes > 0 && n > (end - pos) / minBytes) {
                throw new Malformed("bad count");
            }
            return n;
        }

        String string() throws Malformed {
            int coder = u8();
            int n = i32();
            if (coder > 1 || n < 0 || (long) n * (coder + 1) > end - pos) {
                throw new Malformed("bad string");
            }
            String s;
            if (coder == 0) {
                s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
                pos += n;
            } else {
                char[] cs = new char[n];
                for (int i = 0; i < n; i++) {
                    cs[i] = (char) ((buf[pos] & 0xff) << 8 | buf[pos + 1] & 0xff);
                    pos += 2;
                }
                s = new String(cs);
            }
            return s;
        }

        /** What {@link Out#str} wrote; a string read back twice is one object. */
        String str(boolean nullable) throws Malformed {
            int i = i32();
            if (i == -2) {
                String s = string();
                strings.add(s);
                return s;
            }
            if (i == -1 && nullable) {
                return null;
            }
            if (i < 0 || i >= strings.size()) {
                throw new Malformed("string index out of range");
            }
            return strings.get(i);
        }

        /** One of {@code values}, written as its ordinal. */
        <E> E constant(E[] values) throws Malformed {
            int i = u8();
            if (i >= values.length) {
                throw new Malformed("unknown constant");
            }
            return values[i];
        }

        <T> T ref(T[] items) throws Malformed {
            int i = i32();
            if (i < 0 || i >= items.length) {
                throw new Malformed("index out of range");
            }
            return items[i];
        }

        /** A span ending at {@code max} at most. */
        Span span(int max) throws Malformed {
            int start = i32();
            int stop = i32();
            if (start < 0 || stop < start || stop > max) {
                throw new Malformed("bad span");
            }
            return new Span(start, stop);
        }
    }
}
