package dev.idemlint.rules.idempotency;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.EnumTypeRef;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.python.Expr;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.CreateFixes;
import dev.idemlint.rules.fix.GuardWrapper;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.source.SourceFile;
import java.util.List;

/** Flags {@code create_table} / {@code CREATE TABLE} that fails with DuplicateTable when re-run. */
public final class CreateTableNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.CreateTable t) || GuardMatch.guarded(m, op)) {
                continue;
            }
            if (t.site().origin() == Origin.SQLALCHEMY_DDL && t.ifNotExists()) {
                continue; // Table.create(bind, checkfirst=True)
            }
            if (t.compiledTolerant()) {
                continue; // the revision's @compiles(CreateTable) hook renders it IF NOT EXISTS
            }
            boolean kwarg = t.site().origin().alembicOp();
            boolean supported = !kwarg || ctx.settings().tableIfExistsSupported();
            if (t.ifNotExists() && supported) {
                continue;
            }
            // SQLAlchemy emits CREATE TYPE for a native enum column before CREATE TABLE, so the
            // re-run stops there, with 42710, before it reaches the table.
            // MySQL and MariaDB have no enum types: an ENUM column is part of the table
            String enumType = kwarg && ctx.facts().namedTypes() ? firstCreatedEnumType(t, ctx.settings())
                    : null;
            String renamedTo = enumType == null && explicitIndexName(t) != null
                    ? renamedLater(m, op, t.table()) : null;
            String what = enumType != null
                    ? RerunScenario.describe(ObjectKind.TYPE, enumType, null) + " (of an enum column)"
                    : renamedTo != null
                            // a swapped-in table keeps its key index names (items_new_pkey) under its new name
                            ? "index \"" + explicitIndexName(t)
                                    + "\", kept by the table renamed to \"" + renamedTo + "\","
                            : RerunScenario.describe(ObjectKind.TABLE, t.table(), null);
            String ignored = t.ifNotExists() ? " (`if_not_exists=True` is ignored)" : "";
            String why = t.ifNotExists() ? "Alembic " + ctx.settings().alembic() + " ignores `if_not_exists=True`"
                    + " on create_table; it arrived in 1.13.3. " : "";
            String help;
            if (t.site().origin() == Origin.SQLALCHEMY_DDL) {
                help = "Pass `checkfirst=True` to `.create(...)`.";
            } else if (!kwarg) {
                help = "Write `CREATE TABLE IF NOT EXISTS`.";
            } else {
                String guard = "guard the call: `if not sa.inspect(op.get_bind()).has_table(\""
                        + RerunScenario.nameOr(t.table()) + "\"):`";
                help = ctx.settings().tableIfExistsSupported()
                        ? "Pass `if_not_exists=True` (Alembic 1.13.3+; it does not cover enum types or index=True"
                                + " columns), or " + guard + "."
                        : "Upgrade to Alembic 1.13.3+ for `if_not_exists=True`, or " + guard + ".";
            }
            // CREATE TABLE IF NOT EXISTS and the has_table guard are valid on every server
            ServerFacts facts = ctx.facts();
            ServerFacts.Raised duplicate = facts.duplicate(enumType != null ? ObjectKind.TYPE : ObjectKind.TABLE, null);
            if (facts.tolerates(op.site(), duplicate)) {
                continue;
            }
            // the kept index names clash only where an index's name is the schema's
            boolean keptIndexes = renamedTo != null && facts.indexNamesPerSchema();
            ctx.report(m.source(), op.site(), facts.alreadyExists(duplicate, what, ignored, op.site()))
                    .help(facts.rerunWhy(op.site(), duplicate) + why + (keptIndexes ? "A check on the table name"
                            + " does not help: rename the kept indexes and constraints when the table is swapped in"
                            + " (`ALTER INDEX"
                            + " ... RENAME TO ...`), or drop the old table before creating the new one." : help))
                    .fixes(keptIndexes ? List.of() : fixes(t, m.source(), ctx.settings()))
                    .emit();
        }
    }

    /** The name a later statement of the revision renames {@code table} to, or null. */
    private static String renamedLater(Migration m, Operation op, String table) {
        List<Operation> ops = m.upgrade();
        for (int i = ops.indexOf(op) + 1; i > 0 && i < ops.size(); i++) {
            if (ops.get(i) instanceof Operation.Rename r && r.kind() == ObjectKind.TABLE && table != null
                    && table.equals(r.from())) {
                return r.to();
            }
        }
        return null;
    }

    /**
     * The first index name {@code ct} gives explicitly, which PostgreSQL does not change when the name is
     * taken: a named primary key or unique constraint, or SQLAlchemy's {@code ix_<table>_<column>} for an
     * {@code index=True} column; null when there is none (an unnamed key's index gets a free name). Names
     * the index in the message only: whether the creation fails is the re-run check's
     * ({@code schema/RerunSimulation}, which finds the swapped-in table still holding the name).
     */
    static String explicitIndexName(Operation.CreateTable ct) {
        for (Operation.NamedConstraint nc : ct.constraints()) {
            if ((nc.kind() == ConstraintKind.PRIMARY_KEY || nc.kind() == ConstraintKind.UNIQUE) && nc.name() != null) {
                return nc.name();
            }
        }
        for (ColumnDef c : ct.columns()) {
            if (c.index() && c.name() != null) {
                return "ix_" + ct.table() + "_" + c.name();
            }
        }
        return null;
    }

    /**
     * Raw SQL: {@code CREATE TABLE IF NOT EXISTS}. Op calls: {@code if_not_exists=True} when Alembic
     * has it and create_table emits nothing else (it creates enum types and the indexes of
     * {@code index=True} columns and {@code sa.Index} arguments in statements of their own, which the
     * keyword does not cover); else {@code if not inspector.has_table(...)}.
     */
    static List<Fix> fixes(Operation.CreateTable t, SourceFile file, Settings s) {
        OpSite site = t.site();
        Expr.Call call = site.call();
        if (!CreateFixes.isOpCall(site)) {
            return CreateFixes.of(site, file, "TABLE", false);
        }
        Expr table = CallRewriter.argument(call, 0, "table_name");
        return CreateFixes.opCall(s.tableIfExistsSupported() && !t.ifNotExists() && !emitsMore(t, call, s)
                        ? CallRewriter.passTrueFix(file, site, "if_not_exists") : null,
                GuardWrapper.wrap(file, site, GuardWrapper.hasTable(CallRewriter.expression(file, table, t.table()),
                        GuardWrapper.schemaArg(file, call), false), GuardWrapper.title("has_table"), List.of(),
                        GuardWrapper.fromSource(file, call, table)), s);
    }

    /** The name of the first enum type this create_table makes SQLAlchemy create, or null. */
    static String firstCreatedEnumType(Operation.CreateTable t, Settings s) {
        for (ColumnDef c : t.columns()) {
            EnumTypeRef e = c.enumType();
            if (e != null && e.createdWithTable(s) && e.name() != null) {
                return e.name();
            }
        }
        return null;
    }

    /** True when create_table also creates enum types or indexes, or its columns are not all visible. */
    static boolean emitsMore(Operation.CreateTable t, Expr.Call call, Settings s) {
        if (call.hasStarArgs()) {
            return true;
        }
        for (ColumnDef c : t.columns()) {
            EnumTypeRef e = c.enumType();
            if (c.index() || e != null && e.createdWithTable(s)) {
                return true;
            }
        }
        for (var a : call.args()) {
            if (a.keyword() == null && a.value() instanceof Expr.Call c && c.func() != null
                    && (c.func() instanceof Expr.Attribute at && at.attr().equals("Index")
                    || c.func() instanceof Expr.Name n && n.id().equals("Index"))) {
                return true;
            }
        }
        return false;
    }
}
