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
    /**
     * Rendered ahead at most: a big project's whole report is not kept in memory beside its findings
     * (3,700 files make 25 MB; at 20,000 files a 64 MB budget added 61 MB to the peak and no speed).
     */
    private static final long AHEAD_BUDGET = 32L << 20;

    /** Bytes rendered ahead at most; beyond them findings are formatted as the report is written. */
    private final long budget;

    /** Findings handed over by the lint, rendered ahead by its waiting threads. */
    private final List<Ahead> ahead = new ArrayList<>();
    private final AtomicLong aheadBytes = new AtomicLong();

    public JsonReporter() {
        this(AHEAD_BUDGET);
    }

    /** With a smaller budget for rendering ahead (tests: the findings past it are formatted in windows). */
    JsonReporter(long budget) {
        this.budget = budget;
    }

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
     * another one ({@code ,\n    {"rule": ...}}), {@code ends[c]} where each ends. The first step
     * indexes the findings by identity, for the report to find them in its own list.
     */
    private final class Ahead implements Spare {
        private final List<Diagnostic> ds;
        private final byte[][] chunks;
        private final int[][] ends;
        private final AtomicInteger next = new AtomicInteger();
        private Map<Diagnostic, Integer> index;

        Ahead(List<Diagnostic> ds) {
            this.ds = ds;
            int n = (ds.size() + CHUNK - 1) / CHUNK;
            chunks = new byte[n][];
            ends = new int[n][];
        }

        @Override
        public boolean step() {
            int c = next.getAndIncrement() - 1;
            if (c < 0) {
                index();
                return true;
            }
            if (c >= chunks.length || aheadBytes.get() > budget) {
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

        /** Each finding's index in the list handed over, by identity (built by the first step, or here). */
        Map<Diagnostic, Integer> index() {
            if (index == null) {
                Map<Diagnostic, Integer> m = new IdentityHashMap<>(ds.size() * 4 / 3 + 1);
                for (int i = 0; i < ds.size(); i++) {
                    m.put(ds.get(i), i);
                }
                index = m;
            }
            return index;
        }

        /** Whether the finding at {@code p} of the list handed over was rendered. */
        boolean rendered(int p) {
            return chunks[p / CHUNK] != null;
        }

        /** Where the rendering of the finding at {@code p} starts in its chunk (with its comma). */
        int start(int p) {
            return p % CHUNK == 0 ? 0 : ends[p / CHUNK][p % CHUNK - 1];
        }

        int end(int p) {
            return ends[p / CHUNK][p % CHUNK];
        }
    }

    // Finding the report's findings among those handed over: usually the next one of the list being
    // walked (the report has them in the same order, with the project rules' findings between them),
    // else by identity in the lists' indexes (findings left out by --ignore or a baseline, several trees).
    private Ahead atList;
    private int atIndex;

    /** Whether {@code d} was handed over; if so {@link #atList} and {@link #atIndex} say where. */
    private boolean locate(Diagnostic d) {
        if (atList != null && atIndex < atList.ds.size() && atList.ds.get(atIndex) == d) {
            return true;
        }
        for (Ahead a : ahead) {
            Integer at = a.index().get(d);
            if (at != null) {
                atList = a;
                atIndex = at;
                return true;
            }
        }
        return false;
    }

    /** Whether {@code d} was rendered ahead (then {@link #atIndex} is where). */
    private boolean renderedAhead(Diagnostic d) {
        return locate(d) && atList.rendered(atIndex);
    }

    /**
     * Writes the rendered findings from {@code from} on, as long as they follow each other in the
     * list handed over (a chunk's run in one write); returns the index after the last one written.
     */
    private int copyRendered(List<Diagnostic> ds, int from, Appendable out) throws IOException {
        Ahead a = atList;
        int p = atIndex;
        int i = from;
        while (true) {
            int n = matching(ds, i, a, p);
            i += n;
            p += n;
            if (n == 0 || p == a.ds.size()) {
                break;
            }
        }
        // the first finding of the array is written without the comma its rendering starts with
        int begin = a.start(atIndex) + (from == 0 ? 1 : 0);
        for (int q = atIndex; q < p;) {
            int chunkEnd = Math.min(p, (q / CHUNK + 1) * CHUNK);
            emit(a.chunks[q / CHUNK], begin, a.end(chunkEnd - 1), out);
            q = chunkEnd;
            begin = 0;
        }
        atIndex = p;
        return i;
    }

    /**
     * How many findings from {@code ds[i]} on are those of {@code a} from {@code p} on, up to the end
     * of {@code p}'s chunk (when it was rendered). A method per chunk, so that C1 compiles it early:
     * the report calls it once per chunk, hundreds of times, but runs the loop that calls it once.
     */
    private static int matching(List<Diagnostic> ds, int i, Ahead a, int p) {
        if (!a.rendered(p)) {
            return 0;
        }
        int end = Math.min(a.ds.size(), (p / CHUNK + 1) * CHUNK);
        int n = 0;
        while (p + n < end && i + n < ds.size() && ds.get(i + n) == a.ds.get(p + n)) {
            n++;
        }
        return n;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append("{\n  \"diagnostics\": [");
        List<Diagnostic> ds = report.diagnostics();
        atList = ahead.isEmpty() ? null : ahead.get(0);
        atIndex = 0;
        // what the lint left of the handed-over findings is rendered now, on both threads, chunk by chunk
        Background.drain(() -> {
            for (Ahead a : ahead) {
                if (a.step()) {
                    return true;
                }
            }
            return false;
        });
        // A big report is a sequential tail of the run (25 MB for 3,700 files): what was not rendered
        // ahead is formatted in windows, each window's second half on the common pool while this
        // thread formats the first. Every finding's text depends only on the finding and its index,
        // so the output is the same as in one pass. The two halves' buffers are reused window after
        // window (a fresh pair per window was 28 MB of garbage at 3,700 files, enough to set off a
        // collection while the report is written).
        JsonBytes mine = null;
        JsonBytes theirs = null;
        for (int from = 0; from < ds.size();) {
            if (!ahead.isEmpty() && renderedAhead(ds.get(from))) {
                from = copyRendered(ds, from, out);
                continue;
            }
            int to = from + 1;
            if (!ahead.isEmpty()) {
                if (locate(ds.get(from))) {
                    atIndex++; // handed over, not rendered: formatted here, the walk goes on after it
                }
                while (to < ds.size() && to - from < WINDOW && !renderedAhead(ds.get(to))) {
                    if (locate(ds.get(to))) {
                        atIndex++;
                    }
                    to++;
                }
            } else {
                to = Math.min(ds.size(), from + WINDOW);
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
        Report.Tally tally = report.tally();
        out.append("  \"summary\": {\"files\": ").append(String.valueOf(report.filesRead()))
                .append(", \"diagnostics\": ").append(String.valueOf(report.diagnostics().size()))
                .append(", \"errors\": ").append(String.valueOf(tally.count(Severity.ERROR)))
                .append(", \"warnings\": ").append(String.valueOf(tally.count(Severity.WARNING)))
                .append(", \"infos\": ").append(String.valueOf(tally.count(Severity.INFO)))
                .append(", \"byRule\": {");
        boolean fr = true;
        for (Map.Entry<String, Integer> e : tally.byRule().entrySet()) {
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
