package dev.idemlint.rules;

import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.ServerFacts;
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
     * The end of a re-run message: the full stop. Why a statement inside {@code autocommit_block()} or
     * under a try/except still fails is said in the help ({@link #why}), to keep the message one short
     * sentence; how a schema gets ahead of {@code alembic_version} is said once, in the rule pages.
     */
    public static String end(OpSite site) {
        return when(site) + ".";
    }

    /**
     * The configuration condition a statement runs under, as a message ends with it (" when `ENV` is not
     * production"): the re-run fails in the runs where it holds ({@link GuardKind#SETTING}); empty otherwise.
     */
    public static String when(OpSite site) {
        return ServerFacts.when(site);
    }

    /**
     * The start of a re-run rule's help: why the statement runs again inside {@code autocommit_block()}
     * (it commits on its own, so a retry after a later failure repeats it), and why a try/except does not
     * help (PostgreSQL aborts the transaction on the first error); empty otherwise.
     */
    public static String why(OpSite site, SqlState state) {
        return PostgresFacts.rerunWhy(site, state.dbapiClass());
    }

    /**
     * The one-sentence message of the idempotency rules: "Re-running this revision fails with
     * DuplicateColumn (42701) because column "c" of "t" already exists."
     */
    public static String alreadyExists(SqlState state, String what, String note, OpSite site) {
        return "Re-running this revision fails with " + failure(state, site) + " because " + what + " already exists"
                + note + end(site);
    }

    /**
     * What a re-run fails with when the statement raises {@code state}: that state, or, under a plain
     * try/except, "InFailedSqlTransaction (25P02) after a swallowed ..." (the transaction stays aborted and
     * the next statement, at the latest Alembic's version update, fails).
     */
    public static String failure(SqlState state, OpSite site) {
        return PostgresFacts.rerunFailure(state.label(), state.dbapiClass(), site);
    }

    /**
     * An object whose own name is read at run time, by its table when that is known: {@code the column of
     * "documents"}, {@code the unique index on "documents"}.
     */
    public static String unreadName(ObjectKind kind, boolean unique, String table) {
        String what = "the " + (unique ? "unique " : "") + kind.sql();
        return table == null ? what : what + (kind == ObjectKind.INDEX ? " on \"" : " of \"") + table + "\"";
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

    /** {@code s}, or {@code ...} where the name is not read. */
    public static String nameOr(String s) {
        return s == null ? "..." : s;
    }

    /** A type as a message names it, by PostgreSQL's short aliases: {@code timestamptz}, {@code varchar(20)}. */
    public static String typeName(String formatType) {
        return formatType.replace("timestamp without time zone", "timestamp")
                .replace("timestamp with time zone", "timestamptz")
                .replace("time without time zone", "time")
                .replace("character varying", "varchar");
    }
}
