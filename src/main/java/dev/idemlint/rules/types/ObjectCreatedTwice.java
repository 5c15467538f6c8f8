package dev.idemlint.rules.types;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.CreationPaths;
import dev.idemlint.schema.SchemaTimeline;

/** Flags a table, column, index, constraint or other object created when it already exists on the path, or on a merged branch. */
public final class ObjectCreatedTwice implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        SchemaTimeline t = ctx.timeline();
        Settings s = ctx.settings();
        // a method per creation, which C1 compiles after a few dozen calls: this loop runs once per run,
        // over every creation of the tree (52,000 at 3,700 files), and as its body it ran interpreted
        for (Creation c : t.creations()) {
            if (ctx.reports(c.file())) { // the finding goes on the second creation's file
                checkCreation(c, t, s, ctx);
            }
        }
    }

    private static void checkCreation(Creation c, SchemaTimeline t, Settings s, RuleContext ctx) {
        String state = failure(c, ctx.facts());
        // a key PostgreSQL names itself takes the next free name (t_a_key1): it never meets the one there
        if (state == null || c.via() != Creation.Via.STATEMENT || CreationPaths.makesEnumType(c)
                || c.shape().postgresNamed() || c.guarded() || c.tolerant(s) || !c.effective(s)
                || !c.migration().verdicts().definite(c.operation())) {
            return;
        }
        Creation first = t.certainlyExisting(c.key(), c.migration(), c.index(), s);
        if (anotherTablesIndex(first, c, ctx.facts())) {
            first = null;
        }
        if (first != null) {
            if (first.derivedName() && c.key().kind() == ObjectKind.CONSTRAINT) {
                return; // PostgreSQL's default constraint names change with a naming convention
            }
            String what = c.describe();
            boolean same = first.migration() == c.migration();
            String where = same ? "line " + first.line() + " of this revision already creates it"
                    : first.file().fileName() + " already created it on this path";
            ctx.report(c.file(), c.span(), "Creating " + what + " fails with " + state
                    + " on the first run: " + where + ".")
                    .help("Create it once: remove this creation, or make it tolerate the existing object"
                            + " (IF NOT EXISTS where PostgreSQL has it, or a guard).")
                    .fix(Fix.displayOnly("Remove this creation, or guard it", what + " is created first at "
                            + first.where() + "; drop this second creation, or make it tolerate the existing"
                            + " object (IF NOT EXISTS where PostgreSQL has it, a DO block or an inspector guard)"))
                    .related(first.file(), first.span(), what + " created first here").emit();
            // not ctx.firstRunFails: the re-run rules' finding on this statement carries the guard that also
            // repairs its first run, and this rule has none of its own to apply yet
            return;
        }
        Creation sibling = CreationPaths.onMergedBranch(t, c, s);
        if (sibling != null && !anotherTablesIndex(sibling, c, ctx.facts())) {
            String what = c.describe();
            Migration merge = t.mergeOf(sibling.migration(), c.migration());
            // the related location names the sibling's file
            ctx.report(c.file(), c.span(), "Creating " + what + " fails with " + state + " when this"
                    + " branch runs after the other branch, which also creates it.")
                    .help("The other branch creates it in " + sibling.file().fileName() + " and "
                            + merge.source().fileName() + " merges the two. Create it on one branch only, or make both creations tolerate the existing object"
                            + " (IF NOT EXISTS where PostgreSQL has it, or a guard).")
                    .fix(Fix.displayOnly("Create it on one branch only, or guard both", what + " is also created"
                            + " at " + sibling.where() + " on the other branch; keep one creation, or make both"
                            + " tolerate the existing object"))
                    .related(sibling.file(), sibling.span(), what + " created on the other branch here").emit();
        }
    }

    /**
     * Whether {@code earlier} is an index of the same name as {@code c}'s on another table, or on a table not known,
     * where the server names indexes per table (MySQL, MariaDB): there the two are different indexes, or may be.
     */
    private static boolean anotherTablesIndex(Creation earlier, Creation c, ServerFacts facts) {
        return earlier != null && c.key().kind() == ObjectKind.INDEX && !facts.indexNamesPerSchema()
                && (earlier.key().table() == null || !earlier.key().table().equals(c.key().table()));
    }

    /**
     * What a duplicate raises on the project's server, as a message names it ({@link ServerFacts#duplicate}). Null
     * for kinds not checked, and for kinds the server does not have (on MySQL and MariaDB a type, an extension:
     * the statement is PostgreSQL's).
     */
    static String failure(Creation c, ServerFacts facts) {
        return state(c) == null || !facts.has(c.key().kind()) ? null
                : facts.duplicate(c.key().kind(), c.constraintKind()).label();
    }

    /** What a duplicate raises; null for kinds not checked (overloadable functions, roles, unknown). */
    static SqlState state(Creation c) {
        return switch (c.key().kind()) {
            case COLUMN -> c.operation() instanceof Operation.AddColumn ? PostgresFacts.duplicate(ObjectKind.COLUMN) : null;
            case CONSTRAINT -> c.constraintKind() == null || c.constraintKind() == ConstraintKind.UNKNOWN ? null
                    : PostgresFacts.duplicate(c.constraintKind());
            // overloads make a function's identity its signature; a role belongs to the cluster
            case FUNCTION, PROCEDURE, AGGREGATE, OPERATOR, ROLE, DATABASE, OTHER -> null;
            default -> PostgresFacts.duplicate(c.key().kind());
        };
    }
}
