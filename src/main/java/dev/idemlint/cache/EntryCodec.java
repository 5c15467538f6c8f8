package dev.idemlint.cache;

import dev.idemlint.migration.ProjectReads;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.FileChange;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree's findings as bytes and back. Explicit fields in a fixed order, no reflection and no Java
 * serialization: strings once each in a table (help texts and fix titles repeat across thousands of
 * findings), files once each, findings pointing at both by index. A file of the tree is stored as its
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

        int size();

        /**
         * Whether the texts are at hand (decoded already): then the findings point at {@link #source}'s
         * file itself, else at one that decodes its text only when asked.
         */
        boolean atHand();
    }

    static byte[] encode(List<Diagnostic> diagnostics, int filesRead, TreeFiles tree) {
        Out body = new Out();
        Map<String, Integer> strings = new LinkedHashMap<>();
        Map<SourceFile, Integer> files = new IdentityHashMap<>();
        List<SourceFile> fileOrder = new ArrayList<>();
        Map<SourceFile, BitSet> quoted = new IdentityHashMap<>();
        body.i32(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            body.i32(str(strings, d.rule()));
            body.i32(str(strings, d.severity().name()));
            body.i32(file(files, fileOrder, d.file()));
            // the text reporter's code frame quotes the first line, the fingerprint every line
            quoted.computeIfAbsent(d.file(), f -> new BitSet())
                    .set(d.file().lines().line(d.span().start()), d.file().lines().line(d.span().end()) + 1);
            body.i32(d.span().start());
            body.i32(d.span().end());
            body.i32(d.step());
            body.i32(str(strings, d.message()));
            body.i32(str(strings, d.help()));
            body.i32(d.fixes().size());
            for (Fix f : d.fixes()) {
                body.i32(str(strings, f.title()));
                body.i32(str(strings, f.applicability().name()));
                body.i32(f.edits().size());
                for (TextEdit e : f.edits()) {
                    body.i32(str(strings, e.file() == null ? null : e.file().toString()));
                    body.i32(e.range().start());
                    body.i32(e.range().end());
                    body.i32(str(strings, e.replacement()));
                }
                body.i32(f.files().size());
                for (FileChange c : f.files()) {
                    if (c instanceof FileChange.Create create) {
                        body.u8(0);
                        body.i32(str(strings, create.file().toString()));
                        body.i32(str(strings, create.content()));
                    } else if (c instanceof FileChange.Move move) {
                        body.u8(1);
                        body.i32(str(strings, move.from().toString()));
                        body.i32(str(strings, move.to().toString()));
                    }
                }
            }
            body.i32(d.related().size());
            for (Related r : d.related()) {
                body.i32(file(files, fileOrder, r.file()));
                body.i32(r.span().start());
                body.i32(r.span().end());
                body.i32(str(strings, r.message()));
            }
        }
        Out files2 = new Out();
        files2.i32(fileOrder.size());
        for (SourceFile f : fileOrder) {
            int index = tree.indexOf(f.path());
            SourceFile again = index < 0 ? null : tree.source(index, f.displayPath());
            files2.i32(str(strings, f.path().toString()));
            files2.i32(str(strings, f.displayPath()));
            if (again != null && again.text().equals(f.text())) {
                files2.u8(0);
                files2.i32(index);
                files2.i32(f.text().length());
                files2.i32(f.text().hashCode());
                LineIndex lines = f.lines();
                files2.u8(lines.newlinesOnly() ? 1 : 0);
                int[] starts = lines.lineStarts();
                files2.i32(starts.length);
                for (int k = 1; k < starts.length; k++) {
                    files2.varint(starts[k] - starts[k - 1]);
                }
                BitSet q = quoted.getOrDefault(f, new BitSet());
                files2.i32(q.cardinality());
                for (int line = q.nextSetBit(0); line >= 0; line = q.nextSetBit(line + 1)) {
                    files2.varint(line);
                    files2.i32(str(strings, f.line(line)));
                }
            } else {
                files2.u8(1);
                files2.i32(str(strings, f.text()));
            }
        }
        Out out = new Out();
        out.i32(filesRead);
        out.i32(strings.size());
        for (String s : strings.keySet()) {
            out.string(s);
        }
        out.bytes(files2.buf, files2.size);
        out.bytes(body.buf, body.size);
        return Arrays.copyOf(out.buf, out.size);
    }

    /** The findings and the count of files read, as {@link #encode} was given them. */
    record Decoded(List<Diagnostic> diagnostics, int filesRead) {
    }

    static Decoded decode(byte[] data, int offset, int length, TreeFiles tree) throws Malformed {
        In in = new In(data, offset, length);
        Map<String, Path> paths = new HashMap<>();
        int filesRead = in.count(0);
        int nStrings = in.count(5);
        String[] strings = new String[nStrings];
        for (int i = 0; i < nStrings; i++) {
            strings[i] = in.string();
        }
        int nFiles = in.count(13);
        SourceFile[] files = new SourceFile[nFiles];
        for (int i = 0; i < nFiles; i++) {
            Path path = path(paths, in.str(strings, false));
            String display = in.str(strings, false);
            int kind = in.u8();
            SourceFile f;
            if (kind == 0) {
                int index = in.i32();
                int textLength = in.i32();
                int textHash = in.i32();
                if (index < 0 || index >= tree.size() || tree.indexOf(path) != index) {
                    throw new Malformed("file index out of range");
                }
                f = file(in, strings, tree, path, display, index, textLength, textHash);
            } else if (kind == 1) {
                f = SourceFile.of(path, display, in.str(strings, false));
            } else {
                throw new Malformed("unknown file kind");
            }
            files[i] = f;
        }
        int n = in.count(33);
        List<Diagnostic> out = new ArrayList<>(n);
        Map<String, Severity> severities = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String rule = in.str(strings, false);
            Severity severity = severity(in.str(strings, false), severities);
            SourceFile file = in.ref(files);
            Span span = in.span(file);
            int step = in.i32();
            if (step < -1) {
                throw new Malformed("bad step");
            }
            String message = in.str(strings, true);
            String help = in.str(strings, true);
            int nFixes = in.count(13);
            List<Fix> fixes = new ArrayList<>(nFixes);
            for (int k = 0; k < nFixes; k++) {
                String title = in.str(strings, true);
                Applicability applicability = applicability(in.str(strings, false));
                int nEdits = in.count(16);
                List<TextEdit> edits = new ArrayList<>(nEdits);
                for (int e = 0; e < nEdits; e++) {
                    String p = in.str(strings, true);
                    int start = in.i32();
                    int end = in.i32();
                    if (start < 0 || end < start) {
                        throw new Malformed("bad edit range");
                    }
                    edits.add(new TextEdit(p == null ? null : path(paths, p), new Span(start, end), in.str(strings, true)));
                }
                int nChanges = in.count(9);
                List<FileChange> changes = new ArrayList<>(nChanges);
                for (int c = 0; c < nChanges; c++) {
                    int kind = in.u8();
                    if (kind == 0) {
                        changes.add(new FileChange.Create(path(paths, in.str(strings, false)), in.str(strings, true)));
                    } else if (kind == 1) {
                        changes.add(new FileChange.Move(path(paths, in.str(strings, false)), path(paths, in.str(strings, false))));
                    } else {
                        throw new Malformed("unknown file change");
                    }
                }
                fixes.add(new Fix(title, applicability, List.copyOf(edits), List.copyOf(changes)));
            }
            int nRelated = in.count(16);
            List<Related> related = new ArrayList<>(nRelated);
            for (int r = 0; r < nRelated; r++) {
                SourceFile rf = in.ref(files);
                related.add(new Related(rf, in.span(rf), in.str(strings, true)));
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
    private static SourceFile file(In in, String[] strings, TreeFiles tree, Path path, String display, int index,
            int textLength, int textHash) throws Malformed {
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
            String content = in.str(strings, false);
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

    private static Severity severity(String name, Map<String, Severity> seen) throws Malformed {
        Severity s = seen.get(name);
        if (s == null) {
            for (Severity v : Severity.values()) {
                if (v.name().equals(name)) {
                    s = v;
                }
            }
            if (s == null) {
                throw new Malformed("unknown severity");
            }
            seen.put(name, s);
        }
        return s;
    }

    private static Applicability applicability(String name) throws Malformed {
        for (Applicability a : Applicability.values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new Malformed("unknown applicability");
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

    private static int str(Map<String, Integer> strings, String s) {
        if (s == null) {
            return -1;
        }
        Integer i = strings.get(s);
        if (i == null) {
            i = strings.size();
            strings.put(s, i);
        }
        return i;
    }

    private static int file(Map<SourceFile, Integer> files, List<SourceFile> order, SourceFile f) {
        Integer i = files.get(f);
        if (i == null) {
            i = order.size();
            files.put(f, i);
            order.add(f);
        }
        return i;
    }

    /** A growing byte buffer, big-endian ints. */
    /** What a result's models asked of the project's other files ({@link ProjectReads}), written into {@code out}. */
    static void reads(Out out, ProjectReads reads) {
        out.i32(reads.reads().size());
        for (ProjectReads.Read r : reads.reads()) {
            out.u8(r.kind().ordinal());
            out.string(r.path());
            out.string(r.top());
            out.string(r.answer());
        }
    }

    /** {@link #reads(Out, ProjectReads)} read back from {@code in}. */
    static ProjectReads reads(In in) throws Malformed {
        ProjectReads.Kind[] kinds = ProjectReads.Kind.values();
        int n = in.count(1 + 3 * 5);
        List<ProjectReads.Read> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = in.u8();
            if (kind >= kinds.length) {
                throw new Malformed("bad read kind");
            }
            out.add(new ProjectReads.Read(kinds[kind], in.string(), in.string(), in.string()));
        }
        return n == 0 ? ProjectReads.NONE : new ProjectReads(out);
    }

    static final class Out {
        byte[] buf = new byte[4096];
        int size;

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
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

        void bytes(byte[] b, int n) {
            room(n);
            System.arraycopy(b, 0, buf, size, n);
            size += n;
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

        String str(String[] strings, boolean nullable) throws Malformed {
            int i = i32();
            if (i == -1 && nullable) {
                return null;
            }
            if (i < 0 || i >= strings.length) {
                throw new Malformed("string index out of range");
            }
            return strings[i];
        }

        SourceFile ref(SourceFile[] files) throws Malformed {
            int i = i32();
            if (i < 0 || i >= files.length) {
                throw new Malformed("file index out of range");
            }
            return files[i];
        }

        Span span(SourceFile file) throws Malformed {
            int start = i32();
            int stop = i32();
            if (start < 0 || stop < start || stop > file.lines().length()) {
                throw new Malformed("span outside its file");
            }
            return new Span(start, stop);
        }
    }
}
