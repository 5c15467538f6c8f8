package dev.idemlint.report;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.Background;
import dev.idemlint.source.Spare;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The JSON contract other tools rely on:
 * {@code {"diagnostics":[{"rule","severity","file","line","column","endLine","endColumn","message","help","fixes"}],"summary":{...}}},
 * 1-based lines and columns.
 */
public final class JsonReporter implements Reporter {
    /** Findings formatted per step: two halves on two threads, then written in order; bounds memory. */
    private static final int WINDOW = 1024;
    /**
     * Rendered ahead at most: a big project's whole report is not kept in memory beside its findings
     * (3,700 files make 25 MB; at 20,000 files a 64 MB budget added 61 MB to the peak and no speed).
     */
    static final long AHEAD_BUDGET = 32L << 20;

    /** Findings handed over by the lint, each rendered as it follows another ({@code ,\n    {...}}). */
    private final RenderedAhead ahead;

    public JsonReporter() {
        this(AHEAD_BUDGET);
    }

    /** With a smaller budget for rendering ahead (tests: the findings past it are formatted in windows). */
    JsonReporter(long budget) {
        this.ahead = new RenderedAhead(new RenderedAhead.Renderer() {
            @Override
            public void render(Diagnostic d, JsonBytes sb) {
                finding(d, sb.raw(NEXT));
            }
        }, budget);
    }

    /**
     * Spare work for the lint (see {@link dev.idemlint.rule.Linter#lint}): renders the files' findings
     * {@code ds} ahead, a chunk per step, so that writing the report mostly copies bytes. The lint runs
     * its steps while its threads would wait for each other in the project phase, and waits for the
     * steps it started before it returns; {@link #write} renders whatever is left.
     */
    public Spare ahead(List<Diagnostic> ds) {
        return ahead.add(ds);
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append("{\n  \"diagnostics\": [");
        List<Diagnostic> ds = report.diagnostics();
        // what the lint left of the handed-over findings is rendered now, on both threads, chunk by chunk
        ahead.finish();
        // A big report is a sequential tail of the run (25 MB for 3,700 files): what was not rendered
        // ahead is formatted in windows, each window's second half on the common pool while this
        // thread formats the first. Every finding's text depends only on the finding and its index,
        // so the output is the same as in one pass. The two halves' buffers are reused window after
        // window (a fresh pair per window was 28 MB of garbage at 3,700 files, enough to set off a
        // collection while the report is written).
        JsonBytes mine = null;
        JsonBytes theirs = null;
        for (int from = 0; from < ds.size();) {
            if (ahead.renderedAhead(ds.get(from))) {
                // the first finding of the array is written without the comma its rendering starts with
                from = ahead.copy(ds, from, from == 0 ? 1 : 0, out);
                continue;
            }
            int to = from + 1;
            while (to < ds.size() && to - from < WINDOW && !ahead.renderedAhead(ds.get(to))) {
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
            Background<JsonBytes> second = Background.start(new Callable<JsonBytes>() {
                @Override
                public JsonBytes call() {
                    return format(ds, mid, last, other.clear());
                }
            });
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
        out.append("}");
        if (report.dialects() != null) {
            out.append(", \"dialects\": [");
            for (int i = 0; i < report.dialects().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(Json.str(report.dialects().get(i)));
            }
            out.append("]");
        }
        if (report.dialectSources() != null && !report.dialectSources().isEmpty()) {
            out.append(", \"dialectSources\": [");
            for (int i = 0; i < report.dialectSources().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(Json.str(report.dialectSources().get(i)));
            }
            out.append("]");
        }
        out.append("}\n}\n");
    }

    /** Formatted findings to {@code out}: as bytes when it is a UTF-8 byte sink, else as text. */
    private static void emit(JsonBytes json, Appendable out) throws IOException {
        RenderedAhead.emit(json.bytes(), 0, json.length(), out);
    }

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
            APPLICABILITIES[a.ordinal()] = a.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Findings {@code from..to} as they appear in the array (the first one after "[", the rest after ","). */
    private static JsonBytes format(List<Diagnostic> ds, int from, int to, JsonBytes sb) {
        for (int i = from; i < to; i++) {
            finding(ds.get(i), sb.raw(i == 0 ? FIRST : NEXT));
        }
        return sb;
    }

    /** One finding's object (also a line of {@link JsonLinesReporter}). */
    static void finding(Diagnostic d, JsonBytes sb) {
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
        for (int i = 0; i < d.fixes().size(); i++) {
            Fix f = d.fixes().get(i);
            if (i > 0) {
                sb.raw(COMMA);
            }
            sb.raw(TITLE).str(f.title())
                    .raw(APPLICABILITY).str(APPLICABILITIES[f.applicability().ordinal()])
                    .raw(EDITS);
            for (int j = 0; j < f.edits().size(); j++) {
                TextEdit e = f.edits().get(j);
                if (j > 0) {
                    sb.raw(COMMA);
                }
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
