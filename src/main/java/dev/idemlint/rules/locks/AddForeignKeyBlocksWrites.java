package dev.idemlint.rules.locks;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.OpText;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.fix.AutocommitWrapper;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.SqlRewriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Flags a foreign key added without {@code NOT VALID} to a table that existed before the revision, by
 * {@code create_foreign_key}, raw SQL, or an added column's {@code sa.ForeignKey(...)}.
 */
public final class AddForeignKeyBlocksWrites implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        LockedTable.walk(ctx, (at, c) -> {
            if (at.op() instanceof Operation.AddConstraint fk && fk.kind() == ConstraintKind.FOREIGN_KEY
                    && !OpText.notValid(fk) && at.existing(fk.table())) {
                report(at, fk, c);
            } else if (at.op() instanceof Operation.AddColumn ac && ac.column().foreignKey()
                    && ac.site().origin() != Origin.RAW_SQL && !OpText.notValid(ac) && at.existing(ac.table())) {
                reportInline(at, ac, c);
            }
        });
    }

    private static void report(LockedTable.At at, Operation.AddConstraint fk, RuleContext ctx) {
        PostgresLocks.Row row = at.lock(PostgresLocks.Kind.ADD_FOREIGN_KEY);
        PostgresLocks.Row validate = at.lock(PostgresLocks.Kind.VALIDATE_FOREIGN_KEY);
        String referenced = OpText.referencedTable(fk);
        String name = fk.name() == null ? "a foreign key" : "foreign key \"" + fk.name() + "\"";
        String tables = referenced == null ? "\"" + fk.table() + "\" and the table it references"
                : "\"" + fk.table() + "\" and \"" + referenced + "\"";
        ctx.report(at.migration().source(), fk.site(), "Adding " + name + " checks every row of \"" + fk.table()
                + "\" under a " + row.lock().sql() + " lock on " + tables + " that stops " + row.lock().stops()
                + " until the check ends.")
                .help("\"" + fk.table() + "\" existed before this revision, so PostgreSQL reads all its rows to check"
                        + " the new key while both tables are locked" + LockedTable.untilCommit(fk.site(), "locks last")
                        + LockedTable.notValidThenValidate(fk, validate, "writes"))
                // as create-index-blocks-writes: a statement the re-run check finds failing gets no lock fix
                .fix(ctx.verdicts(at.migration()).failure(fk) != null ? null : fix(at, fk, ctx))
                .emit();
    }

    /**
     * A column added by an op call with {@code sa.ForeignKey(...)}: Alembic adds the column, then the key in a
     * separate {@code ALTER TABLE t ADD CONSTRAINT ... FOREIGN KEY}, which checks every row of {@code t} (the new
     * column is NULL in all of them, and PostgreSQL still reads them) under the ADD_FOREIGN_KEY row's locks. A raw
     * {@code ADD COLUMN c int REFERENCES r} is one statement that does not read the rows (ADD_COLUMN_REFERENCES).
     */
    private static void reportInline(LockedTable.At at, Operation.AddColumn ac, RuleContext ctx) {
        PostgresLocks.Row row = at.lock(PostgresLocks.Kind.ADD_FOREIGN_KEY);
        PostgresLocks.Row validate = at.lock(PostgresLocks.Kind.VALIDATE_FOREIGN_KEY);
        ColumnDef col = ac.column();
        String column = col.name() == null ? "the new column" : "\"" + col.name() + "\"";
        String tables = col.references() == null ? "\"" + ac.table() + "\" and the table it references"
                : "\"" + ac.table() + "\" and \"" + col.references() + "\"";
        ctx.report(at.migration().source(), ac.site(), "The foreign key of " + column + " checks every row of \""
                + ac.table() + "\" under a " + row.lock().sql() + " lock on " + tables + " that stops "
                + row.lock().stops() + " until the check ends.")
                .help("Alembic adds the column, then its `ForeignKey` as a separate `ADD CONSTRAINT ... FOREIGN KEY`;"
                        + " \"" + ac.table() + "\" existed before this revision, so PostgreSQL reads all its rows to"
                        + " check the key while both tables are locked" + LockedTable.untilCommit(ac.site(), "locks last")
                        + ". Add the column without the"
                        + " key, add the key with `op.create_foreign_key(..., postgresql_not_valid=True)` (SQLAlchemy"
                        + " 1.4.32 and later) and run `ALTER TABLE " + ac.table() + " VALIDATE CONSTRAINT <name>` in a"
                        + " later transaction: it takes " + validate.lock().sql() + ", which lets writes through.")
                .emit();
    }

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * The key added {@code NOT VALID} and validated right after it in an autocommit block: the constraint and the
     * final schema are the same, and VALIDATE takes SHARE UPDATE EXCLUSIVE on the table (ROW SHARE on the
     * referenced one), which lets writes through. UNSAFE: the block commits the revision's statements before it.
     * Written only where the name PostgreSQL stores and the table are plain lower-case identifiers (no quoting, no
     * schema), on a statement of upgrade() itself outside an autocommit block; {@code postgresql_not_valid=True}
     * needs SQLAlchemy 1.4.32 or later, so on an op call with an unknown SQLAlchemy it is shown, not applied.
     */
    private static Fix fix(LockedTable.At at, Operation.AddConstraint fk, RuleContext ctx) {
        OpSite site = fk.site();
        // raw SQL stores the name it writes; an op call's goes through the naming convention
        ConstraintNames.Name named = site.origin() == Origin.RAW_SQL ? null : ConstraintNames.of(fk, ctx.naming());
        String name = site.origin() == Origin.RAW_SQL ? fk.name()
                : named instanceof ConstraintNames.Name.Given g ? g.name() : null;
        if (site.indirect() || site.conditional() || site.autocommit() || name == null || fk.table() == null
                || !PLAIN.matcher(name).matches() || !PLAIN.matcher(fk.table()).matches()) {
            return null;
        }
        String title = "Add it `NOT VALID` and validate it in an autocommit block";
        String validate = "op.execute(" + CallRewriter.quote("ALTER TABLE " + fk.table() + " VALIDATE CONSTRAINT "
                + name) + ")";
        List<TextEdit> inner;
        if (site.origin() == Origin.RAW_SQL) {
            SqlRewriter r = SqlRewriter.of(site, at.migration().source());
            // one action, ended by its last clause: NOT VALID goes at the end of that constraint's definition
            Fix notValid = r == null || !r.balanced() || !r.at(0, "ALTER", "TABLE") || r.findTopLevel(",") >= 0
                    || r.tokens().get(r.lastToken()).text().equals(";") ? null
                    : r.insertAfter(r.lastToken(), r.cased("NOT VALID"), title, Applicability.UNSAFE);
            if (notValid == null || notValid.edits().isEmpty()) {
                return null;
            }
            inner = notValid.edits();
        } else if (site.origin() == Origin.OP_CALL && site.call() != null
                && site.call().keyword("source_schema") == null) {
            inner = CallRewriter.pass(at.migration().source(), site.call(), "postgresql_not_valid", "True");
        } else {
            return null;
        }
        Fix f = inner.isEmpty() ? null : AutocommitWrapper.followWith(at.migration().source(), site.statement(), inner,
                validate, title);
        Settings s = at.settings();
        if (f != null && site.origin() == Origin.OP_CALL && (s.sqlalchemy().isLatest() || !s.sqlalchemy().atLeast("1.4.32"))) {
            return s.sqlalchemy().isLatest() ? Fix.displayOnly(title, "`postgresql_not_valid=True` on the call, then "
                    + "`" + AutocommitWrapper.HEADER + "` with `" + validate + "` (SQLAlchemy 1.4.32 and later)") : null;
        }
        return f;
    }
}
