package dev.idemlint.rules.locks;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.AutocommitWrapper;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.schema.RevisionStart;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.source.SourceFile;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The walk the lock rules share: every upgrade operation of the revisions the run reports on, with the timeline
 * that tells whether its table existed before the revision began. Lock facts are PostgreSQL's: on MySQL and
 * MariaDB the rules say nothing.
 */
final class LockedTable {
    private LockedTable() {
    }

    /** One operation of a revision, with where to ask about its tables. */
    record At(SchemaTimeline timeline, Migration migration, int index, Operation op, Settings settings) {
        /** Whether {@code table}, which the operation acts on, held rows before the revision began. */
        boolean existing(String table) {
            return table != null
                    && RevisionStart.table(timeline, migration, index, op, table, settings) == RevisionStart.Table.EXISTING;
        }

        /** What statement {@code kind} locks, scans and rewrites on the project's PostgreSQL major version. */
        PostgresLocks.Row lock(PostgresLocks.Kind kind) {
            return PostgresLocks.of(kind, settings.postgresMajor());
        }
    }

    /**
     * The end of a help sentence on how long the lock of the statement at {@code site} is held: until the
     * migration's transaction commits, unless the statement runs in an autocommit block (then nothing is said).
     * {@code locks} is "lock lasts" or "locks last".
     */
    static String untilCommit(OpSite site, String locks) {
        return site.autocommit() ? "" : ", and the " + locks + " until the migration's transaction commits";
    }

    /**
     * The concurrent form of an index statement: {@code postgresql_concurrently=True} on an op call, or
     * {@code CONCURRENTLY} after the {@code INDEX} keyword {@code indexKeyword} finds in raw SQL (-1: none), moved
     * into an autocommit block unless it is in one (PostgreSQL refuses {@code CREATE} and {@code DROP INDEX
     * CONCURRENTLY} inside a transaction block, 25001). {@code verb} starts the title ("Build it", "Drop it").
     * UNSAFE: the block commits the statements before it, and a concurrent build that fails leaves an INVALID
     * index. A batch operation, a statement reached through a helper, a loop or a condition, and a guarded one (a DO
     * block's handler, a try, an inspector test: CONCURRENTLY cannot run inside a DO block or a savepoint) get none,
     * and so does a statement that shares its string with others.
     */
    static Fix concurrently(SourceFile file, OpSite site, ToIntFunction<SqlRewriter> indexKeyword, String verb) {
        if (site.indirect() || site.conditional() || site.guard() != null || !aloneInItsString(site)) {
            return null;
        }
        List<TextEdit> inner;
        String title;
        if (site.origin() == Origin.RAW_SQL) {
            SqlRewriter r = SqlRewriter.of(site, file);
            int at = r == null ? -1 : indexKeyword.applyAsInt(r);
            title = verb + " with `CONCURRENTLY`";
            Fix insert = at < 0 ? null : r.insertAfter(at, r.cased("CONCURRENTLY"), title, Applicability.UNSAFE);
            if (insert == null || insert.edits().isEmpty()) {
                return null;
            }
            inner = insert.edits();
        } else if (site.origin() == Origin.OP_CALL && site.call() != null) {
            inner = CallRewriter.pass(file, site.call(), "postgresql_concurrently", "True");
            title = "Pass `postgresql_concurrently=True`";
        } else {
            return null;
        }
        if (inner.isEmpty()) {
            return null;
        }
        if (site.autocommit()) {
            return Fix.of(title, Applicability.UNSAFE, inner);
        }
        return AutocommitWrapper.wrap(file, site.statement(), inner, title + " in an autocommit block");
    }

    /**
     * Whether raw SQL {@code site} is the only statement of its string: PostgreSQL runs a string of several
     * statements as one implicit transaction block, where CONCURRENTLY fails (25001) even in an autocommit block.
     * An op call is alone.
     */
    private static boolean aloneInItsString(OpSite site) {
        if (site.origin() != Origin.RAW_SQL || site.sql() == null || site.sqlStart() < 0) {
            return true;
        }
        String text = site.sql().text();
        return text.substring(0, site.sqlStart()).replace(";", "").isBlank()
                && text.substring(site.sqlEnd()).replace(";", "").isBlank();
    }

    /**
     * The remedy of a constraint whose check reads the whole table, from the {@code .} that ends the finding's reason:
     * add it {@code NOT VALID}, which checks only the rows written from then on, and validate it in a later
     * transaction, which takes {@code validate}'s lock and lets {@code through} through.
     */
    static String notValidThenValidate(Operation.AddConstraint c, PostgresLocks.Row validate, String through) {
        return ". Add it " + (c.site().origin() == Origin.RAW_SQL ? "with `NOT VALID`"
                : "with `postgresql_not_valid=True` (SQLAlchemy 1.4.32 and later)")
                + ", which checks only the rows written from then on, and run `ALTER TABLE " + c.table()
                + " VALIDATE CONSTRAINT " + (c.name() == null ? "<name>" : c.name()) + "` in a later"
                + " transaction (a later revision, or `with op.get_context().autocommit_block():`): it takes "
                + validate.lock().sql() + ", which lets " + through + " through.";
    }

    interface Check {
        void check(At at, RuleContext ctx);
    }

    /**
     * The revisions the run reports on, in the timeline's order, on a server whose table locks the facts hold; none
     * on another.
     */
    static List<Migration> reported(RuleContext ctx) {
        if (!ctx.facts().knowsLocks()) {
            return List.of();
        }
        return ctx.timeline().order().stream().filter(m -> ctx.reports(m.source())).toList();
    }

    static void walk(RuleContext ctx, Check check) {
        Settings s = ctx.settings();
        for (Migration m : reported(ctx)) {
            SchemaTimeline t = ctx.timeline();
            List<Operation> up = m.upgrade();
            for (int i = 0; i < up.size(); i++) {
                check.check(new At(t, m, i, up.get(i), s), ctx);
            }
        }
    }
}
