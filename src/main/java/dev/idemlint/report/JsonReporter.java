package dev.idemlint.report;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.Background;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON contract other tools rely on:
 * {@code {"diagnostics":[{"rule","severity","file","line","column","endLine","endColumn","message","help","fixes"}],"summary":{...}}},
 * 1-based lines and columns.
 */
public final class JsonReporter implements Reporter {
    /** Findings formatted per step: two halves on two threads, then written in order; bounds memory. */
    private static final int WINDOW = 1024;

    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append("{\n  \"diagnostics\": [");
        List<Diagnostic> ds = report.diagnostics();
        // A big report is a sequential tail of the run (25 MB for 3,700 files): each window's second
        // half is formatted on the common pool while this thread formats the first. Every finding's
        // text depends only on the finding and its index, so the output is the same as in one pass.
        // The two halves' buffers are reused window after window (a fresh pair per window was 28 MB of
        // garbage at 3,700 files, enough to set off a collection while the report is written).
        JsonBytes mine = new JsonBytes(WINDOW / 2 * 1400);
        JsonBytes theirs = new JsonBytes(WINDOW / 2 * 1400);
        for (int from = 0; from < ds.size(); from += WINDOW) {
            int to = Math.min(ds.size(), from + WINDOW);
            if (to - from < 256) {
                emit(format(ds, from, to, mine.clear()), out);
                continue;
            }
            int mid = (from + to) >>> 1;
            Background<JsonBytes> second = Background.start(() -> format(ds, mid, to, theirs.clear()));
            emit(format(ds, from, mid, mine.clear()), out);
            emit(second.join(), out);
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
        if (out instanceof Utf8Output bytes) {
            bytes.write(json.bytes(), 0, json.length());
        } else {
            out.append(json.toString());
        }
    }

    // The fixed parts of a finding as bytes, copied in one go (char by char they were an eighth of the report).
    private static final byte[] FIRST = JsonBytes.ascii("\n    {\"rule\": ");
    private static final byte[] NEXT = JsonBytes.ascii(",\n    {\"rule\": ");
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
            Diagnostic d = ds.get(i);
            sb.raw(i == 0 ? FIRST : NEXT).str(d.rule())
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
        return sb;
    }
}
