package dev.idemlint.rules.types;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Flags a DO block whose EXCEPTION handler does not catch the error a duplicate of its statement raises. */
public final class DoBlockWrongException implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        if (!ctx.facts().doBlocks()) {
            return; // a DO block with EXCEPTION handlers is PL/pgSQL: MySQL and MariaDB have none
        }
        for (Operation op : m.upgrade()) {
            Guard g = op.site().guard();
            if (g == null || g.kind() != GuardKind.DO_BLOCK_EXCEPTION || g.conditions().isEmpty()) {
                continue;
            }
            SqlState needed = raised(op);
            if (needed == null || g.catches(needed.condition())) {
                continue;
            }
            String caught = String.join(", ", new TreeSet<>(g.conditions()));
            ctx.report(m.source(), op.site(), "Re-running this revision fails with " + needed.label()
                    + " from " + what(op) + ", which the DO block does not catch.")
                    .help("The DO block catches only " + caught + ". Catch `" + needed.condition() + "` too: `EXCEPTION WHEN " + alternatives(g, needed)
                            + " THEN null;`.")
                    .fixes(fixes(op, needed, m.source()))
                    .emit();
        }
    }

    /**
     * The missing condition added to the block's own handler, inside the same string: SAFE, since a
     * handler that swallows one duplicate error now swallows the one this statement really raises.
     */
    static List<Fix> fixes(Operation op, SqlState needed, SourceFile file) {
        List<Fix> out = new ArrayList<>();
        SqlRewriter r = SqlRewriter.of(op.site(), file);
        if (r != null) {
            out.add(r.addHandlerCondition(needed.condition(), "Catch `" + needed.condition() + "` too"));
        }
        Fix.dropMissing(out);
        return out;
    }

    private static String alternatives(Guard g, SqlState needed) {
        Set<String> all = new TreeSet<>(g.conditions());
        all.add(needed.condition());
        return String.join(" OR ", all);
    }

    /** What PostgreSQL raises when the statement meets its own object; null when it never does or we do not know. */
    static SqlState raised(Operation op) {
        if (op instanceof Operation.AddConstraint c && !c.ifNotExists()) {
            if (c.kind() == ConstraintKind.UNKNOWN) {
                return null;
            }
            if (c.kind() == ConstraintKind.PRIMARY_KEY) {
                return PostgresFacts.duplicate(c.kind()); // "multiple primary keys" comes before the name
            }
            if (c.name() == null) {
                return null; // PostgreSQL picks a fresh name for an unnamed constraint
            }
            return PostgresFacts.duplicate(c.kind());
        }
        if (op instanceof Operation.CreateIndex i) {
            return i.ifNotExists() || i.name() == null ? null : PostgresFacts.duplicate(ObjectKind.INDEX);
        }
        if (op instanceof Operation.CreateTable t) {
            return t.ifNotExists() ? null : PostgresFacts.duplicate(ObjectKind.TABLE);
        }
        if (op instanceof Operation.AddColumn a) {
            return a.ifNotExists() ? null : PostgresFacts.duplicate(ObjectKind.COLUMN);
        }
        if (op instanceof Operation.CreateEnumType e) {
            return e.ifNotExists() ? null : PostgresFacts.duplicate(ObjectKind.TYPE);
        }
        if (op instanceof Operation.CreateObject o && !o.ifNotExists() && !o.orReplace()) {
            return o.kind() == ObjectKind.OTHER ? null : PostgresFacts.duplicate(o.kind());
        }
        return null;
    }

    private static String what(Operation op) {
        if (op instanceof Operation.AddConstraint c) {
            String kind = c.kind() == ConstraintKind.PRIMARY_KEY ? "PRIMARY KEY"
                    : c.kind() == ConstraintKind.FOREIGN_KEY ? "FOREIGN KEY" : c.kind().name();
            return "this ADD CONSTRAINT ... " + kind;
        }
        if (op instanceof Operation.CreateIndex) {
            return "this CREATE INDEX";
        }
        if (op instanceof Operation.CreateTable) {
            return "this CREATE TABLE";
        }
        if (op instanceof Operation.AddColumn) {
            return "this ADD COLUMN";
        }
        if (op instanceof Operation.CreateEnumType) {
            return "this CREATE TYPE";
        }
        if (op instanceof Operation.CreateObject o) {
            return "this CREATE " + (o.kind() == ObjectKind.OTHER ? "statement" : o.kind().sql().toUpperCase(Locale.ROOT));
        }
        return "this statement";
    }
}
