package dev.idemlint.report;

import dev.idemlint.rule.Diagnostic;
import dev.idemlint.source.Printable;
import java.io.IOException;

/**
 * GitHub Actions workflow commands, one line per finding, which the runner turns into inline
 * annotations on the pull request:
 * {@code ::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE}. Warnings become
 * {@code ::warning}, infos {@code ::notice}. Paths are the display paths, so run from the repository
 * root.
 */
public final class GithubReporter implements Reporter {
    @Override
    public void write(Report report, Appendable out) throws IOException {
        for (Diagnostic d : report.diagnostics()) {
            String command = switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            String message = d.message();
            if (d.help() != null && !d.help().isBlank()) {
                message += "\nhelp: " + d.help();
            }
            out.append("::").append(command)
                    .append(" file=").append(property(d.file().displayPath()))
                    .append(",line=").append(String.valueOf(d.line()))
                    .append(",col=").append(String.valueOf(d.column()))
                    .append(",endLine=").append(String.valueOf(d.endLine()))
                    .append(",endColumn=").append(String.valueOf(d.endColumn()))
                    .append(",title=").append(property(d.rule()))
                    .append("::").append(data(message)).append('\n');
        }
    }

    /**
     * Escapes a command's message as the runner expects (it decodes these before display); the other
     * control and bidi characters from input are then written as escapes ({@link Printable}): the
     * runner echoes the line into the job log as it is, where an ESC recolours or hides the log.
     */
    static String data(String s) {
        return Printable.line(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    /** Escapes a property value: as {@link #data} plus the separators {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
