package dev.idemlint.rules.types;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.EnumTypeRef;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.SqlState;
import dev.idemlint.python.Expr;
import dev.idemlint.python.StmtParts;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.fix.EnumRewriter;
import dev.idemlint.rules.fix.SourceLayout;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.CreationPaths;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.SchemaTimeline;
import java.util.ArrayList;
import java.util.List;

/** Flags an enum type created again when an earlier revision on the path (or an earlier statement) already made it. */
public final class EnumTypeCreatedTwice implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        if (!ctx.facts().namedTypes()) {
            return; // an ENUM in its column: no CREATE TYPE is emitted
        }
        SchemaTimeline t = ctx.timeline();
        Settings s = ctx.settings();
        // a method per creation, which C1 compiles after a few dozen calls: this loop runs once per run,
        // over every creation of the tree (52,000 at 3,700 files), and as its body it ran interpreted
        for (Creation c : t.creations()) {
            checkCreation(c, t, s, ctx);
        }
    }

    private void checkCreation(Creation c, SchemaTimeline t, Settings s, RuleContext ctx) {
        if (c.key().kind() != ObjectKind.TYPE || !CreationPaths.makesEnumType(c) || c.guarded() || c.tolerant(s)
                || !c.effective(s) || !runsOnAFreshPath(c, t, s)) {
            return;
        }
        Creation first = t.certainlyExisting(c.key(), c.migration(), c.index(), s);
        if (first != null) {
            onPath(c, first, ctx, fixes(t, c, first, true));
            return;
        }
        Creation sibling = CreationPaths.onMergedBranch(t, c, s);
        if (sibling != null) {
            Migration merge = t.mergeOf(sibling.migration(), c.migration());
            // the related location names the sibling's file
            ctx.report(c.file(), c.span(), emits(c) + " fails with " + SqlState.DUPLICATE_OBJECT.label()
                    + " when this branch runs after the other branch, which also creates the type.")
                    .help("The other branch creates it in " + sibling.file().fileName() + " and "
                            + merge.source().fileName() + " merges the two"
                            + (bothEvents(c, sibling) ? " (a single `upgrade head` running both in one go passes)" : "")
                            + ". " + help(c))
                    .fixes(fixes(t, c, sibling, false))
                    .related(sibling.file(), sibling.span(), typeName(c) + " created on the other branch here")
                    .emit();
        }
    }

    /**
     * True when the creation surely runs where the type already exists: unconditionally, or under a
     * check of its own table alone ({@code if not has_table("t"): op.create_table("t", ...)}) where no
     * revision on the path creates that table and the chain starts from an empty database, so the
     * check passes and {@code create_table} emits CREATE TYPE.
     */
    private static boolean runsOnAFreshPath(Creation c, SchemaTimeline t, Settings s) {
        OpSite site = c.operation().site();
        if (c.migration().verdicts().definite(c.operation())) {
            return true;
        }
        Guard g = site.guard();
        if (c.via() != Creation.Via.TABLE_EVENT || g == null || g.kind() != GuardKind.INSPECTOR
                || !(c.operation() instanceof Operation.CreateTable ct) || ct.table() == null
                || !g.skipsWhilePresent(x -> x.kind() == ObjectKind.TABLE
                        && ct.table().equalsIgnoreCase(x.name()))) {
            return false;
        }
        ObjectRef table = Effects.ref(ct, ObjectKind.TABLE, null, ct.table());
        return table != null && t.existing(table, c.migration(), c.index(), s) == null && !t.startsFromExistingSchema(s)
                && !t.opaqueBefore(c.migration(), c.index(), ObjectKind.TABLE);
    }

    private static void onPath(Creation c, Creation first, RuleContext ctx, List<Fix> fixes) {
        boolean sameRevision = first.migration() == c.migration();
        if (sameRevision && bothEvents(c, first)) {
            // Alembic's per-context memo: the second create_table of one run emits no CREATE TYPE.
            return;
        }
        String message;
        if (sameRevision) {
            message = emits(c) + " fails with " + SqlState.DUPLICATE_OBJECT.label() + " on the first run: line "
                    + first.line() + " of this revision already creates the type.";
        } else if (bothEvents(c, first)) {
            // the related location names the revision that created the type first
            message = emits(c) + " fails with " + SqlState.DUPLICATE_OBJECT.label() + " on a database already"
                    + " upgraded past the revision that created the type.";
        } else {
            message = emits(c) + " fails with " + SqlState.DUPLICATE_OBJECT.label() + " on the first run: an"
                    + " earlier revision on this path created the type.";
        }
        ctx.report(c.file(), c.span(), message).help(help(c)).fixes(fixes)
                .related(first.file(), first.span(), typeName(c) + " created first here").emit();
    }

    /**
     * A {@code create_table} column: its enum rewritten to {@code postgresql.ENUM(..., create_type=False)},
     * UNSAFE (the column then needs the type to exist) and offered only when {@code first} creates it
     * on every path to this one: an ancestor or an earlier statement, run unconditionally, nothing
     * unreadable in between that could have dropped it, and the same labels. Display-only otherwise
     * (a creation on a merged branch, a conditional one, other labels). A CREATE TYPE statement:
     * display-only, remove it.
     */
    static List<Fix> fixes(SchemaTimeline t, Creation c, Creation first, boolean onPath) {
        List<Fix> out = new ArrayList<>();
        String type = typeName(c);
        if (c.via() != Creation.Via.TABLE_EVENT) {
            out.add(Fix.displayOnly("Remove this CREATE TYPE", type + " already exists: " + first.where()
                    + " creates it first" + (onPath ? "" : " (on the other branch)")
                    + "; keep one creation, or guard this one with `DO $$ BEGIN ...; EXCEPTION WHEN duplicate_object"
                    + " THEN null; END $$`."));
            return out;
        }
        Operation.CreateTable ct = (Operation.CreateTable) c.operation();
        EnumTypeRef ref = null;
        for (ColumnDef col : ct.columns()) {
            if (col.enumType() != null && c.span().equals(col.enumType().span())) {
                ref = col.enumType();
            }
        }
        Expr.Call call = ref == null ? null : StmtParts.callAt(ct.site().call(), ref.span());
        EnumRewriter.Rewrite rw = call == null ? null : EnumRewriter.reuseExisting(c.file(), call, ref.postgresqlDialect());
        if (rw == null) {
            return out;
        }
        String title = "Reuse " + type + " created at " + first.where() + ": `postgresql.ENUM(..., create_type=False)`";
        String doubt = null;
        if (!onPath) {
            doubt = "the type exists only where " + first.file().fileName() + " on the other branch ran first";
        } else if (ct.site().indirect()
                || !CreationPaths.everyPath(t, first, c.migration(), c.index(), SourceLayout.of(first.file()))) {
            doubt = "check that " + first.where() + " creates the type on every path to this revision";
        } else {
            List<String> before = t.labels(c.key().name(), c.migration(), c.index());
            // a column declaring some of the type's labels reuses it as it is; one declaring others would not
            if (!ref.labels().isEmpty() && !before.isEmpty() && !before.containsAll(ref.labels())) {
                doubt = "the existing type has the labels " + before + ", this column declares " + ref.labels();
            }
        }
        if (doubt != null) {
            out.add(Fix.displayOnly(title + " (" + doubt + ")", rw.shown()));
        } else {
            out.add(Fix.of(title, Applicability.UNSAFE, rw.edits()));
        }
        return out;
    }

    private static boolean bothEvents(Creation a, Creation b) {
        return a.via() == Creation.Via.TABLE_EVENT && b.via() == Creation.Via.TABLE_EVENT;
    }

    private static String typeName(Creation c) {
        return "type \"" + c.name() + "\"";
    }

    private static String emits(Creation c) {
        return c.via() == Creation.Via.TABLE_EVENT
                ? "The CREATE TYPE \"" + c.name() + "\" that `create_table` emits"
                : "CREATE TYPE \"" + c.name() + "\"";
    }

    private static String help(Creation c) {
        if (c.via() == Creation.Via.TABLE_EVENT) {
            return "Reuse the existing type without creating it: `postgresql.ENUM(..., name=\"" + c.name()
                    + "\", create_type=False)` for the column (`sa.Enum(..., create_type=False)` is ignored before"
                    + " SQLAlchemy 2.1).";
        }
        return "Drop this CREATE TYPE (the type already exists), or guard it: `DO $$ BEGIN CREATE TYPE ...;"
                + " EXCEPTION WHEN duplicate_object THEN null; END $$` or `.create(bind, checkfirst=True)`.";
    }
}
