package dev.idemlint.report;

import dev.idemlint.rule.Diagnostic;
import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;

/**
 * GitLab Code Quality report (a subset of the Code Climate format): a JSON array of
 * {@code {description, check_name, fingerprint, severity, location: {path, lines: {begin, end}}}}.
 * GitLab compares fingerprints between the source and target branch to tell new findings from
 * old ones, so they come from {@link Fingerprint} and survive line moves.
 */
public final class GitlabReporter implements Reporter {
    @Override
    public void write(Report report, Appendable out) throws IOException {
        List<Diagnostic> diags = report.diagnostics();
        List<String> fingerprints = Fingerprint.of(diags);
        // each issue made as it is written, the text handed over in pieces (see Json.write)
        List<Object> issues = new Json.Lazy(diags.size(), new IntFunction<>() {
            @Override
            public Object apply(int i) {
                Diagnostic d = diags.get(i);
                return Json.obj()
                    .with("type", "issue")
                    .with("description", d.message())
                    .with("check_name", d.rule())
                    .with("fingerprint", fingerprints.get(i))
                    .with("severity", severity(d))
                    .with("location", Json.obj()
                            .with("path", d.file().displayPath())
                            .with("lines", Json.obj().with("begin", d.line()).with("end", d.endLine())));
            }
        });
        Json.write(issues, out);
    }

    private static String severity(Diagnostic d) {
        return switch (d.severity()) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case INFO -> "info";
        };
    }
}
