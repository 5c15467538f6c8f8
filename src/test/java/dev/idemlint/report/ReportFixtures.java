package dev.idemlint.report;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Related;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.RuleDoc;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small hand-made lint result: two revision files under a fake project root, findings with
 * related locations and fixes of every applicability, and a catalog of three test rule pages
 * (src/test/resources/report/rules) so snapshots do not move when the real docs change.
 */
final class ReportFixtures {
    static final Path ROOT_DIR = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));
    static final Path RESOURCES = ROOT_DIR.resolve("src/test/resources/report");
    static final Path PROJECT = Path.of("/project");
    static final String VERSION = "0.0.0-test";

    static final String ADD_NOTES = """
            \"""add custom_notes

            Revision ID: 020
            Revises: 019
            \"""
            import sqlalchemy as sa
            from alembic import op

            revision = "020"
            down_revision = "019"


            def upgrade():
                op.add_column("players", sa.Column("custom_notes", sa.Text()))
                op.execute('ALTER TABLE "équipe😀"\tADD COLUMN note text')
            """;

    static final String SIBLING = """
            \"""add ratings

            Revision ID: 021
            Revises: 019
            \"""
            revision = "021"
            down_revision = "019"
            """;

    private ReportFixtures() {
    }

    static SourceFile file(String relative, String text) {
        return SourceFile.of(PROJECT.resolve(relative), relative, text);
    }

    static Span span(SourceFile f, String needle) {
        int at = f.text().indexOf(needle);
        if (at < 0) {
            throw new IllegalArgumentException(needle + " not in " + f.displayPath());
        }
        return new Span(at, at + needle.length());
    }

    static Diagnostic diag(String rule, Severity sev, SourceFile f, String needle, String message, List<Fix> fixes,
            List<Related> related) {
        return new Diagnostic(rule, sev, f, span(f, needle), message, "guard it", fixes, related);
    }

    /** The findings of the fixture tree, in report order. */
    static List<Diagnostic> diagnostics() {
        SourceFile notes = file("migrations/versions/020_add notes.py", ADD_NOTES);
        SourceFile sibling = file("migrations/versions/021_ratings.py", SIBLING);
        String call = "op.add_column(\"players\", sa.Column(\"custom_notes\", sa.Text()))";
        Span callSpan = span(notes, call);
        int lineStart = callSpan.start() - 4;
        Fix kwarg = Fix.of("Add `if_not_exists=True`", Applicability.SAFE,
                List.of(TextEdit.insert(notes.path(), callSpan.end() - 1, ", if_not_exists=True")));
        Fix guard = Fix.of("Wrap in an inspector guard", Applicability.UNSAFE, List.of(
                TextEdit.insert(notes.path(), lineStart,
                        "    if \"custom_notes\" not in [c[\"name\"] for c in sa.inspect(op.get_bind()).get_columns(\"players\")]:\n"),
                TextEdit.insert(notes.path(), lineStart, "    ")));
        Fix suggestion = Fix.displayOnly("Guard the column", "if not has_column(...):");
        Span addColumn = span(notes, "ADD COLUMN note text");
        Fix sqlFix = Fix.of("Insert `IF NOT EXISTS`", Applicability.SAFE,
                List.of(TextEdit.insert(notes.path(), addColumn.start() + "ADD COLUMN ".length(), "IF NOT EXISTS ")));
        return List.of(
                diag("add-column-not-idempotent", Severity.ERROR, notes, call,
                        "Column players.custom_notes is added without a guard; a second run fails with DuplicateColumn.",
                        List.of(kwarg, guard, suggestion), List.of()),
                new Diagnostic("add-column-not-idempotent", Severity.ERROR, notes, addColumn,
                        "Column \"équipe😀\".note is added without IF NOT EXISTS; a second run fails with DuplicateColumn.",
                        null, List.of(sqlFix), List.of()),
                diag("multiple-heads", Severity.WARNING, sibling, "revision = \"021\"",
                        "Revisions 020 and 021 are both heads; `alembic upgrade head` refuses to run.", List.of(),
                        List.of(new Related(notes, span(notes, "revision = \"020\""), "other head 020 here"))),
                diag("revision-message-missing", Severity.INFO, sibling, "add ratings",
                        "Message: 50% done, see a,b:c\r\nnext line.", List.of(), List.of()));
    }

    static Report report(List<Diagnostic> diags) {
        return new Report(diags, 2, catalog(), VERSION);
    }

    /**
     * The test rule pages as a catalog. RuleCatalog only loads from the jar's bundled pages, so the
     * test builds one with RuleCatalog.of rather than shipping fake pages on the
     * classpath where the real ones live.
     */
    static RuleCatalog catalog() {
        Map<String, RuleDoc> docs = new TreeMap<>();
        try (Stream<Path> pages = Files.list(RESOURCES.resolve("rules"))) {
            for (Path p : pages.filter(f -> f.toString().endsWith(".md")).toList()) {
                RuleDoc d = RuleCatalog.parse(Files.readString(p, StandardCharsets.UTF_8));
                docs.put(d.name(), d);
            }
            return RuleCatalog.of(docs.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(Reporter reporter, Report report) {
        StringBuilder sb = new StringBuilder();
        try {
            reporter.write(report, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
