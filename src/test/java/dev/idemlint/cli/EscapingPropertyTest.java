package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.fix.UnifiedDiff;
import dev.idemlint.plan.Plan;
import dev.idemlint.report.GithubReporter;
import dev.idemlint.report.GitlabReporter;
import dev.idemlint.report.JsonLinesReporter;
import dev.idemlint.report.JsonReporter;
import dev.idemlint.report.JunitReporter;
import dev.idemlint.report.PlanReporter;
import dev.idemlint.report.Report;
import dev.idemlint.report.Reporter;
import dev.idemlint.report.SarifReporter;
import dev.idemlint.report.TextReporter;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.FixLoop;
import dev.idemlint.rule.Related;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.Printable;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import dev.idemlint.source.WorkflowCommands;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Text from input built at random from newlines, CRs, {@code ::}, {@code ##[}, {@code ##vso[}, ESC and
 * ANSI sequences, C0/C1 controls, bidi controls, lone surrogates and white space the GitHub runner
 * trims, as a file name, a revision id, a message, help, a fix title, a related note, a database value:
 * through every format (full and concise text, with and without colour, --show-fixes, --diff headers,
 * github, gitlab, junit, json, json-lines, sarif, plan text and JSON) no output line starts a workflow
 * command, none holds a mid-line {@code ##word[} command, no raw control character is printed (but
 * the line breaks and colours the tool writes itself), and JSON formats keep the text as it was.
 * Seeded: {@code -Didemlint.escaping.seed=N} replays another sequence.
 */
class EscapingPropertyTest {
    private static final String[] PIECES = {"\n", "\r", "\r\n", "::", ":", "::error file=x.py,line=1::forged",
        "::add-mask::", "::stop-commands::tok", "##[", "##[error]", "##vso[task.setvariable variable=x]",
        "##VSO[", "##teamcity[", "#", "[", "]", "\u001b", "\u001b[31m", "\u001b]8;;x\u0007", "\u0000", "\u0007",
        "\u000b", "\f", "\u007f", "\u0085", "\u009b", "\u009d", "\ud800", "\udc00", "\udfff", "\ud83d\ude00",
        "\u202e", "\u2066", "\u200f", "\u061c", "\u2028", "\u2029", "\u00a0", "\u3000", "\u2003", " ", "  ", "\t",
        "%", "%0A", ",", "\"", "\\", "<", "&", "é", "x", "error", "a/b", "'", "`"};

    private static final long SEED = Long.getLong("idemlint.escaping.seed", 56L);
    private static final int ROUNDS = 300;
    /**
     * The real pages of the two rules reported (SARIF describes every rule of its catalog; with all of them
     * a round took ten times as long).
     */
    private static final RuleCatalog CATALOG = RuleCatalog.of(List.of(Engine.catalog().doc("add-column-not-idempotent"),
            Engine.catalog().doc("multiple-heads")));

    private static String hostile(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + rnd.nextInt(8); i > 0; i--) {
            sb.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static String render(Reporter r, Report report) {
        StringBuilder sb = new StringBuilder();
        try {
            r.write(report, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** The output with the tool's own SGR colour sequences taken out: an ESC left is one from input. */
    private static String uncoloured(String out) {
        return out.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void no_input_makes_any_format_print_a_command_or_a_control_character() {
        Random rnd = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            check("seed " + SEED + ", round " + round, () -> hostile(rnd));
        }
    }

    /**
     * Every format's output of findings and a plan whose every piece of input-derived text is the next of
     * {@code texts}, each checked by {@link WorkflowCommands}; the JSON formats are parsed and keep the text.
     */
    static void check(String what, Supplier<String> texts) {
        String name = texts.get();
        String id = texts.get();
        String text = "revision = \"" + id + "\"\ndown_revision = None\n# " + texts.get() + "\n" + texts.get() + "\n";
        SourceFile file = SourceFile.of(Path.of("/project/v/a.py"), "v/" + name + ".py", text);
        SourceFile other = SourceFile.of(Path.of("/project", "w.py"), texts.get(), "x = 1\n");
        int from = Math.floorMod(id.hashCode(), text.length());
        Span span = new Span(from, Math.min(text.length(), from + name.length()));
        String message = texts.get();
        String help = texts.get();
        List<Fix> fixes = List.of(Fix.of(texts.get(), Applicability.SAFE, List.of(TextEdit.insert(file.path(), 0, "#"))),
                Fix.of(texts.get(), Applicability.UNSAFE, List.of(TextEdit.insert(file.path(), 0, "#"))),
                Fix.displayOnly(texts.get(), texts.get()));
        List<Diagnostic> ds = List.of(
                new Diagnostic("add-column-not-idempotent", Severity.values()[Math.floorMod(message.hashCode(), 3)], file,
                        span, message, help, fixes, List.of(new Related(other, new Span(0, 1), texts.get()))),
                new Diagnostic("multiple-heads", Severity.WARNING, other, new Span(0, 1), texts.get(), null, List.of(),
                        List.of()));
        Report report = new Report(ds, 2, CATALOG, "0.0.0-test");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("full", render(new TextReporter(false, true), report));
        outputs.put("full colour", uncoloured(render(new TextReporter(true, true), report)));
        outputs.put("concise --show-fixes", uncoloured(render(new TextReporter(true, true, TextReporter.Layout.CONCISE,
                true, true), report)));
        outputs.put("statistics", render(new TextReporter(false, true, TextReporter.Layout.STATISTICS, false, false),
                report));
        outputs.put("github", render(new GithubReporter(), report));
        outputs.put("gitlab", render(new GitlabReporter(), report));
        outputs.put("junit", render(new JunitReporter(), report));
        outputs.put("json", render(new JsonReporter(), report));
        outputs.put("json-lines", render(new JsonLinesReporter(), report));
        outputs.put("sarif", render(new SarifReporter(Path.of("/project")), report));
        String revision = texts.get();
        Plan plan = new Plan(texts.get(), texts.get(), List.of(texts.get(), revision),
                List.of(new Plan.Entry(revision, name, 3, Plan.Status.FAILS, texts.get(), texts.get(), texts.get(),
                        List.of()), new Plan.Entry(texts.get(), null, 0, Plan.Status.UNKNOWN, null, texts.get(),
                        null, List.of())), List.of(texts.get(), texts.get()), texts.get(), texts.get(), texts.get());
        outputs.put("plan", PlanReporter.text(plan));
        outputs.put("plan json", PlanReporter.json(plan));
        String to = texts.get();
        outputs.put("--diff headers", headers(UnifiedDiff.of(name, "a\n", "b\n"))
                + headers(UnifiedDiff.created(name, "a\n")) + headers(UnifiedDiff.renamed(name, to, "a\n", "b\n"))
                + headers(UnifiedDiff.renamed(name, to, "a\n", "a\n")));
        outputs.put("--show-fixes", FixOutput.fixedList(List.of(new FixLoop.FixedFile(null, name, "", 0,
                Path.of("/project/x.py"), name), new FixLoop.FixedFile(null, "  " + id, "", 0, Path.of("/project/y.py"),
                id))));
        for (Map.Entry<String, String> o : outputs.entrySet()) {
            WorkflowCommands.assertInert(o.getKey() + " (" + what + ")", o.getValue(), o.getKey().equals("github"));
        }
        // JSON formats escape, they do not alter: a decoder reads the message back
        for (String json : List.of("json", "gitlab", "sarif", "plan json")) {
            String want = json.equals("plan json") ? revision : message;
            assertTrue(strings(JsonParser.parseString(outputs.get(json))).contains(want),
                    () -> json + " keeps " + Printable.line(want) + " (" + what + ")\n" + outputs.get(json));
        }
        for (String line : outputs.get("json-lines").split("\n")) {
            JsonParser.parseString(line);
        }
    }

    /** A unified diff's header lines: the hunks are the file's own text. */
    private static String headers(String diff) {
        int hunk = diff.indexOf("\n@@");
        return hunk < 0 ? diff : diff.substring(0, hunk + 1);
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            out.add(e.getAsString());
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> out.addAll(strings(x)));
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(x -> out.addAll(strings(x.getValue())));
        }
        return out;
    }

    @Test
    void printable_escapes_what_starts_a_command_and_nothing_else() {
        assertEquals("\\x3a:error::x", Printable.line("::error::x"));
        assertEquals(" \u00a0\t\\x3a:add-mask::x", Printable.line(" \u00a0\t::add-mask::x"));
        assertEquals("a\n  \\x3a:stop-commands::t\n\\x3a", Printable.lines("a\n  ::stop-commands::t\n:"));
        // an escaped line break does not end the line: what follows it is mid-line
        assertEquals("a\\n::x", Printable.line("a\n::x"));
        assertEquals("#\\x23[error]x #\\x23vso[task.complete]y #\\x23teamcity[z] ##\\x23[w]",
                Printable.line("##[error]x ##vso[task.complete]y ##teamcity[z] ###[w]"));
        // what cannot start a command stays as it is: SQL casts, :param, a # comment, a lone ':' inside
        for (String plain : List.of("'x'::text", "a :: b", ":param x", "# ##", "## [x]", "##x y[", "a:")) {
            assertTrue(plain == Printable.line(plain), plain);
        }
        // a caret under a frame line stays under the span when a command marker or colon is escaped
        assertEquals(Printable.line("##[x").length(), Printable.width("##[x", 0, 4));
        assertEquals("#\\x23".length(), Printable.width("##[x", 0, 2));
        assertEquals(1, Printable.width(":x", 0, 1));
        assertEquals("\\x3a".length(), Printable.width("::", 0, 1));
    }

    @Test
    void diff_headers_quote_names_as_git_does() {
        String diff = UnifiedDiff.of("v/a\nb\u001b\"\\\t\u202e##[c]é.py", "x\n", "y\n");
        assertTrue(diff.startsWith("--- \"a/v/a\\nb\\033\\\"\\\\\\t\\342\\200\\256#\\043[c]é.py\"\n"
                + "+++ \"b/v/a\\nb\\033\\\"\\\\\\t\\342\\200\\256#\\043[c]é.py\"\n@@"), diff);
        assertEquals("a/v/a\nb\u001b\"\\\t\u202e##[c]é.py", unquote(diff.substring(4, diff.indexOf('\n'))));
        assertTrue(UnifiedDiff.of("v/plain é.py", "x\n", "y\n").startsWith("--- a/v/plain é.py\n+++ b/v/plain é.py\n"));
    }

    /** git's unquote_c_style: what {@code git apply} reads from a quoted name. */
    private static String unquote(String quoted) {
        assertTrue(quoted.startsWith("\"") && quoted.endsWith("\""), quoted);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = quoted.substring(1, quoted.length() - 1).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '\\') {
                out.write(b[i]);
                continue;
            }
            byte c = b[++i];
            switch (c) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case '"', '\\' -> out.write(c);
                default -> {
                    out.write((c - '0') * 64 + (b[i + 1] - '0') * 8 + (b[i + 2] - '0'));
                    i += 2;
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
