package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReporterTest {
    static String render(List<Diagnostic> diags) {
        return ReportFixtures.render(new GithubReporter(), ReportFixtures.report(diags));
    }

    @Test
    void writes_one_workflow_command_per_finding_by_severity() {
        String[] lines = render(ReportFixtures.diagnostics()).split("\n");
        assertEquals(4, lines.length);
        assertEquals("::error file=migrations/versions/020_add notes.py,line=14,col=5,endLine=14,endColumn=67,"
                + "title=add-column-not-idempotent::Column players.custom_notes is added without a guard; a second "
                + "run fails with DuplicateColumn.%0Ahelp: guard it", lines[0]);
        assertEquals("::error file=migrations/versions/020_add notes.py,line=15,col=40,endLine=15,endColumn=60,"
                + "title=add-column-not-idempotent::Column \"équipe😀\".note is added without IF NOT EXISTS; a second "
                + "run fails with DuplicateColumn.", lines[1]);
        assertTrue(lines[2].startsWith("::warning file=migrations/versions/021_ratings.py,line=6,"), lines[2]);
        assertTrue(lines[3].startsWith("::notice "), lines[3]);
    }

    @Test
    void escapes_percent_and_line_breaks_in_messages() {
        String notice = render(ReportFixtures.diagnostics()).split("\n")[3];
        assertEquals("::notice file=migrations/versions/021_ratings.py,line=1,col=4,endLine=1,endColumn=15,"
                + "title=revision-message-missing::Message: 50%25 done, see a,b:c%0D%0Anext line.%0Ahelp: guard it",
                notice);
    }

    @Test
    void escapes_colons_and_commas_in_properties() {
        SourceFile f = ReportFixtures.file("odd,name:1.py", "op.drop_table('t')\n");
        Diagnostic d = new Diagnostic("drop-not-idempotent", Severity.ERROR, f, ReportFixtures.span(f, "op.drop_table"),
                "100% sure", null, List.of(), List.of());
        assertEquals("::error file=odd%2Cname%3A1.py,line=1,col=1,endLine=1,endColumn=14,"
                + "title=drop-not-idempotent::100%25 sure\n", render(List.of(d)));
        assertEquals("a%25b%0D%0Ac%3Ad%2Ce", GithubReporter.property("a%b\r\nc:d,e"));
    }

    @Test
    void writes_nothing_when_clean() {
        assertEquals("", render(List.of()));
    }
}
