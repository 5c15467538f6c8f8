package dev.idemlint.rules.locks;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.RevisionStart;

/** Flags a column type change that rewrites a table that existed before the revision. */
public final class AlterColumnTypeRewritesTable implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(tree, ctx, (at, c) -> {
            if (at.op() instanceof Operation.Benign b && b.type() != null && b.type().formatType() != null
                    && b.column() != null && at.existing(b.table())) {
                check(at, b, c);
            }
        });
    }

    private static void check(LockedTable.At at, Operation.Benign b, RuleContext ctx) {
        ObjectRef column = Effects.ref(b, ObjectKind.COLUMN, b.table(), b.column());
        String from = column == null ? null
                : RevisionStart.columnType(at.timeline(), column, at.migration(), at.index(), at.settings());
        String to = b.type().formatType();
        PostgresLocks.Kind kind = PostgresLocks.typeChange(from, to);
        if (kind == null) {
            return;
        }
        PostgresLocks.Row row = PostgresLocks.of(kind, at.settings().postgresMajor());
        if (!row.rewrites()) {
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

    /** A type as PostgreSQL's short aliases name it: {@code timestamptz}, {@code varchar(20)}. */
    private static String shortName(String formatType) {
        return formatType.replace("timestamp without time zone", "timestamp")
                .replace("timestamp with time zone", "timestamptz")
                .replace("time without time zone", "time")
                .replace("time with time zone", "timetz")
                .replace("character varying", "varchar");
    }
}
