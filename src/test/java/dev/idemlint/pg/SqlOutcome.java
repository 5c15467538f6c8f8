package dev.idemlint.pg;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one psql script did: success, or the first error's SQLSTATE and message; notices either way. */
public record SqlOutcome(boolean ok, String sqlstate, String message, List<String> notices, String stderr) {

    private static final Pattern ERROR = Pattern.compile("(?m)ERROR:\\s+([0-9A-Z]{5}):\\s+(.*)$");
    private static final Pattern NOTICE = Pattern.compile("(?m)NOTICE:\\s+([0-9A-Z]{5}:\\s+.*)$");

    static SqlOutcome of(ProcessRunner.Result result) {
        List<String> notices = new ArrayList<>();
        Matcher n = NOTICE.matcher(result.stderr());
        while (n.find()) {
            notices.add(n.group(1).strip());
        }
        Matcher e = ERROR.matcher(result.stderr());
        if (e.find()) {
            return new SqlOutcome(false, e.group(1), e.group(2).strip(), notices, result.stderr());
        }
        if (!result.succeeded()) {
            // psql itself failed (connection, usage): no SQLSTATE to report
            return new SqlOutcome(false, null, result.describe(), notices, result.stderr());
        }
        return new SqlOutcome(true, null, null, notices, result.stderr());
    }

    @Override
    public String toString() {
        return ok ? "ok" + (notices.isEmpty() ? "" : " " + notices) : "ERROR " + sqlstate + ": " + message;
    }
}
