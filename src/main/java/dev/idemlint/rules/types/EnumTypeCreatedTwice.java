package dev.idemlint.rules.types;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.SqlState;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.SchemaTimeline;

/** Flags an enum type created again when an earlier revision on the path (or an earlier statement) already made it. */
public final class EnumTypeCreatedTwice implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        SchemaTimeline t = SchemaTimeline.of(tree.graph());
        Settings s = ctx.settings();
        for (Creation c : t.creations()) {
            if (c.key().kind() != ObjectKind.TYPE || !isEnumCreation(c) || c.guarded() || c.tolerant(s)
                    || !c.effective(s)) {
                continue;
            }
            Creation first = t.existing(c.key(), c.migration(), c.index(), s);
            if (first != null) {
                onPath(c, first, ctx);
                continue;
            }
            Creation sibling = ObjectCreatedTwice.onMergedBranch(t, c, s);
            if (sibling != null) {
                Migration merge = t.mergeOf(sibling.migration(), c.migration());
                ctx.report(c.file(), c.span(), emits(c) + " fails with " + SqlState.DUPLICATE_OBJECT.label()
                        + " when this branch is applied after " + sibling.file().fileName() + " on the other branch,"
                        + " which also creates the type and is merged with it by " + merge.source().fileName()
                        + (bothEvents(c, sibling) ? " (a single `upgrade head` running both in one go passes)" : "")
                        + ".")
                        .help(help(c))
                        .related(sibling.file(), sibling.span(), typeName(c) + " created on the other branch here")
                        .emit();
            }
        }
    }

    static boolean isEnumCreation(Creation c) {
        return c.via() == Creation.Via.TABLE_EVENT || c.operation() instanceof Operation.CreateEnumType;
    }

    private static void onPath(Creation c, Creation first, RuleContext ctx) {
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
            message = emits(c) + " fails with " + SqlState.DUPLICATE_OBJECT.label() + " the first time this"
                    + " revision runs on a database already upgraded past " + first.file().fileName() + ", which"
                    + " created the type (only a fresh `upgrade head` that runs both in one go passes).";
        } else {
            message = emits(c) + " fails with " + SqlState.DUPLICATE_OBJECT.label() + " on the first run: "
                    + first.file().fileName() + " already created the type on this path.";
        }
        ctx.report(c.file(), c.span(), message).help(help(c))
                .related(first.file(), first.span(), typeName(c) + " created first here").emit();
    }

    private static boolean bothEvents(Creation a, Creation b) {
        return a.via() == Creation.Via.TABLE_EVENT && b.via() == Creation.Via.TABLE_EVENT;
    }

    private static String typeName(Creation c) {
        return "type \"" + c.key().name() + "\"";
    }

    private static String emits(Creation c) {
        return c.via() == Creation.Via.TABLE_EVENT
                ? "`create_table` emits CREATE TYPE \"" + c.key().name() + "\" again, which"
                : "CREATE TYPE \"" + c.key().name() + "\"";
    }

    private static String help(Creation c) {
        if (c.via() == Creation.Via.TABLE_EVENT) {
            return "Reuse the existing type without creating it: `postgresql.ENUM(..., name=\"" + c.key().name()
                    + "\", create_type=False)` for the column (`sa.Enum(..., create_type=False)` is ignored before"
                    + " SQLAlchemy 2.1).";
        }
        return "Drop this CREATE TYPE (the type already exists), or guard it: `DO $$ BEGIN CREATE TYPE ...;"
                + " EXCEPTION WHEN duplicate_object THEN null; END $$` or `.create(bind, checkfirst=True)`.";
    }
}
