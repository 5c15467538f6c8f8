package dev.idemlint.rules.types;

import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.Version;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.EnumTypeRef;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.SqlState;
import dev.idemlint.python.Expr;
import dev.idemlint.python.StmtParts;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.EnumRewriter;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Flags {@code op.add_column} with an enum column whose type no earlier revision on the path creates. */
public final class EnumTypeMissing implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        if (!ctx.facts().namedTypes()) {
            return; // an ENUM in its column: no CREATE TYPE is emitted
        }
        SchemaTimeline t = ctx.timeline();
        Settings s = ctx.settings();
        for (Migration m : t.order()) {
            checkRevision(m, t, s, ctx);
        }
    }

    private void checkRevision(Migration m, SchemaTimeline t, Settings s, RuleContext ctx) {
        if (!t.complete(m)) {
            return; // a partial tree: what came before the first file is unknown
        }
        List<Operation> ops = m.upgrade();
        for (int i = 0; i < ops.size(); i++) {
            if (!(ops.get(i) instanceof Operation.AddColumn ac) || ac.site().origin() == Origin.RAW_SQL) {
                continue;
            }
            EnumTypeRef e = ac.column().enumType();
            if (e == null || e.name() == null || !e.nativeEnum() || !runsOnFirstRun(ac, t, m, i, s)) {
                continue;
            }
            // sa.Enum does not take the table's schema: the type is named bare
            ObjectRef key = ObjectRef.of(ObjectKind.TYPE, QualifiedName.of(e.name()));
            // a chain started on a database made some other way (metadata.create_all()) may well hold what no
            // revision creates; asked of a candidate only, as the answer replays the whole tree
            if (t.startsFromExistingSchema(s) || t.existing(key, m, i, maybe(s)) != null
                    || t.opaqueBefore(m, i, ObjectKind.TYPE) || elsewhere(t, key, m)) {
                continue;
            }
            ctx.report(m.source(), SchemaTimeline.within(e.span(), ac.site().span()), "This `add_column` fails"
                    + " with " + SqlState.UNDEFINED_OBJECT.label() + " on the first run because no earlier revision"
                    + " creates type \"" + e.name() + "\".")
                    .help("`add_column` never emits CREATE TYPE, and no earlier revision on this path creates the"
                            + " type. Create the type before the column: `postgresql.ENUM(..., name=\"" + e.name()
                            + "\").create(op.get_bind(), checkfirst=True)`, and give the column `postgresql.ENUM(...,"
                            + " name=\"" + e.name() + "\", create_type=False)`.")
                    .fixes(fixes(m.source(), ac, e))
                    .emit();
        }
    }

    /**
     * True when the add_column surely runs on a chain applied from an empty database: unconditionally,
     * or under a check of the column itself ({@code if "c" not in get_columns("t"):}) that passes
     * there because no revision on the path created the column.
     */
    private static boolean runsOnFirstRun(Operation.AddColumn ac, SchemaTimeline t, Migration m, int i, Settings s) {
        OpSite site = ac.site();
        if (m.verdicts().definite(ac)) {
            return true;
        }
        Guard g = site.guard();
        String column = ac.column().name();
        return g != null && column != null
                && (g.kind() == GuardKind.INSPECTOR
                        || g.kind() == GuardKind.HELPER)
                && g.skipsWhilePresent(x -> x.kind() == ObjectKind.COLUMN
                        && column.equalsIgnoreCase(x.name()))
                && t.existing(Effects.ref(ac, ObjectKind.COLUMN, ac.table(), column), m, i, s) == null;
    }

    /**
     * The type created first with {@code .create(op.get_bind(), checkfirst=True)} on a line of its own
     * before the statement, then the column reusing it ({@code postgresql.ENUM(..., create_type=False)});
     * for a column whose type is a variable, {@code <variable>.create(...)}. UNSAFE: the revision failed on
     * its first run, so there is no schema to keep; the fix creates the type the column declares, with
     * its labels, and a re-run finds it there. Display-only when the statement is not a plain op call on
     * a line of its own (a helper, a loop, a shared line).
     */
    static List<Fix> fixes(SourceFile file, Operation.AddColumn ac, EnumTypeRef e) {
        Expr.Call call = StmtParts.callAt(ac.site().call(), e.span());
        String title = "Create type \"" + e.name() + "\" before the column";
        String opName = CallRewriter.opName(ac.site());
        if (call == null) {
            // the column's type is a name bound earlier: `sa.Column("c", escalation)`
            Expr column = ac.site().call() == null ? null : CallRewriter.argument(ac.site().call(),
                    ac.site().origin() == Origin.BATCH_OP ? 0 : 1, "column");
            if (!(column instanceof Expr.Call col && col.positional(1) instanceof Expr.Name n)) {
                return List.of();
            }
            String variable = n.id();
            String create = variable + ".create(" + opName + ".get_bind(), checkfirst=True)";
            TextEdit before = EnumRewriter.insertBefore(file, ac.site(), create);
            return List.of(before == null ? Fix.displayOnly(title, create)
                    : Fix.of(title, Applicability.UNSAFE, List.of(before)));
        }
        EnumRewriter.Rewrite rw = EnumRewriter.reuseExisting(file, call, e.postgresqlDialect());
        String create = EnumRewriter.createFirst(file, call, opName);
        if (rw == null || create == null) {
            return List.of();
        }
        TextEdit before = EnumRewriter.insertBefore(file, ac.site(), create);
        if (before == null) {
            return List.of(Fix.displayOnly(title, create + "\n"
                    + EnumRewriter.shownIn(file, ac.site().call().span(), rw)));
        }
        List<TextEdit> edits = new ArrayList<>(rw.edits());
        edits.add(before);
        return List.of(Fix.of(title, Applicability.UNSAFE, edits));
    }

    /**
     * {@code sa.Enum(create_type=False)} in a create_table may or may not have created the type; for a
     * "missing" finding it counts as created unless the project's SQLAlchemy is known to honour it.
     */
    private static Settings maybe(Settings s) {
        return s.sqlalchemy().isLatest() ? s.withSqlalchemy(Version.parse("1.4")) : s;
    }

    /** A creation on another branch (neither before nor after) may run first: do not guess. */
    private static boolean elsewhere(SchemaTimeline t, ObjectRef key, Migration m) {
        for (Creation c : t.creationsOf(key)) {
            Migration o = c.migration();
            if (o != m && !t.isAncestor(m, o) && !t.isAncestor(o, m)) {
                return true;
            }
        }
        return false;
    }
}
