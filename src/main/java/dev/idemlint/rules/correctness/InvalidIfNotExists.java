package dev.idemlint.rules.correctness;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.SqlState;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Flags {@code IF NOT EXISTS} written where PostgreSQL has none: a syntax error on the first run. */
public final class InvalidIfNotExists implements MigrationRule {
    /** CREATE forms that accept IF NOT EXISTS in PostgreSQL. */
    private static final Set<ObjectKind> ACCEPTS = EnumSet.of(ObjectKind.TABLE, ObjectKind.INDEX,
            ObjectKind.SEQUENCE, ObjectKind.SCHEMA, ObjectKind.EXTENSION, ObjectKind.MATERIALIZED_VIEW,
            ObjectKind.COLLATION, ObjectKind.COLUMN);

    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.operations()) {
            if (op.site().origin() != Origin.RAW_SQL) {
                continue;
            }
            String what = null;
            String remedy = null;
            if (op instanceof Operation.AddConstraint c && c.ifNotExists()) {
                what = "ADD CONSTRAINT IF NOT EXISTS";
                remedy = "wrap `ADD CONSTRAINT` in `DO $$ BEGIN ...; EXCEPTION WHEN "
                        + (c.kind().indexBacked() ? "duplicate_table" : "duplicate_object") + " THEN null; END $$`";
            } else if (op instanceof Operation.CreateEnumType t && t.ifNotExists()) {
                what = "CREATE TYPE IF NOT EXISTS";
                remedy = "wrap `CREATE TYPE` in `DO $$ BEGIN ...; EXCEPTION WHEN duplicate_object THEN null; END $$`";
            } else if (op instanceof Operation.CreateObject c && c.ifNotExists() && !ACCEPTS.contains(c.kind())) {
                String noun = c.kind().sql().toUpperCase(Locale.ROOT);
                what = "CREATE " + noun + " IF NOT EXISTS";
                remedy = c.kind() == ObjectKind.VIEW || c.kind() == ObjectKind.FUNCTION
                        || c.kind() == ObjectKind.PROCEDURE
                        ? "write `CREATE OR REPLACE " + noun + "`"
                        : "wrap it in `DO $$ BEGIN ...; EXCEPTION WHEN duplicate_object THEN null; END $$`";
            }
            if (what != null) {
                ctx.report(m.source(), op.site().span(), "This statement fails on its first run with "
                        + SqlState.SYNTAX_ERROR.label() + ": PostgreSQL has no `" + what + "`.")
                        .help("Remove `IF NOT EXISTS` and " + remedy + ".").emit();
            }
        }
    }
}
