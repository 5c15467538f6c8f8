package dev.idemlint.pg;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What applying a revision chain to a fresh database did: per revision, the first run and the re-run
 * after stamping back to its parents. {@code json} is rerun.py's report, kept for failure messages.
 */
public record ChainOutcome(String alembicVersion, String sqlalchemyVersion, String serverVersion, String database,
                           Outcome load, List<String> warnings, Outcome headRun,
                           List<RevisionOutcome> revisions, String json) {

    /** One Alembic command's result: ok, or the SQLSTATE (for database errors) and exception class. */
    public record Outcome(boolean ok, String sqlstate, String errorClass, String message,
                          List<String> statements, List<String> warnings) {

        boolean emitted(String sqlPrefix) {
            return statements.stream().anyMatch(st -> st.startsWith(sqlPrefix));
        }

        @Override
        public String toString() {
            return ok ? "ok" : (sqlstate == null ? "" : sqlstate + " ") + errorClass + ": " + message;
        }
    }

    /** One revision's two runs; {@code rerun} is null when the first run failed. */
    public record RevisionOutcome(String revision, String file, List<String> parents, boolean afterFailure,
                                  Outcome first, Outcome rerun) {
        @Override
        public String toString() {
            return revision + " (" + file + "): first " + first + ", rerun " + (rerun == null ? "-" : rerun)
                    + (afterFailure ? " [after an ancestor failed]" : "");
        }
    }

    public RevisionOutcome revision(String id) {
        return find(id).orElseThrow(() -> new AssertionError("no revision " + id + " in\n" + describe()));
    }

    public Optional<RevisionOutcome> find(String id) {
        return revisions.stream().filter(r -> r.revision().equals(id)).findFirst();
    }

    /** Readable summary for assertion messages. */
    public String describe() {
        String head = "alembic " + alembicVersion + ", sqlalchemy " + sqlalchemyVersion + ", server " + serverVersion
                + "\nload: " + load + (warnings.isEmpty() ? "" : "\nwarnings: " + warnings)
                + (headRun == null ? "" : "\nupgrade heads: " + headRun + " " + headRun.statements());
        return head + revisions.stream().map(r -> "\n  " + r).collect(Collectors.joining());
    }

    @SuppressWarnings("unchecked")
    public static ChainOutcome fromJson(String json) {
        Map<String, Object> m = (Map<String, Object>) dev.idemlint.report.Json.parse(json);
        List<RevisionOutcome> revs = ((List<Object>) m.get("revisions")).stream().map(o -> {
            Map<String, Object> r = (Map<String, Object>) o;
            return new RevisionOutcome((String) r.get("revision"), (String) r.get("file"),
                    strings(r.get("parents")), Boolean.TRUE.equals(r.get("after_failure")),
                    outcome(r.get("first")), outcome(r.get("rerun")));
        }).toList();
        return new ChainOutcome((String) m.get("alembic"), (String) m.get("sqlalchemy"), (String) m.get("server"),
                (String) m.get("database"),
                outcome(m.get("load")), strings(m.get("warnings")), outcome(m.get("head_run")), revs, json);
    }

    @SuppressWarnings("unchecked")
    private static Outcome outcome(Object o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) o;
        return new Outcome(Boolean.TRUE.equals(m.get("ok")), (String) m.get("sqlstate"),
                (String) m.get("error_class"), (String) m.get("message"),
                strings(m.get("statements")), strings(m.get("warnings")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return o == null ? List.of() : ((List<Object>) o).stream().map(String::valueOf).toList();
    }
}
