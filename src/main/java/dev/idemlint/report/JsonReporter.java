package dev.idemlint.report;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.Background;
import dev.idemlint.source.Spare;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON contract other tools rely on:
 * {@code {"diagnostics":[{"rule","severity","file","line","column","endLine","endColumn","message","help","fixes"}],"summary":{...}}},
 * 1-based lines and columns.
 */
public final class JsonReporter implements Reporter {
    /** Findings formatted per step: two halves on two threads, then written in order; bounds memory. */
    private static final int WINDOW = 1024;
    /** Findings rendered per spare step: about 80 KB, a fraction of a millisecond. */
    private static final int CHUNK = 64;
    /** Rendered ahead at most (a big project's whole report is not kept in memory twice). */
    private static final long AHEAD_BUDGET = 64L << 20;

    /** Findings handed over by the lint, rendered ahead by its waiting threads. */
    private final List<Ahead> ahead = new ArrayList<>();
    private final AtomicLong aheadBytes = new AtomicLong();

    /**
     * Spare work for the lint (see {@link dev.idemlint.rule.Linter#lint}): renders the files' findings
     * {@code ds} ahead, a chunk per step, so that writing the report mostly copies bytes. The lint runs
     * its steps while its threads would wait for each other in the project phase, and waits for the
     * steps it started before it returns; {@link #write} renders whatever is left.
     */
    public Spare ahead(List<Diagnostic> ds) {
        Ahead a = new Ahead(ds);
        ahead.add(a);
        return a;
    }

    /**
     * Rendered findings: chunk {@code c} holds findings {@code c * CHUNK...} each as written after
     * another one ({@code ,\n    {"rule": ...}}), {@code ends[c]} where each ends.
     */
    private final class Ahead implements Spare {
        private final List<Diagnostic> ds;
        private final byte[][] chunks;
        private final int[][] ends;
        private final AtomicInteger next = new AtomicInteger();

        Ahead(List<Diagnostic> ds) {
            this.ds = ds;
            int n = (ds.size() + CHUNK - 1) / CHUNK;
            chunks = new byte[n][];
            ends = new int[n][];
        }

        @Override
        public boolean step() {
            int c = next.getAndIncrement();
            if (c >= chunks.length || aheadBytes.get() > AHEAD_BUDGET) {
                return false;
            }
            int from = c * CHUNK;
            int to = Math.min(ds.size(), from + CHUNK);
            JsonBytes sb = new JsonBytes((to - from) * 1400);
            int[] at = new int[to - from];
            for (int i = from; i < to; i++) {
                sb.raw(NEXT);
                finding(ds.get(i), sb);
                at[i - from] = sb.length();
            }
            aheadBytes.addAndGet(sb.length());
            ends[c] = at;
            chunks[c] = sb.bytes(); // read by write(), after the lint has waited for its steps
            return true;
        }
    }

    /** Where a rendered finding's bytes are. */
    private record Rendered(byte[] chunk, int start, int end) {
    }

    private Map<Diagnostic, Rendered> rendered() {
        Map<Diagnostic, Rendered> out = new IdentityHashMap<>();
        for (Ahead a : ahead) {
            for (int c = 0; c < a.chunks.length; c++) {
                if (a.chunks[c] != null) {
                    int start = 0;
                    for (int k = 0; k < a.ends[c].length; k++) {
                        out.put(a.ds.get(c * CHUNK + k), new Rendered(a.chunks[c], start, a.ends[c][k]));
                        start = a.ends[c][k];
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append("{\n  \"diagnostics\": [");
        List<Diagnostic> ds = report.diagnostics();
        Map<Diagnostic, Rendered> done = ahead.isEmpty() ? Map.of() : rendered();
        // A big report is a sequential tail of the run (25 MB for 3,700 files): what was not rendered
        // ahead is formatted in windows, each window's second half on the common pool while this
        // thread formats the first. Every finding's text depends only on the finding and its index,
        // so the output is the same as in one pass. The two halves' buffers are reused window after
        // window (a fresh pair per window was 28 MB of garbage at 3,700 files, enough to set off a
        // collection while the report is written).
        JsonBytes mine = null;
        JsonBytes theirs = null;
        for (int from = 0; from < ds.size();) {
            Rendered r = done.isEmpty() ? null : done.get(ds.get(from));
            if (r != null) {
                // a run of findings rendered one after another in one chunk is written in one go; the
                // first finding of the array is written without the comma its rendering starts with
                int start = from == 0 ? r.start() + 1 : r.start();
                int end = r.end();
                for (from++; from < ds.size(); from++) {
                    Rendered n = done.get(ds.get(from));
                    if (n == null || n.chunk() != r.chunk() || n.start() != end) {
                        break;
                    }
                    end = n.end();
                }
                emit(r.chunk(), start, end, out);
                continue;
            }
            int to = from + 1;
            while (to < ds.size() && to - from < WINDOW && !done.containsKey(ds.get(to))) {
                to++;
            }
            if (mine == null) {
                mine = new JsonBytes(WINDOW / 2 * 1400);
                theirs = new JsonBytes(WINDOW / 2 * 1400);
            }
            if (to - from < 256) {
                emit(format(ds, from, to, mine.clear()), out);
                from = to;
                continue;
            }
            int mid = (from + to) >>> 1;
            int last = to;
            JsonBytes other = theirs;
            Background<JsonBytes> second = Background.start(() -> format(ds, mid, last, other.clear()));
            emit(format(ds, from, mid, mine.clear()), out);
            emit(second.join(), out);
            from = to;
        }
        boolean first = ds.isEmpty();
        out.append(first ? "],\n" : "\n  ],\n");
        out.append("  \"summary\": {\"files\": ").append(String.valueOf(report.filesRead()))
                .append(", \"diagnostics\": ").append(String.valueOf(report.diagnostics().size()))
                .append(", \"errors\": ").append(String.valueOf(report.count(Severity.ERROR)))
                .append(", \"warnings\": ").append(String.valueOf(report.count(Severity.WARNING)))
                .append(", \"infos\": ").append(String.valueOf(report.count(Severity.INFO)))
                .append(", \"byRule\": {");
        boolean fr = true;
        for (Map.Entry<String, Integer> e : report.byRule().entrySet()) {
            out.append(fr ? "" : ", ");
            fr = false;
            out.append(Json.str(e.getKey())).append(": ").append(String.valueOf(e.getValue()));
        }
        out.append("}}\n}\n");
    }

    /** Formatted findings to {@code out}: as bytes when it is a UTF-8 byte sink, else as text. */
    private static void emit(JsonBytes json, Appendable out) throws IOException {
        emit(json.bytes(), 0, json.length(), out);
    }

    private static void emit(byte[] utf8, int from, int to, Appendable out) throws IOException {
        if (out instanceof Utf8Output bytes) {
            bytes.write(utf8, from, to - from);
        } else {
            out.append(new String(utf8, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    // The fixed parts of a finding as bytes, copied in one go (char by char they were an eighth of the report).
    // NEXT is FIRST after a comma (a finding rendered ahead is written without it when it comes first)
    private static final byte[] FIRST = JsonBytes.ascii("\n    ");
    private static final byte[] NEXT = JsonBytes.ascii(",\n    ");
    private static final byte[] RULE = JsonBytes.ascii("{\"rule\": ");
    private static final byte[] SEVERITY = JsonBytes.ascii(", \"severity\": ");
    private static final byte[] FILE = JsonBytes.ascii(", \"file\": ");
    private static final byte[] LINE = JsonBytes.ascii(", \"line\": ");
    private static final byte[] COLUMN = JsonBytes.ascii(", \"column\": ");
    private static final byte[] END_LINE = JsonBytes.ascii(", \"endLine\": ");
    private static final byte[] END_COLUMN = JsonBytes.ascii(", \"endColumn\": ");
    private static final byte[] MESSAGE = JsonBytes.ascii(", \"message\": ");
    private static final byte[] HELP = JsonBytes.ascii(", \"help\": ");
    private static final byte[] FIXES = JsonBytes.ascii(", \"fixes\": [");
    private static final byte[] TITLE = JsonBytes.ascii("{\"title\": ");
    private static final byte[] APPLICABILITY = JsonBytes.ascii(", \"applicability\": ");
    private static final byte[] EDITS = JsonBytes.ascii(", \"edits\": [");
    private static final byte[] EDIT_LINE = JsonBytes.ascii("{\"line\": ");
    private static final byte[] REPLACEMENT = JsonBytes.ascii(", \"replacement\": ");
    private static final byte[] COMMA = JsonBytes.ascii(", ");
    private static final byte[] CLOSE = JsonBytes.ascii("]}");
    /** Applicability names as the JSON writes them, by ordinal. */
    private static final String[] APPLICABILITIES = new String[Applicability.values().length];

    static {
        for (Applicability a : Applicability.values()) {
            APPLICABILITIES[a.ordinal()] = a.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Findings {@code from..to} as they appear in the array (the first one after "[", the rest after ","). */
    private static JsonBytes format(List<Diagnostic> ds, int from, int to, JsonBytes sb) {
        for (int i = from; i < to; i++) {
            finding(ds.get(i), sb.raw(i == 0 ? FIRST : NEXT));
        }
        return sb;
    }

    /** One finding's object. */
    private static void finding(Diagnostic d, JsonBytes sb) {
        sb.raw(RULE).str(d.rule())
                .raw(SEVERITY).str(d.severity().label())
                .raw(FILE).str(d.file().displayPath())
                .raw(LINE).num(d.line())
                .raw(COLUMN).num(d.column())
                .raw(END_LINE).num(d.endLine())
                .raw(END_COLUMN).num(d.endColumn())
                .raw(MESSAGE).str(d.message())
                .raw(HELP).str(d.help())
                .raw(FIXES);
        boolean ff = true;
        for (Fix f : d.fixes()) {
            if (!ff) {
                sb.raw(COMMA);
            }
            ff = false;
            sb.raw(TITLE).str(f.title())
                    .raw(APPLICABILITY).str(APPLICABILITIES[f.applicability().ordinal()])
                    .raw(EDITS);
            boolean fe = true;
            for (TextEdit e : f.edits()) {
                if (!fe) {
                    sb.raw(COMMA);
                }
                fe = false;
                var lines = d.file().lines();
                sb.raw(EDIT_LINE).num(lines.line(e.range().start()))
                        .raw(COLUMN).num(lines.column(e.range().start()))
                        .raw(END_LINE).num(lines.line(e.range().end()))
                        .raw(END_COLUMN).num(lines.column(e.range().end()))
                        .raw(REPLACEMENT).str(e.replacement()).raw('}');
            }
            sb.raw(CLOSE);
        }
        sb.raw(CLOSE);
    }
}
