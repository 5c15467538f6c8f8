package dev.idemlint.rules.correctness;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Flags {@code IF NOT EXISTS} written where PostgreSQL has none: a syntax error on the first run. */
public final class InvalidIfNotExists implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.operations()) {
            if (op.site().origin() != Origin.RAW_SQL || !ctx.facts().rejectsIfNotExists(op)) {
                continue;
            }
            String what = null;
            String remedy = null;
            if (op instanceof Operation.AddConstraint c && c.ifNotExists()) {
                what = "ADD CONSTRAINT IF NOT EXISTS";
                remedy = "wrap `ADD CONSTRAINT` in `DO $$ BEGIN ...; EXCEPTION WHEN "
                        + PostgresFacts.duplicateConditions(c.kind()) + " THEN null; END $$`";
            } else if (op instanceof Operation.CreateEnumType t && t.ifNotExists()) {
                what = "CREATE TYPE IF NOT EXISTS";
                remedy = "wrap `CREATE TYPE` in `DO $$ BEGIN ...; EXCEPTION WHEN "
                        + PostgresFacts.of(ObjectKind.TYPE).condition() + " THEN null; END $$`";
            } else if (op instanceof Operation.CreateObject c && c.ifNotExists() && c.kind() != ObjectKind.OTHER
                    && !PostgresFacts.of(c.kind()).ifNotExists(ctx.settings().postgresMajor())) {
                PostgresFacts.Row row = PostgresFacts.of(c.kind());
                what = "CREATE " + row.noun() + " IF NOT EXISTS";
                remedy = row.orReplace(ctx.settings().postgresMajor())
                        ? "write `CREATE OR REPLACE " + row.noun() + "`"
                        : "wrap it in `DO $$ BEGIN ...; EXCEPTION WHEN " + row.condition() + " THEN null; END $$`";
            }
            if (what != null) {
                ctx.report(m.source(), op.site(), "This statement fails on its first run with "
                        + SqlState.SYNTAX_ERROR.label() + ": PostgreSQL has no `" + what + "`.")
                        .help("Remove `IF NOT EXISTS` and " + remedy + ".")
                        .fixes(fixes(op, m.source(), ctx.settings().postgresMajor())).emit();
            }
        }
    }

    /**
     * Removes the invalid {@code IF NOT EXISTS}; views, functions, procedures and rules (and triggers
     * and aggregates where the server has it) get {@code OR REPLACE} instead, the rest a DO block that
     * catches what a duplicate raises. SAFE: the statement then runs on the first try as intended.
     */
    static List<Fix> fixes(Operation op, SourceFile file, int pgMajor) {
        List<Fix> out = new ArrayList<>();
        SqlRewriter r = SqlRewriter.of(op.site(), file);
        int ine = -1;
        for (int i = 1; r != null && i + 2 < r.tokens().size() && ine < 0; i++) {
            if (r.at(i, "IF", "NOT", "EXISTS")) {
                ine = i;
            }
        }
        if (ine < 0) {
            return out;
        }
        String conditions;
        if (op instanceof Operation.AddConstraint c) {
            conditions = PostgresFacts.duplicateConditions(c.kind());
        } else if (op instanceof Operation.CreateObject c) {
            // OR REPLACE is not allowed for constraint triggers.
            boolean replace = PostgresFacts.of(c.kind()).orReplace(pgMajor) && !r.at(1, "CONSTRAINT");
            if (replace && r.at(0, "CREATE")) {
                out.add(r.removeAndInsert(ine, ine + 2, 0, r.cased("OR REPLACE"),
                        "Replace `IF NOT EXISTS` with `OR REPLACE`"));
                return out;
            }
            conditions = PostgresFacts.of(c.kind()).condition();
        } else {
            conditions = PostgresFacts.of(ObjectKind.TYPE).condition();
        }
        out.add(r.wrapInDoBlock(conditions, ine, ine + 2,
                "Remove `IF NOT EXISTS` and wrap in a `DO` block catching `" + conditions + "`"));
        Fix.dropMissing(out);
        return out;
    }
}
