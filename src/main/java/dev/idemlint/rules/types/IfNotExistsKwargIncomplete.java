package dev.idemlint.rules.types;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.python.Expr;
import dev.idemlint.python.StmtParts;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.EnumRewriter;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.EnumTypeRef;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.schema.SchemaTimeline;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Flags what {@code create_table(if_not_exists=True)} / {@code add_column(if_not_exists=True)} still
 * emit without IF NOT EXISTS: an enum's CREATE TYPE, an {@code index=True} CREATE INDEX, a named
 * foreign key's ADD CONSTRAINT.
 */
public final class IfNotExistsKwargIncomplete implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        Settings s = ctx.settings();
        List<Operation> ops = m.upgrade();
        // Alembic's per-context memo: an enum name a create_table of this revision already emitted is not emitted again.
        Set<String> typesEmitted = new HashSet<>();
        for (Operation op : ops) {
            boolean opCall = op.site().origin().alembicOp();
            if (op instanceof Operation.CreateTable ct && opCall) {
                boolean check = ct.ifNotExists() && s.tableIfExistsSupported() && !GuardMatch.guarded(m, op);
                for (ColumnDef c : ct.columns()) {
                    EnumTypeRef e = c.enumType();
                    boolean createsType = e != null && e.name() != null && e.createdWithTable(s);
                    // MySQL and MariaDB have no CREATE TYPE: the enum is written into the column
                    if (createsType && typesEmitted.add(e.name()) && check && ctx.facts().namedTypes()) {
                        ctx.report(m.source(), SchemaTimeline.within(e.span(), op.site().span()),
                                "Re-running this revision fails with " + SqlState.DUPLICATE_OBJECT.label()
                                        + " because `if_not_exists=True` does not cover CREATE TYPE \"" + e.name()
                                        + "\".")
                                .help("`create_table(if_not_exists=True)` skips an existing table but still emits a"
                                        + " plain CREATE TYPE for this column. Create the type separately with `postgresql.ENUM(..., name=\"" + e.name()
                                        + "\").create(op.get_bind(), checkfirst=True)` and give the column"
                                        + " `postgresql.ENUM(..., name=\"" + e.name() + "\", create_type=False)`.")
                                .fixes(enumFixes(m, op, e))
                                .emit();
                    }
                    if (c.index() && c.name() != null && check) {
                        reportIndex(m, op, c, ct.table(), "create_table", ctx);
                    }
                }
            } else if (op instanceof Operation.AddColumn ac && opCall && ac.ifNotExists()
                    && s.columnIfExistsSupported() && !GuardMatch.guarded(m, op)) {
                ColumnDef c = ac.column();
                if (c.index() && c.name() != null) {
                    reportIndex(m, op, c, ac.table(), "add_column", ctx);
                }
                if (c.foreignKeyName() != null) {
                    reportForeignKey(m, ac, c, ctx);
                }
            }
        }
    }

    /**
     * Display-only: the type created on its own with {@code checkfirst=True}, the column reusing it.
     * Not applied: the new statement and the column change go together, and offline ({@code --sql})
     * runs cannot check first.
     */
    private static List<Fix> enumFixes(Migration m, Operation op, EnumTypeRef e) {
        Expr.Call call = StmtParts.callAt(op.site().call(), e.span());
        EnumRewriter.Rewrite rw = call == null ? null : EnumRewriter.reuseExisting(m.source(), call, e.postgresqlDialect());
        String create = call == null ? null : EnumRewriter.createFirst(m.source(), call, CallRewriter.opName(op.site()));
        if (rw == null || create == null) {
            return List.of();
        }
        return List.of(Fix.displayOnly("Create type \"" + e.name() + "\" first and reuse it", create
                + "  # before create_table\n" + rw.shown()));
    }

    /**
     * The foreign key of a column added with {@code if_not_exists=True}: a second one of the name fails with the
     * server's duplicate ({@link ServerFacts#duplicate}); the remedy is a DO block where the server runs one,
     * else an inspector guard (MySQL 8.0 has no IF NOT EXISTS on a constraint).
     */
    private static void reportForeignKey(Migration m, Operation.AddColumn op, ColumnDef c, RuleContext ctx) {
        ServerFacts facts = ctx.facts();
        String table = op.table() == null ? "..." : op.table();
        String column = c.name() == null ? "..." : c.name();
        RuleContext.Builder report = ctx.report(m.source(), SchemaTimeline.within(c.span(), op.site().span()),
                "Re-running this revision fails with " + facts.duplicate(ObjectKind.CONSTRAINT, ConstraintKind.FOREIGN_KEY)
                        .label() + " because `if_not_exists=True` does not cover foreign key \"" + c.foreignKeyName() + "\".");
        if (!facts.doBlocks()) {
            report.help("`add_column(if_not_exists=True)` skips an existing column but still emits a plain ADD CONSTRAINT"
                    + " for its foreign key. Declare the column without the named `ForeignKey` and create the"
                    + " constraint with `op.create_foreign_key` under `if \"" + c.foreignKeyName()
                    + "\" not in {fk[\"name\"] for fk in sa.inspect(op.get_bind()).get_foreign_keys(\"" + table
                    + "\")}:`.").emit();
            return;
        }
        report.help("`add_column(if_not_exists=True)` skips an existing column but still emits a plain"
                        + " ADD CONSTRAINT for its foreign key. Declare the column without the named `ForeignKey` and add the constraint in a `DO $$"
                        + " BEGIN ALTER TABLE ... ADD CONSTRAINT ...; EXCEPTION WHEN duplicate_object THEN"
                        + " null; END $$` block.")
                .fix(Fix.displayOnly("Add the foreign key in its own guarded statement",
                        "sa.Column(\"" + column + "\", ...)  # without"
                                + " the named ForeignKey\nop.execute(\"DO $$ BEGIN ALTER TABLE "
                                + table + " ADD CONSTRAINT "
                                + c.foreignKeyName() + " FOREIGN KEY (" + column
                                + ") REFERENCES ...; EXCEPTION WHEN duplicate_object THEN null; END $$\")"))
                .emit();
    }

    private static void reportIndex(Migration m, Operation op, ColumnDef c, String table, String call,
            RuleContext ctx) {
        String index = table == null ? "its index" : "index \"ix_" + table + "_" + c.name() + "\"";
        Settings s = ctx.settings();
        String failure = ctx.facts().duplicate(ObjectKind.INDEX, null).label();
        ctx.report(m.source(), SchemaTimeline.within(c.span(), op.site().span()), "Re-running this revision"
                + " fails with " + failure + " because `if_not_exists=True` does not cover "
                + index + " of column \"" + c.name() + "\".")
                .help("`" + call + "(if_not_exists=True)` still emits a plain CREATE INDEX for the `index=True`"
                        + " column. Drop `index=True` and create the index with `op.create_index(..., if_not_exists=True)`.")
                .fix(Fix.displayOnly("Create the index with its own `op.create_index(..., if_not_exists=True)`",
                        "sa.Column(\"" + c.name() + "\", ...)  # without index=True\n" + CallRewriter.opName(op.site())
                                + ".create_index(\"ix_" + (table == null ? "..." : table + "_" + c.name()) + "\", \""
                                + (table == null ? "..." : table) + "\", [\"" + c.name() + "\"]"
                                + (c.unique() ? ", unique=True" : "") + ", if_not_exists=True)  # after " + call))
                .emit();
    }
}
