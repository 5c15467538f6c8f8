package dev.idemlint.rules.idempotency;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.schema.CommittedRerun;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.RevisionStart;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.sql.ColumnUse;
import dev.idemlint.sql.StatementReads;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Flags a read of a text column that a later type change of the same revision turns into a type the read does not
 * take ({@code upper(c)} before {@code c} becomes an enum, {@code c = ''} before it becomes {@code jsonb}): the
 * re-run meets the new type at the read and PostgreSQL rejects it when it parses the statement.
 */
public final class ReadBeforeTypeChange implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        if (!ctx.facts().readsCheckedByType()) {
            // MariaDB converts an ENUM, a number or JSON to a string for UPPER() and LIKE
            return;
        }
        SchemaTimeline timeline = null;
        for (Migration m : tree.migrations()) {
            List<Operation> up = m.upgrade();
            RerunVerdicts verdicts = null;
            CommittedRerun reads = null;
            Set<Operation> reported = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int j = 0; j < up.size(); j++) {
                if (!(up.get(j) instanceof Operation.Benign b) || b.type() == null || b.table() == null
                        || b.column() == null || b.type().formatType() == null) {
                    continue;
                }
                verdicts = verdicts == null ? ctx.verdicts(m) : verdicts;
                ObjectRef column = Effects.ref(b, ObjectKind.COLUMN, b.table(), b.column());
                if (!verdicts.definite(b) || column == null || column.table().schema() != null
                        || !onlyChange(up, j, fold(b.table()), b.column())) {
                    continue;
                }
                reads = reads == null ? ctx.dataReads(m) : reads;
                timeline = timeline == null ? ctx.timeline() : timeline;
                for (int i = 0; i < j; i++) {
                    Operation read = up.get(i);
                    if (!reported.contains(read) && verdicts.definite(read)
                            && check(m, read, i, b, column, reads, timeline, ctx)) {
                        reported.add(read);
                        // the re-run stops at the first read the new type rejects
                        break;
                    }
                }
            }
        }
    }

    /** Reports {@code read} when it uses {@code b}'s column in a way its new type rejects; whether it did. */
    private static boolean check(Migration m, Operation read, int at, Operation.Benign b, ObjectRef column,
            CommittedRerun reads, SchemaTimeline timeline, RuleContext ctx) {
        String table = fold(b.table());
        OpSite site = read.site();
        if (site.origin() != Origin.RAW_SQL || site.sql() == null || !reads.tablesOpened(read).equals(Set.of(table))
                || b.column().equalsIgnoreCase(table)) {
            // one table in scope, so a bare name is its column (a name equal to the table's may be its whole row)
            return false;
        }
        String sql = site.sql().text();
        StatementReads names = StatementReads.of(sql, site.sqlStart(), site.sqlEnd());
        if (ColumnUse.schemaQualified(sql, site.sqlStart(), site.sqlEnd())) {
            return false;
        }
        Set<String> qualifiers = new HashSet<>();
        qualifiers.add(table);
        names.aliases().forEach((alias, t) -> {
            if (fold(t).equals(table)) {
                qualifiers.add(alias);
            }
        });
        boolean nativeEnum = b.type().enumType() != null && b.type().enumType().nativeEnum();
        String to = b.type().formatType();
        for (ColumnUse use : ColumnUse.of(sql, site.sqlStart(), site.sqlEnd(), b.column(), qualifiers)) {
            SqlState state = use.failsOn(to, nativeEnum);
            if (state == null) {
                continue;
            }
            // the first run read the column as text: the read passed then, and only the new type rejects it
            String from = RevisionStart.columnType(timeline, column, m, at, ctx.settings());
            if (!"string".equals(PostgresFacts.typeFamily(from))) {
                return false;
            }
            report(m, read, use, b, nativeEnum, state, ctx);
            return true;
        }
        return false;
    }

    private static void report(Migration m, Operation read, ColumnUse use, Operation.Benign b, boolean nativeEnum,
            SqlState state, RuleContext ctx) {
        String type = nativeEnum ? "the enum " + b.type().enumType().name()
                : RerunScenario.typeName(b.type().formatType());
        String how = switch (use.kind()) {
            case FUNCTION -> "passed to " + use.operator();
            case LIKE -> "matched with " + use.operator();
            case COMPARE -> "compared with '" + use.literal() + "'";
        };
        int line = m.source().lines().line(b.site().span().start());
        OpSite site = read.site();
        ctx.report(m.source(), site, "Re-running this revision fails with " + RerunScenario.failure(state, site)
                + " because column \"" + b.column() + "\" of \"" + b.table() + "\", " + how + " in this "
                + verb(site) + ", is already " + type + " (line " + line + ")"
                + RerunScenario.end(site))
                .help(RerunScenario.why(site, state) + "PostgreSQL resolves functions, operators and constants by"
                        + " the column's type when it parses the statement, before it reads a row, so after the first"
                        + " run the read fails on an empty table too. Run the read and the type change only while the"
                        + " column still has its old type (check `sa.inspect(op.get_bind()).get_columns(...)` first),"
                        + " or move the data fix into a revision of its own before the one that changes the type.")
                .emit();
    }

    /** The statement's first word, upper-cased ({@code UPDATE}). */
    private static String verb(OpSite site) {
        String text = site.sql().text();
        int i = site.sqlStart();
        while (i < site.sqlEnd() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int s = i;
        while (i < site.sqlEnd() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i > s ? text.substring(s, i).toUpperCase(Locale.ROOT) : "statement";
    }

    /**
     * Whether the statement at {@code j} is the only one of the revision that may change the type of {@code table}'s
     * {@code column}, make it, drop it or rename it, or its table: then the first run leaves the column with that
     * statement's type, and the re-run meets it so at every statement before it.
     */
    private static boolean onlyChange(List<Operation> up, int j, String table, String column) {
        for (int k = 0; k < up.size(); k++) {
            Operation op = up.get(k);
            if (k != j && touches(op, table, column)) {
                return false;
            }
        }
        return true;
    }

    private static boolean touches(Operation op, String table, String column) {
        if (op instanceof Operation.Unknown u) {
            return u.touches().isEmpty() || u.touches().contains(table)
                    || u.batchTable() != null && fold(u.batchTable()).equals(table);
        }
        if (op instanceof Operation.RawSql) {
            return true;
        }
        if (op instanceof Operation.Benign b) {
            return (b.type() != null || b.what().equals("ALTER TABLE ... ALTER COLUMN"))
                    && (b.table() == null || b.column() == null
                    || fold(b.table()).equals(table) && b.column().equals(column));
        }
        if (op instanceof Operation.Drop d) {
            // DROP TYPE ... CASCADE takes the columns of the type with it
            return d.kind() == ObjectKind.TYPE && d.cascade()
                    || d.kind() == ObjectKind.TABLE && (d.name() == null || fold(d.name()).equals(table))
                    || d.kind() == ObjectKind.COLUMN && (d.table() == null || fold(d.table()).equals(table))
                    && (d.name() == null || column.equals(d.name()));
        }
        if (op instanceof Operation.Rename r) {
            return r.kind() == ObjectKind.TABLE && (r.from() == null || r.to() == null
                    || fold(r.from()).equals(table) || fold(r.to()).equals(table))
                    || r.kind() == ObjectKind.COLUMN && (r.table() == null || fold(r.table()).equals(table))
                    && (r.from() == null || r.to() == null || column.equals(r.from()) || column.equals(r.to()));
        }
        if (op instanceof Operation.CreateTable c) {
            return c.table() == null || fold(c.table()).equals(table);
        }
        return op instanceof Operation.AddColumn a && (a.table() == null || fold(a.table()).equals(table))
                && (a.column().name() == null || column.equals(a.column().name()));
    }

    private static String fold(String name) {
        return name.replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
