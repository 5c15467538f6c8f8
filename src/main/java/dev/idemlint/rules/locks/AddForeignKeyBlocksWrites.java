package dev.idemlint.rules.locks;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flags a foreign key added without {@code NOT VALID} to a table that existed before the revision. */
public final class AddForeignKeyBlocksWrites implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(tree, ctx, (at, c) -> {
            if (at.op() instanceof Operation.AddConstraint fk && fk.kind() == ConstraintKind.FOREIGN_KEY
                    && !LockedTable.notValid(fk) && at.existing(fk.table())) {
                report(at, fk, c);
            }
        });
    }

    private static void report(LockedTable.At at, Operation.AddConstraint fk, RuleContext ctx) {
        int major = at.settings().postgresMajor();
        PostgresLocks.Row row = PostgresLocks.of(PostgresLocks.Kind.ADD_FOREIGN_KEY, major);
        PostgresLocks.Row validate = PostgresLocks.of(PostgresLocks.Kind.VALIDATE_FOREIGN_KEY, major);
        String referenced = referenced(fk);
        String name = fk.name() == null ? "a foreign key" : "foreign key \"" + fk.name() + "\"";
        String tables = referenced == null ? "\"" + fk.table() + "\" and the table it references"
                : "\"" + fk.table() + "\" and \"" + referenced + "\"";
        boolean sql = fk.site().origin() == Origin.RAW_SQL;
        ctx.report(at.migration().source(), fk.site(), "Adding " + name + " checks every row of \"" + fk.table()
                + "\" under a " + row.lock().sql() + " lock on " + tables + " that stops " + row.lock().stops()
                + " until the check ends.")
                .help("\"" + fk.table() + "\" existed before this revision, so PostgreSQL reads all its rows to check"
                        + " the new key while both tables are locked" + (fk.site().autocommit() ? "" : ", and the"
                        + " locks last until the migration's transaction commits") + ". Add it "
                        + (sql ? "with `NOT VALID`" : "with `postgresql_not_valid=True` (SQLAlchemy 1.4.32 and later)")
                        + ", which checks only the rows written from then on, and run `ALTER TABLE " + fk.table()
                        + " VALIDATE CONSTRAINT " + (fk.name() == null ? "<name>" : fk.name()) + "` in a later"
                        + " transaction (a later revision, or `with op.get_context().autocommit_block():`): it takes "
                        + validate.lock().sql() + ", which lets writes through.")
                .emit();
    }

    private static final Pattern REFERENCES = Pattern.compile("\\bREFERENCES\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)",
            Pattern.CASE_INSENSITIVE);

    /** The table the key references as written, or null when not read. */
    private static String referenced(Operation.AddConstraint fk) {
        String sql = fk.site().sqlStatement();
        if (sql != null) {
            Matcher m = REFERENCES.matcher(sql);
            return m.find() ? m.group(1).replace("\"", "") : null;
        }
        Expr.Call call = fk.site().call();
        if (call == null) {
            return null;
        }
        Arg kw = call.keyword("referent_table");
        return LockedTable.literal(kw != null ? kw.value()
                : call.positional(fk.site().origin() == Origin.BATCH_OP ? 1 : 2));
    }
}
