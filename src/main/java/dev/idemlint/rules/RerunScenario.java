package dev.idemlint.rules;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.SqlState;

/**
 * Words for how a re-run really happens. Alembic runs each PostgreSQL migration in a transaction,
 * so a revision is re-applied only when the schema got ahead of {@code alembic_version}, or when
 * an autocommit block committed part of it before a later failure.
 */
public final class RerunScenario {
    private RerunScenario() {
    }

    /**
     * The end of a re-run message, from the comma on: nothing more than the full stop, except inside
     * {@code autocommit_block()}, where the statement commits on its own and a retry after a later
     * failure runs it again. How a schema gets ahead of {@code alembic_version} is said once, in the
     * rule pages.
     */
    public static String end(OpSite site) {
        if (site.autocommit()) {
            return "; inside autocommit_block() it commits on its own, so a retry after a later failure runs it again.";
        }
        return ".";
    }

    /**
     * The one-sentence message of the idempotency rules: "Re-running this revision fails with
     * DuplicateColumn (42701) because column "c" of "t" already exists, whenever ...".
     */
    public static String alreadyExists(SqlState state, String what, String note, OpSite site) {
        if (swallowed(site)) {
            return "Re-running this revision fails with " + SqlState.IN_FAILED_SQL_TRANSACTION.label() + ": the"
                    + " try/except swallows the " + state.label() + " raised because " + what + " already exists"
                    + note + ", but the error has aborted the transaction, so the next statement fails"
                    + end(site);
        }
        return "Re-running this revision fails with " + state.label() + " because " + what + " already exists"
                + note + end(site);
    }

    /** A plain try/except around the operation: PostgreSQL aborts the transaction all the same. */
    public static boolean swallowed(OpSite site) {
        return site.guard() != null && site.guard().kind() == dev.idemlint.migration.GuardKind.TRY_EXCEPT;
    }

    /** {@code column "custom_notes" of "players"}, {@code index "ix_a"}, {@code a column} when unknown. */
    public static String describe(ObjectKind kind, String name, String table) {
        if (name == null) {
            return "the " + kind.sql();
        }
        String base = kind.sql() + " \"" + name + "\"";
        if (table != null && (kind == ObjectKind.COLUMN || kind == ObjectKind.CONSTRAINT
                || kind == ObjectKind.TRIGGER || kind == ObjectKind.POLICY || kind == ObjectKind.RULE)) {
            return base + " of \"" + table + "\"";
        }
        return base;
    }
}
