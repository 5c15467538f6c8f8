package dev.idemlint.report;

import dev.idemlint.plan.Plan;
import dev.idemlint.plan.Plan.Entry;
import dev.idemlint.plan.Plan.Status;
import dev.idemlint.source.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code idemlint plan} output. Text for people; JSON as a contract for deploy gates:
 * {@code {"database": {"url", "server_version", "current"}, "command", "command_from", "pending": [{"revision", "file",
 * "line", "status", "sqlstate", "message", "help"}], "notes": [...], "summary": {"pending", "fails",
 * "unknown"}}}, pending in the order Alembic applies them (on MySQL and MariaDB, {@code database} also
 * names the {@code server}, {@code sqlstate} holds the error number and a failing revision lists the
 * {@code applied_lines} that stay applied); when plan cannot run at all,
 * {@code {"error": {"kind", "message"}}}.
 */
public final class PlanReporter {
    private PlanReporter() {
    }

    public static String json(Plan p) {
        Json.Obj db = Json.obj().with("url", p.url()).with("server_version", p.serverVersion());
        db.put("current", p.current());
        if (!"PostgreSQL".equals(p.server())) {
            db.put("server", p.server());
        }
        List<Object> pending = new ArrayList<>();
        for (Entry e : p.pending()) {
            Json.Obj o = Json.obj().with("revision", e.revision());
            o.put("file", e.file());
            o.put("line", e.line());
            o.put("status", e.status().word());
            o.put("sqlstate", e.sqlstate());
            o.put("message", e.message());
            o.put("help", e.help());
            if (!e.applied().isEmpty()) {
                o.put("applied_lines", new ArrayList<Object>(e.applied()));
            }
            pending.add(o);
        }
        Json.Obj summary = Json.obj().with("pending", p.pending().size()).with("fails", p.count(Status.FAILS))
                .with("unknown", p.count(Status.UNKNOWN));
        Json.Obj doc = Json.obj().with("database", db).with("command", p.command());
        doc.put("command_from", p.commandFrom());
        doc.put("pending", pending);
        doc.put("notes", p.notes());
        doc.put("summary", summary);
        return Json.write(doc);
    }

    /**
     * Why plan could not run ({@code kind}: {@code usage}, {@code project} or {@code connection}), for a
     * gate reading stdout; the message is the one printed to stderr, secrets already masked.
     */
    public static String error(String kind, String message) {
        return Json.write(Json.obj().with("error", Json.obj().with("kind", kind).with("message", message)));
    }

    /**
     * Text for people: ids, paths, the command, messages and notes each on one line, as {@link Printable#line}
     * shows them (line breaks, control and bidi characters as escapes, nothing a CI runner would act on).
     */
    public static String text(Plan p) {
        StringBuilder sb = new StringBuilder();
        sb.append("database  ").append(Printable.line(p.url()));
        if (p.serverVersion() != null) {
            sb.append(" (").append(Printable.line(p.server())).append(' ').append(Printable.line(p.serverVersion()))
                    .append(')');
        }
        sb.append('\n');
        sb.append("stamped   ").append(p.current().isEmpty() ? "nothing" : Printable.line(String.join(", ", p.current()))).append('\n');
        String command = Printable.line(p.command());
        sb.append("command   `").append(command).append("` (").append(Printable.line(String.valueOf(p.commandFrom())))
                .append(")\n");
        int n = p.pending().size();
        sb.append("pending   ").append(n == 0 ? "nothing: the database is at the heads"
                : n + (n == 1 ? " revision" : " revisions") + ", in the order `" + command + "` applies them")
                .append("\n\n");
        int width = 0;
        for (Entry e : p.pending()) {
            width = Math.max(width, Printable.line(e.revision()).length());
        }
        for (Entry e : p.pending()) {
            sb.append("  ").append(pad(e.status().word(), 8)).append(pad(Printable.line(e.revision()), width + 2));
            if (e.file() != null) {
                sb.append(Printable.line(e.file()));
                if (e.status() != Status.OK) {
                    sb.append(':').append(e.line());
                }
            }
            if (e.sqlstate() != null) {
                sb.append("  ").append(Printable.line(e.sqlstate()));
            }
            sb.append('\n');
            String indent = " ".repeat(10 + width + 2);
            if (e.message() != null) {
                sb.append(indent).append(Printable.line(e.message())).append('\n');
            }
            if (e.help() != null) {
                sb.append(indent).append("help: ").append(Printable.line(e.help())).append('\n');
            }
        }
        for (String note : p.notes()) {
            sb.append("\nnote: ").append(Printable.line(note)).append('\n');
        }
        Entry first = p.firstFailure();
        long unknown = p.count(Status.UNKNOWN);
        sb.append('\n');
        if (first != null) {
            sb.append("result: `").append(command).append("` fails")
                    .append(first.revision().equals("head") ? " (several heads)" : " at " + Printable.line(first.revision()));
            if (first.sqlstate() != null) {
                sb.append(" (").append(Printable.line(first.sqlstate())).append(')');
            }
        } else if (unknown > 0) {
            sb.append("result: no revision is known to fail; ").append(unknown)
                    .append(unknown == 1 ? " cannot be followed (unknown): review it" : " cannot be followed (unknown): review them");
        } else {
            sb.append("result: `").append(command).append("` succeeds");
        }
        sb.append(" (").append(n).append(" pending, ").append(p.count(Status.FAILS)).append(" fail, ").append(unknown)
                .append(" unknown)\n");
        return sb.toString();
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s + " " : s + " ".repeat(w - s.length());
    }
}
