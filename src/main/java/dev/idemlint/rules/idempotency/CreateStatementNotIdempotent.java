package dev.idemlint.rules.idempotency;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.DialectFixes;
import dev.idemlint.rules.GoneTable;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Flags a raw {@code CREATE} of any kind {@link PostgresFacts} knows (sequence, schema, view, function,
 * trigger, policy, statistics, publication, ...) written without {@code IF NOT EXISTS} or {@code OR REPLACE}.
 */
public final class CreateStatementNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        // statements of a SQL file read whole share the place of the call that runs it: two overloads of a
        // function there ("f" twice) would be one finding twice
        Set<String> reported = new HashSet<>();
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.CreateObject c) || GuardMatch.guarded(m, op)
                    || GoneTable.reported(m, ctx, op, null) || c.ifNotExists() || c.orReplace()
                    || c.kind() == ObjectKind.TYPE || c.kind() == ObjectKind.DOMAIN || c.kind() == ObjectKind.OTHER) {
                continue;
            }
            String what = RerunScenario.describe(c.kind(), c.name(), c.table());
            ServerFacts facts = ctx.facts();
            ServerFacts.Raised duplicate = facts.duplicate(c.kind(), null);
            if (facts.tolerates(op.site(), duplicate)) {
                continue;
            }
            List<Fix> written = fixes(c, m.source(), ctx.settings().postgresMajor());
            List<Fix> fixes = DialectFixes.portable(written, facts, c.kind());
            String remedy = c.site().origin() == Origin.DDL_ELEMENT && c.kind() == ObjectKind.SEQUENCE
                    ? "Pass `if_not_exists=True` to `CreateSequence` (SQLAlchemy 2.0+), or execute"
                            + " `CREATE SEQUENCE IF NOT EXISTS ...` instead."
                    : c.site().origin() != Origin.OP_CALL ? remedy(facts, c.kind(), ctx.settings().postgresMajor())
                    : c.kind() == ObjectKind.EXTENSION
                    // alembic_utils' PGExtension has no replace (NotImplementedError)
                    ? "alembic_utils' `op.create_entity` issues a plain CREATE EXTENSION: write"
                            + " `op.execute('CREATE EXTENSION IF NOT EXISTS ...')` instead, or guard the call."
                    : "alembic_utils' `op.create_entity` issues a plain CREATE: use `op.replace_entity(...)`,"
                            + " which issues CREATE OR REPLACE (views, functions, triggers), or guard the call.";
            String message = facts.alreadyExists(duplicate, what, "", op.site());
            if (!reported.add(op.site().span() + "\u0000" + message)) {
                continue;
            }
            ctx.report(m.source(), op.site(), message)
                    .help(facts.rerunWhy(op.site(), duplicate) + remedy
                            + (fixes.isEmpty() && !written.isEmpty() ? DialectFixes.noFix(facts) : ""))
                    .fixes(fixes).emit();
        }
    }

    /**
     * The remedy of a raw CREATE: where the server runs DO blocks (PostgreSQL), its facts table's clause, with the
     * release that brought it, or the DO block; elsewhere the server's own clause, or a drop first.
     */
    static String remedy(ServerFacts facts, ObjectKind kind, int pgMajor) {
        if (facts.doBlocks()) {
            return remedy(kind, pgMajor);
        }
        String server = facts.server();
        return !facts.has(kind) ? server + " has no such object."
                : facts.orReplace(kind) ? "Write `CREATE OR REPLACE`."
                : facts.ifNotExists(kind) ? "Write `CREATE ... IF NOT EXISTS`."
                : server + " has no `IF NOT EXISTS` for it: drop it `IF EXISTS` first, or guard it in Python.";
    }

    /**
     * {@code IF NOT EXISTS} where PostgreSQL has it, {@code OR REPLACE} where it has that instead (the
     * statement then defines the object as this revision did, which on a fresh database is the same
     * thing), and a DO block catching the duplicate's condition for the rest ({@link PostgresFacts}).
     * All SAFE. {@code CREATE DATABASE} and {@code CREATE SUBSCRIPTION} cannot run inside a function,
     * so they get no DO block.
     */
    static List<Fix> fixes(Operation.CreateObject c, SourceFile file, int pgMajor) {
        List<Fix> out = new ArrayList<>();
        SqlRewriter r = SqlRewriter.of(c.site(), file);
        if (r == null) {
            return out;
        }
        PostgresFacts.Row row = PostgresFacts.of(c.kind());
        if (row.ifNotExists(pgMajor)) {
            int at = r.afterCreateNoun(c.kind().sql(), false);
            // CREATE SCHEMA IF NOT EXISTS may not carry schema elements (CREATE TABLE ... inside it).
            boolean elements = c.kind() == ObjectKind.SCHEMA && r.find(at + 1, "CREATE") >= 0;
            if (at >= 0 && !elements) {
                out.add(r.insertAfter(at, r.cased("IF NOT EXISTS"), "Add `IF NOT EXISTS`"));
            }
        } else if (orReplace(row, r, pgMajor)) {
            out.add(r.insertAfter(0, r.cased("OR REPLACE"), "Add `OR REPLACE`"));
        } else if (c.kind() != ObjectKind.DATABASE && c.kind() != ObjectKind.SUBSCRIPTION) {
            out.add(r.wrapInDoBlock(row.condition(), -1, -1, "Wrap in a `DO` block catching `" + row.condition() + "`"));
        }
        Fix.dropMissing(out);
        return out;
    }

    /** OR REPLACE where the server has it for the kind; never for a constraint trigger. */
    private static boolean orReplace(PostgresFacts.Row row, SqlRewriter r, int pgMajor) {
        return row.orReplace(pgMajor) && !r.at(1, "CONSTRAINT");
    }

    static String remedy(ObjectKind kind, int pgMajor) {
        PostgresFacts.Row row = PostgresFacts.of(kind);
        String doBlock = "wrap it in `DO $$ BEGIN ...; EXCEPTION WHEN " + row.condition() + " THEN null; END $$`";
        if (row.ifNotExists(pgMajor)) {
            return "Write `CREATE " + row.noun() + " IF NOT EXISTS`" + since(row.ifNotExistsFrom()) + ".";
        }
        if (row.orReplace(pgMajor)) {
            return kind == ObjectKind.TRIGGER
                    ? "Write `CREATE OR REPLACE TRIGGER` (PostgreSQL 14+), or `DROP TRIGGER IF EXISTS` first."
                    : "Write `CREATE OR REPLACE " + row.noun() + "`" + since(row.orReplaceFrom()) + ".";
        }
        String missing = row.ifNotExistsFrom() != PostgresFacts.NEVER
                ? "PostgreSQL " + pgMajor + " has no `CREATE " + row.noun() + " IF NOT EXISTS` (it arrived in "
                        + row.ifNotExistsFrom() + ")"
                : row.orReplaceFrom() != PostgresFacts.NEVER
                        ? "PostgreSQL " + pgMajor + " has no `CREATE OR REPLACE " + row.noun() + "` (it arrived in "
                                + row.orReplaceFrom() + ")"
                        : "PostgreSQL has no `CREATE " + row.noun() + " IF NOT EXISTS`";
        return switch (kind) {
            case TRIGGER, POLICY -> missing + ": write `DROP " + row.noun() + " IF EXISTS ... ON ...;` before it, or "
                    + doBlock + ".";
            case DATABASE, SUBSCRIPTION -> missing + ", and it cannot run inside a DO block: guard it in Python"
                    + " with a catalog query.";
            default -> missing + ": " + doBlock + ".";
        };
    }

    /** " (PostgreSQL 12+)" for a clause newer than every supported release. */
    private static String since(int major) {
        return major > 9 ? " (PostgreSQL " + major + "+)" : "";
    }
}
