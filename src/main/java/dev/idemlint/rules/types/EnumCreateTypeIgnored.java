package dev.idemlint.rules.types;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.SqlState;
import dev.idemlint.python.Expr;
import dev.idemlint.python.StmtParts;
import dev.idemlint.rules.fix.EnumRewriter;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.CreationPaths;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.EnumTypeRef;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.SourceLayout;
import dev.idemlint.schema.SchemaTimeline;

/** Flags {@code sa.Enum(..., create_type=False)} in {@code create_table} where SQLAlchemy before 2.1 ignores the flag. */
public final class EnumCreateTypeIgnored implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        if (!ctx.facts().namedTypes()) {
            return; // an ENUM in its column: no CREATE TYPE is emitted
        }
        Settings s = ctx.settings();
        if (s.genericEnumCreateTypeHonoured()) {
            return;
        }
        for (Operation op : m.operations()) {
            if (!(op instanceof Operation.CreateTable ct)) {
                continue;
            }
            for (ColumnDef c : ct.columns()) {
                EnumTypeRef e = c.enumType();
                if (e == null || e.postgresqlDialect() || !e.nativeEnum() || !Boolean.FALSE.equals(e.createType())) {
                    continue;
                }
                String type = e.name() == null ? "the enum type" : "type \"" + e.name() + "\"";
                ctx.report(m.source(), SchemaTimeline.within(e.createTypeArg(), ct.site().span()), "`create_table`"
                        + " fails with " + SqlState.DUPLICATE_OBJECT.label() + " when " + type + " already exists:"
                        + " `sa.Enum` ignores `create_type=False` before SQLAlchemy 2.1.")
                        .help("SQLAlchemy " + s.sqlalchemy() + " ignores `create_type=False` on the generic `sa.Enum`,"
                                + " so `create_table` still emits CREATE TYPE. Use the dialect type, which honours the flag in every version: `postgresql.ENUM(...,"
                                + (e.name() == null ? "" : " name=\"" + e.name() + "\",") + " create_type=False)`"
                                + " (`from sqlalchemy.dialects import postgresql`).")
                        .fixes(fixes(m, ct, e, ctx))
                        .emit();
            }
        }
    }

    /**
     * The callee alone changed to {@code postgresql.ENUM}, keeping every argument: SAFE when this
     * revision itself surely created the type before the table (the flag then says what the author
     * meant, and SQLAlchemy 2.1 would read it the same way). Otherwise display-only: where nothing
     * created the type before, SQLAlchemy before 2.1 was what created it, so the column alone would
     * fail with UndefinedObject (42704) on a fresh database; the suggestion creates it first with
     * {@code checkfirst=True}. An earlier revision creating it is enum-type-created-twice's case.
     */
    static List<Fix> fixes(Migration m, Operation.CreateTable ct, EnumTypeRef e, RuleContext ctx) {
        Settings s = ctx.settings();
        List<Fix> out = new ArrayList<>();
        int index = m.upgrade().indexOf(ct);
        Expr.Call call = StmtParts.callAt(ct.site().call(), e.span());
        EnumRewriter.Rewrite rw = call == null ? null : EnumRewriter.reuseExisting(m.source(), call, false);
        if (rw == null || index < 0) {
            return out;
        }
        String title = "Use `postgresql.ENUM(..., create_type=False)`";
        SchemaTimeline t = ctx.timelineOf(m);
        Creation first = e.name() == null ? null : t.existing(ObjectRef.of(ObjectKind.TYPE,
                QualifiedName.of(e.name())), m, index, s);
        if (first != null && !ct.site().indirect()
                && CreationPaths.everyPath(t, first, m, index, SourceLayout.of(first.file()))) {
            out.add(Fix.of(title, Applicability.SAFE, rw.edits()));
            return out;
        }
        String create = EnumRewriter.createFirst(m.source(), call, "op");
        out.add(Fix.displayOnly(title + " once the type exists (nothing before this table in the revision"
                + " creates it; SQLAlchemy " + s.sqlalchemy() + " does)", (create == null ? ""
                        : create + "  # before op.create_table\n") + rw.shown()));
        return out;
    }
}
