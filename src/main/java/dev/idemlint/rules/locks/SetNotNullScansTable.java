package dev.idemlint.rules.locks;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpText;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.RevisionStart;

/**
 * Flags {@code alter_column(nullable=False)} on a table that existed before the revision, with no CHECK to trust, and
 * a column added there NOT NULL without a default.
 */
public final class SetNotNullScansTable implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(ctx, (at, c) -> {
            if (at.op() instanceof Operation.Benign b && "alter_column".equals(b.what()) && b.column() != null
                    && OpText.setsNotNull(b) && at.existing(b.table())) {
                check(at, b, c);
            } else if (at.op() instanceof Operation.AddColumn a && a.column() != null && a.column().name() != null
                    && !a.site().autocommit() && required(a) && at.existing(a.table())) {
                addColumn(at, a, c);
            }
        });
    }

    /** A column added NOT NULL with nothing to fill it: no default, no serial, no identity. */
    private static boolean required(Operation.AddColumn a) {
        boolean raw = a.site().origin() == Origin.RAW_SQL;
        String text = OpText.text(a);
        // an integer primary key alone in add_column is SERIAL, as SQLAlchemy renders it
        return text != null && Effects.required(a.column(), text, raw, a.column().primaryKey());
    }

    private static void addColumn(LockedTable.At at, Operation.AddColumn a, RuleContext ctx) {
        PostgresLocks.Row row = at.lock(PostgresLocks.Kind.ADD_COLUMN_NOT_NULL);
        if (!row.scans()) {
            return;
        }
        String column = a.column().name();
        ctx.report(at.migration().source(), a.site(), "Adding \"" + column + "\" NOT NULL without a default reads all"
                + " of \"" + a.table() + "\" under an " + row.lock().sql() + " lock, and fails if it has a row.")
                .help("\"" + a.table() + "\" existed before this revision. PostgreSQL reads the table to check that"
                        + " no row would hold NULL in the new column, which stops " + row.lock().stops() + " until the"
                        + " scan ends; any row fails the statement (23502). Add the"
                        + " column nullable (or with a constant `server_default`, free from PostgreSQL 11 on), fill"
                        + " it in batches, then set it NOT NULL behind a validated CHECK (" + column + " IS NOT NULL).")
                .emit();
    }

    private static void check(LockedTable.At at, Operation.Benign b, RuleContext ctx) {
        int major = at.settings().postgresMajor();
        ObjectRef table = Effects.ref(b, ObjectKind.TABLE, null, b.table());
        boolean checked = table != null && RevisionStart.notNullChecked(at.timeline(), table.name(),
                Effects.name(b.column(), b), at.migration(), at.index(), at.settings(), OpText::notValid);
        PostgresLocks.Row row = at.lock(checked ? PostgresLocks.Kind.SET_NOT_NULL_AFTER_CHECK
                : PostgresLocks.Kind.SET_NOT_NULL);
        if (!row.scans()) {
            return;
        }
        boolean trustsChecks = !at.lock(PostgresLocks.Kind.SET_NOT_NULL_AFTER_CHECK).scans();
        String remedy = trustsChecks ? ". Add `op.create_check_constraint(\"ck_" + b.table() + "_" + b.column()
                + "_not_null\", \"" + b.table() + "\", \"" + b.column() + " IS NOT NULL\", postgresql_not_valid=True)`,"
                + " run `ALTER TABLE " + b.table() + " VALIDATE CONSTRAINT ck_" + b.table() + "_" + b.column()
                + "_not_null` in a later transaction (it lets writes"
                + " through), then set the column NOT NULL, which trusts the constraint and reads nothing, and drop"
                + " the constraint."
                : ". PostgreSQL " + major + " reads the rows even when a validated CHECK (" + b.column() + " IS NOT"
                + " NULL) stands; from 12 on such a CHECK spares the scan. Run it when the table is quiet, or keep"
                + " the CHECK alone until the server is upgraded.";
        ctx.report(at.migration().source(), b.site(), "Setting column \"" + b.column() + "\" of \"" + b.table()
                + "\" NOT NULL reads every row under an " + row.lock().sql() + " lock that stops "
                + row.lock().stops() + " until the scan ends.")
                .help("\"" + b.table() + "\" existed before this revision" + (checked || !trustsChecks ? ""
                        : " and no validated CHECK (" + b.column() + " IS NOT NULL) stands on it here") + remedy)
                .emit();
    }
}
