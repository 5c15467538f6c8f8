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
 * "line", "status", "sqlstate", "message", "help"}], "locks": {"session_lock_timeout": {"value", "source"},
 * "taken": [{"revision", "file", "line", "table", "mode", "blocks", "work", "bytes", "size", "rows",
 * "referenced_mode", "rule", "lock_timeout_set", "lock_timeout_from"}]}, "notes": [...], "summary": {"pending",
 * "fails", "unknown", "locks", "rewrites"}}}, pending in the order Alembic applies them (on MySQL and MariaDB, {@code database} also
 * names the {@code server}, {@code sqlstate} holds the error number and a failing revision lists the
 * {@code applied_lines} that stay applied, and {@code locks} is left out, with its two summary counts); when plan cannot run at all,
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
        if (p.locks().read()) {
            doc.put("locks", locks(p.locks()));
            summary.put("locks", p.locks().taken().size());
            summary.put("rewrites", p.locks().taken().stream().filter(l -> l.work() == Plan.Work.REWRITE).count());
        }
        doc.put("notes", p.notes());
        doc.put("summary", summary);
        return Json.write(doc);
    }

    private static Json.Obj locks(Plan.Locks locks) {
        List<Object> taken = new ArrayList<>();
        for (Plan.Lock l : locks.taken()) {
            Json.Obj o = Json.obj().with("revision", l.revision());
            o.put("file", l.file());
            o.put("line", l.line());
            o.put("table", l.table());
            o.put("mode", l.mode());
            o.put("blocks", l.mode().equals("ACCESS EXCLUSIVE") ? "reads and writes" : "writes");
            o.put("work", l.work().word());
            o.put("bytes", l.bytes());
            o.put("size", l.bytes() == null ? null : size(l.bytes()));
            o.put("rows", l.rows());
            o.put("referenced_mode", l.referencedMode());
            o.put("rule", l.rule());
            o.put("lock_timeout_set", l.lockTimeoutSet());
            o.put("lock_timeout_from", l.lockTimeoutFrom());
            taken.add(o);
        }
        Json.Obj session = Json.obj();
        session.put("value", locks.session());
        session.put("source", locks.sessionSource());
        return Json.obj().with("session_lock_timeout", session).with("taken", taken);
    }

    private static final String[] UNITS = {"bytes", "kB", "MB", "GB", "TB", "PB"};

    /** {@code bytes} in the units {@code pg_size_pretty} uses (powers of 1024): {@code 41 GB}, {@code 8192 bytes}. */
    public static String size(long bytes) {
        double v = bytes;
        int unit = 0;
        // as pg_size_pretty: the next unit once the number reaches 10240 of this one
        while (Math.abs(v) >= 10 * 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return Math.round(v) + " " + UNITS[unit];
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
        if (p.locks().read()) {
            locks(sb, p.locks());
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

    /**
     * The locks section: each blocking lock on a table the database holds, in the order the upgrade takes them,
     * with the table's size, what the statement does under the lock and whether a lock_timeout bounds its wait.
     */
    private static void locks(StringBuilder sb, Plan.Locks locks) {
        List<Plan.Lock> taken = locks.taken();
        sb.append("\nlocks     ");
        if (taken.isEmpty()) {
            sb.append("no pending statement blocks writes to a table this database holds");
        } else {
            sb.append(taken.size()).append(taken.size() == 1 ? " statement blocks" : " statements block")
                    .append(" writes to tables this database holds");
        }
        if (locks.session() != null) {
            sb.append(" (lock_timeout of a new session: ").append(Printable.line(locks.session()));
            if (locks.sessionSource() != null) {
                sb.append(", from ").append(Printable.line(locks.sessionSource()));
            }
            sb.append(')');
        }
        sb.append('\n');
        for (Plan.Lock l : taken) {
            sb.append("  ").append(Printable.line(l.revision())).append("  ").append(Printable.line(l.file()))
                    .append(':').append(l.line()).append('\n');
            sb.append("      ").append(action(l)).append(" (").append(l.bytes() == null ? "size not read" : size(l.bytes()));
            if (l.rows() != null) {
                sb.append(", about ").append(String.format(java.util.Locale.ROOT, "%,d", l.rows())).append(" rows");
            }
            sb.append(") under ").append(Printable.line(l.mode()));
            if (l.referencedMode() != null) {
                sb.append(", and ").append(Printable.line(l.referencedMode())).append(" on the table it references");
            }
            String stops = l.mode().equals("ACCESS EXCLUSIVE") ? "every read and write" : "every write";
            sb.append(": ").append(switch (l.work()) {
                case REWRITE -> stops + " waits until the rewrite ends";
                case SCAN -> stops + " waits until the scan ends";
                case INDEX_BUILD -> stops + " waits until the build ends";
                case NONE -> "it reads no row, but " + stops + " queues behind it while it waits for the lock";
            });
            if (l.rule() != null) {
                sb.append(" [").append(Printable.line(l.rule())).append(']');
            }
            sb.append('\n');
            sb.append("      lock_timeout: ").append(l.lockTimeoutSet() == null ? "not known"
                    : l.lockTimeoutSet() ? "set" : "not set: a wait behind a long query stops the table's traffic");
            if (l.lockTimeoutFrom() != null) {
                sb.append(" (").append(Printable.line(l.lockTimeoutFrom())).append(')');
            }
            sb.append('\n');
        }
    }

    /** "rewrites public.events", "builds an index on public.events": what the statement does to the table, printable. */
    public static String action(Plan.Lock l) {
        String table = Printable.line(l.table());
        return switch (l.work()) {
            case REWRITE -> "rewrites " + table;
            case SCAN -> "reads every row of " + table;
            case INDEX_BUILD -> "builds an index on " + table;
            case NONE -> "locks " + table;
        };
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s + " " : s + " ".repeat(w - s.length());
    }
}
