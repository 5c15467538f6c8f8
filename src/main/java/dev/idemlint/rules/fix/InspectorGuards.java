package dev.idemlint.rules.fix;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.python.Expr;
import dev.idemlint.source.SourceFile;
import java.util.Locale;

/**
 * The inspector's conditions that an op call's column, index or named constraint is there (or is not), as the
 * guards of the add and drop fixes ask them, in the call's own spelling of its names.
 */
public final class InspectorGuards {
    private InspectorGuards() {
    }

    /** {@code "c" [not] in {c["name"] for c in insp.get_columns("t")}} for an op call's column. */
    public static String columnGuard(SourceFile file, Operation op, boolean present) {
        Expr.Call call = op.site().call();
        boolean batch = op.site().origin() == Origin.BATCH_OP;
        String table;
        String column;
        if (op instanceof Operation.AddColumn add) {
            table = batch ? CallRewriter.quoteOrNull(add.table())
                    : CallRewriter.expression(file, CallRewriter.argument(call, 0, "table_name"), add.table());
            column = add.column().name() == null ? null : CallRewriter.quote(add.column().name());
        } else if (op instanceof Operation.Drop d) {
            table = batch ? CallRewriter.quoteOrNull(d.table())
                    : CallRewriter.expression(file, CallRewriter.argument(call, 0, "table_name"), d.table());
            column = CallRewriter.expression(file, CallRewriter.argument(call, batch ? 0 : 1, "column_name"), d.name());
        } else {
            return null;
        }
        return GuardWrapper.named(column, "get_columns", table, GuardWrapper.schemaArg(file, call), present);
    }

    /**
     * {@code "ix" [not] in {i["name"] for i in insp.get_indexes("t")}} for create_index/drop_index calls. An index
     * on an expression ({@code [sa.text("lower(name)")]}) is asked of {@code to_regclass} instead: SQLAlchemy before
     * 2.0 leaves expression indexes out of {@code get_indexes} (with a warning), so that guard would never see it.
     */
    public static String indexGuard(SourceFile file, OpSite site, String name, String table, boolean present) {
        return indexGuard(file, site, name, table, present, false);
    }

    /** As {@link #indexGuard(SourceFile, OpSite, String, String, boolean)}; {@code postgres} allows to_regclass. */
    public static String indexGuard(SourceFile file, OpSite site, String name, String table, boolean present,
            boolean postgres) {
        Expr.Call call = site.call();
        boolean batch = site.origin() == Origin.BATCH_OP;
        String n = CallRewriter.expression(file, CallRewriter.argument(call, 0, "index_name"), name);
        String t = batch ? CallRewriter.quoteOrNull(table)
                : CallRewriter.expression(file, CallRewriter.argument(call, 1, "table_name"), table);
        if (n != null && n.startsWith("op.f(")) {
            n = CallRewriter.quoteOrNull(name);
        }
        if (postgres && byExpression(site) && name != null) {
            SourceLayout layout = SourceLayout.of(file);
            String sa = layout.sqlalchemyAlias() != null ? layout.sqlalchemyAlias() : layout.binds("sa") ? "sqlalchemy" : "sa";
            String opName = call.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name o ? o.id() : "op";
            return opName + ".get_bind().execute(" + sa + ".text(\"SELECT to_regclass(:name)\"), {\"name\": "
                    + CallRewriter.quote(name) + "}).scalar() is " + (present ? "not None" : "None");
        }
        return GuardWrapper.named(n, "get_indexes", t, GuardWrapper.schemaArg(file, call), present);
    }

    /**
     * An op call (not a batch) that indexes an expression, on the search path, under a name PostgreSQL keeps as
     * written (all lower case, so {@code to_regclass} finds it unquoted), given as a string or through {@code
     * op.f("...")} (a name the naming convention leaves as written).
     */
    public static boolean byExpression(OpSite site) {
        Expr.Call call = site.call();
        if (call == null || site.origin() == Origin.BATCH_OP || call.keyword("schema") != null) {
            return false;
        }
        Expr name = CallRewriter.argument(call, 0, "index_name");
        if (name instanceof Expr.Call f && f.func() instanceof Expr.Attribute a && a.attr().equals("f")
                && a.value() instanceof Expr.Name fo && call.func() instanceof Expr.Attribute c
                && c.value() instanceof Expr.Name co && fo.id().equals(co.id()) && f.args().size() == 1
                && f.positional(0) != null) {
            name = f.positional(0);
        }
        if (!(name instanceof Expr.Str s) || !s.isConstant()
                || !s.constantText().equals(s.constantText().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return CallRewriter.argument(call, 2, "columns") instanceof Expr.ListExpr l
                && l.elements().stream().anyMatch(e -> !(e instanceof Expr.Str));
    }

    /** The inspector method listing named constraints of {@code kind}, or null. */
    public static String guardMethod(ConstraintKind kind) {
        return switch (kind) {
            case FOREIGN_KEY -> "get_foreign_keys";
            case UNIQUE -> "get_unique_constraints";
            case CHECK -> "get_check_constraints";
            default -> null;
        };
    }

    /** The inspector method a guard on a constraint of {@code kind} calls: {@link #guardMethod}, or a primary key's. */
    public static String checkMethod(ConstraintKind kind) {
        return kind == ConstraintKind.PRIMARY_KEY ? "get_pk_constraint" : guardMethod(kind);
    }

    /**
     * The guard condition for a named constraint of an op call ({@code create_*} with
     * {@code present=false}, {@code drop_constraint} with {@code present=true}); null when the
     * inspector cannot tell (EXCLUDE, unknown kinds, unknown table). A {@code stored} name (the name PostgreSQL
     * stores, as a naming convention makes it) that is not null and differs from the name written is checked instead.
     */
    public static String constraintGuard(SourceFile file, OpSite site, ConstraintKind kind, String name, String table,
            boolean present, String stored) {
        Expr.Call call = site.call();
        boolean batch = site.origin() == Origin.BATCH_OP;
        String n = stored != null && !stored.equals(name) ? CallRewriter.quote(stored)
                : CallRewriter.expression(file, CallRewriter.argument(call, 0, "constraint_name"), name);
        String tableArg = call.keyword("source_table") != null ? "source_table" : "table_name";
        // a batch op's table is the block's: as the block writes it, which holds on every turn of a loop
        String written = batch ? GuardWrapper.batchTable(file, site) : null;
        String t = batch ? written != null ? written : CallRewriter.quoteOrNull(table)
                : CallRewriter.expression(file, CallRewriter.argument(call, 1, tableArg), table);
        String schema = GuardWrapper.schemaArg(file, call);
        if (call.keyword("source_schema") != null) {
            schema = ", schema=" + file.slice(call.keyword("source_schema").value().span());
        }
        if (n == null || t == null) {
            return null;
        }
        if (kind == ConstraintKind.PRIMARY_KEY) {
            // A table has one primary key, whatever its name: re-adding fails once any exists.
            return present ? GuardWrapper.INSPECTOR + ".get_pk_constraint(" + t + schema + ")[\"name\"] == " + n
                    : "not " + GuardWrapper.INSPECTOR + ".get_pk_constraint(" + t + schema + ")[\"constrained_columns\"]";
        }
        String method = guardMethod(kind);
        return method == null ? null : GuardWrapper.named(n, method, t, schema, present);
    }
}
