package dev.idemlint.rules.locks;

import dev.idemlint.migration.FormatType;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpText;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.RevisionStart;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Flags a column type change that rewrites a table that existed before the revision. */
public final class AlterColumnTypeRewritesTable implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(ctx, (at, c) -> {
            if (at.op() instanceof Operation.Benign b && b.type() != null && b.column() != null
                    && at.existing(b.table())) {
                check(at, b, c);
            }
        });
    }

    private static void check(LockedTable.At at, Operation.Benign b, RuleContext ctx) {
        ObjectRef column = Effects.ref(b, ObjectKind.COLUMN, b.table(), b.column());
        String from = column == null ? null
                : RevisionStart.columnType(at.timeline(), column, at.migration(), at.index(), at.settings());
        OpText.TypeTarget target = OpText.typeTarget(b);
        String to = target.type();
        if (to == null) {
            return;
        }
        PostgresLocks.Kind kind = PostgresLocks.typeChange(from, to);
        boolean toEnum = enumType(at, b, to);
        if (toEnum && target.using() != null && !bare(target.using(), b.column())) {
            kind = PostgresLocks.Kind.ALTER_TYPE_TO_ENUM;
        } else if (!toEnum && enumBefore(at, from) && textual(to)) {
            kind = PostgresLocks.Kind.ALTER_TYPE_FROM_ENUM;
        } else if (target.collation() != null && (kind == PostgresLocks.Kind.ALTER_TYPE_VARCHAR_TO_TEXT
                || kind == PostgresLocks.Kind.ALTER_TYPE_VARCHAR_WIDER) && indexed(at, b)) {
            kind = PostgresLocks.Kind.ALTER_TYPE_COLLATION_INDEXED;
        }
        if (kind == null) {
            return;
        }
        if (kind == PostgresLocks.Kind.ALTER_TYPE_COLLATION_INDEXED) {
            PostgresLocks.Row row = at.lock(kind);
            if (!row.scans()) {
                return;
            }
            ctx.report(at.migration().source(), b.site(), "Changing the collation of \"" + b.column() + "\" of \""
                    + b.table() + "\" builds its indexes again under " + row.lock().sql() + ", which stops "
                    + row.lock().stops() + " until the builds end.")
                    .help("\"" + b.table() + "\" existed before this revision. " + shortName(from) + " to "
                            + shortName(to) + " keeps the stored bytes, but an index sorts by its collation, so"
                            + " PostgreSQL reads every row to build each index on the column again while no one can"
                            + " read or write the table. Build an index of the new collation with CREATE INDEX"
                            + " CONCURRENTLY first, or add a new column of the new collation and swap the two in a"
                            + " later revision.")
                    .emit();
            return;
        }
        PostgresLocks.Row row = at.lock(kind);
        if (!row.rewrites()) {
            return;
        }
        if (kind == PostgresLocks.Kind.ALTER_TYPE_TO_ENUM) {
            ctx.report(at.migration().source(), b.site(), "Converting \"" + b.column() + "\" of \"" + b.table()
                    + "\" to the enum " + shortName(to) + " rewrites the table under " + row.lock().sql()
                    + ", which stops " + row.lock().stops() + " until the rewrite ends.")
                    .help("\"" + b.table() + "\" existed before this revision, and the USING conversion casts every"
                            + " value through its text form, so PostgreSQL copies every row and rebuilds every index"
                            + " of the table while no one can read or write it (swapping an enum for a new one of the"
                            + " same name does too). Add the new values with ALTER TYPE ... ADD VALUE instead, or add a"
                            + " new column of the enum, fill it in batches, then swap the two in a later revision.")
                    .emit();
            return;
        }
        if (kind == PostgresLocks.Kind.ALTER_TYPE_FROM_ENUM) {
            ctx.report(at.migration().source(), b.site(), "Converting \"" + b.column() + "\" of \"" + b.table()
                    + "\" from the enum " + shortName(from) + " to " + shortName(to) + " rewrites it under "
                    + row.lock().sql() + ", stopping " + row.lock().stops() + " until the rewrite ends.")
                    .help("\"" + b.table() + "\" existed before this revision. PostgreSQL stores an enum value as"
                            + " its label's OID, so it converts every row to the label's text, copies the table and"
                            + " rebuilds every index while no one can read or write it. Add a new column of the new"
                            + " type, fill it in batches and keep it in step with a trigger, then swap the two in a"
                            + " later revision.")
                    .emit();
            return;
        }
        if (from == null) {
            return;
        }
        ctx.report(at.migration().source(), b.site(), "Changing \"" + b.column() + "\" of \"" + b.table()
                + "\" from " + shortName(from) + " to " + shortName(to) + " rewrites the table under " + row.lock().sql()
                + ", which stops " + row.lock().stops() + " until the rewrite ends.")
                .help("\"" + b.table() + "\" existed before this revision, and PostgreSQL stores " + shortName(to)
                        + " differently from " + shortName(from) + ", so it copies every row and rebuilds every index of the"
                        + " table while no one can read or write it. Only changes that keep the stored bytes are free"
                        + " (a longer varchar, varchar to text, a numeric of more precision and the same scale,"
                        + " timestamp to timestamptz when the session time zone is UTC). Otherwise add a new column of"
                        + " the new type, fill it in batches and keep it in step with a trigger, then swap the two"
                        + " in a later revision.")
                .emit();
    }

    /**
     * Whether {@code type} is an enum: the op call's type is an {@code sa.Enum}, or an enum of that name stands
     * just before the statement ({@link #enumStands}).
     */
    private static boolean enumType(LockedTable.At at, Operation.Benign b, String type) {
        return b.type().enumType() != null || enumStands(at, type);
    }

    /**
     * Whether {@code from}, the column's type just before the statement, is an enum type that stands there: a
     * column of an enum type has the type's name as its {@code format_type}.
     */
    private static boolean enumBefore(LockedTable.At at, String from) {
        return from != null && enumStands(at, from);
    }

    /**
     * Whether an enum type named {@code type} ({@code format_type}) stands just before the statement: the creation
     * that made it gave it labels (later statements only add or rename them).
     */
    private static boolean enumStands(LockedTable.At at, String type) {
        String name = FormatType.userType(type.replace("\"", ""));
        return name != null && !at.timeline().labels(QualifiedName.of(name), at.migration(), at.index()).isEmpty();
    }

    /** Whether {@code type} is one of the string types: {@code text}, {@code varchar[(n)]}, {@code char(n)}. */
    private static boolean textual(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.equals("text") || t.startsWith("character varying") || t.startsWith("character(")
                || t.equals("character");
    }

    /** Whether the conversion is the column itself: no conversion at all. */
    private static boolean bare(String using, String column) {
        String u = using.strip();
        if (u.length() > 1 && (u.startsWith("'") || u.startsWith("\"")) && u.endsWith(u.substring(0, 1))) {
            // postgresql_using="status::buildstatus" passes the text as a Python string
            u = u.substring(1, u.length() - 1).strip();
        }
        return u.equalsIgnoreCase(column) || u.equals("\"" + column + "\"");
    }

    /**
     * Whether an index on the table names the column, standing just before the statement: one of its own, or the
     * one of a primary key or unique constraint of the table.
     */
    private static boolean indexed(LockedTable.At at, Operation.Benign b) {
        List<Set<String>> keys = at.timeline().keys(QualifiedName.of(b.table()), at.migration(), at.index());
        if (keys != null && keys.stream().anyMatch(k -> k.stream().anyMatch(col -> col.equalsIgnoreCase(b.column())))) {
            return true;
        }
        for (Creation c : at.timeline().indexesNamingTable(b.table())) {
            if (c.operation() instanceof Operation.CreateIndex ix && ix.columns().stream()
                            .anyMatch(col -> col.equalsIgnoreCase(b.column()))
                    && at.timeline().existing(c.key(), at.migration(), at.index(), at.settings()) != null) {
                return true;
            }
        }
        return false;
    }

    /** A type as PostgreSQL's short aliases name it: {@code timestamptz}, {@code varchar(20)}. */
    private static String shortName(String formatType) {
        return formatType.replace("timestamp without time zone", "timestamp")
                .replace("timestamp with time zone", "timestamptz")
                .replace("time without time zone", "time")
                .replace("time with time zone", "timetz")
                .replace("character varying", "varchar");
    }
}
