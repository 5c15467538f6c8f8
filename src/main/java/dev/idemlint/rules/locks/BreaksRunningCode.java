package dev.idemlint.rules.locks;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.NamesBroughtBack;
import dev.idemlint.schema.RevisionStart;
import java.util.List;

/** Flags a rename of a table or column, or a dropped column, that the previous release's code may still use. */
public final class BreaksRunningCode implements ProjectRule {
    @Override
    public void check(VersionsTree tree, RuleContext ctx) {
        for (Migration m : LockedTable.reported(ctx)) {
            Revision revision = new Revision(m);
            List<Operation> up = m.upgrade();
            for (int i = 0; i < up.size(); i++) {
                check(new LockedTable.At(ctx.timeline(), m, i, up.get(i), ctx.settings()), revision, ctx);
            }
        }
    }

    /** A revision with the names its transactions bring back, indexed on the first rename or drop asked about. */
    private static final class Revision {
        private final Migration migration;
        private NamesBroughtBack names;

        Revision(Migration migration) {
            this.migration = migration;
        }

        NamesBroughtBack names() {
            if (names == null) {
                names = NamesBroughtBack.of(migration);
            }
            return names;
        }
    }

    /**
     * A name the same transaction brings back is silent: a view named as the renamed table (the advice below), the
     * column added again or a new one renamed into place. PostgreSQL's DDL is transactional, so no other session
     * sees the name missing; in an autocommit block it is missing until the statement that brings it back.
     */
    private static void check(LockedTable.At at, Revision revision, RuleContext ctx) {
        if (at.op() instanceof Operation.Rename r && r.kind() == ObjectKind.TABLE && r.from() != null
                && at.existing(r.from())
                && !revision.names().back(at.index(), Effects.ref(r, ObjectKind.TABLE, null, r.from()))
                && !revision.names().back(at.index(), Effects.ref(r, ObjectKind.VIEW, null, r.from()))) {
            ctx.report(at.migration().source(), r.site(), "Renaming table \"" + r.from() + "\" breaks the previous"
                    + " release's code, which still queries it by that name while a rolling deploy replaces it.")
                    .help("During a rolling deploy (and until every worker restarts) the code released before this"
                            + " revision runs against the migrated schema, and every query of \"" + r.from() + "\""
                            + " fails with UndefinedTable (42P01). Expand, then contract: create the new table (or"
                            + " rename it and create a view named \"" + r.from() + "\" in the same revision), release"
                            + " code that uses the new name, and drop the old name in a later revision.")
                    .emit();
        } else if (at.op() instanceof Operation.Rename r && r.kind() == ObjectKind.COLUMN && oldColumn(at, r.table(), r.from())
                && !revision.names().back(at.index(), Effects.ref(r, ObjectKind.COLUMN, r.table(), r.from()))) {
            ctx.report(at.migration().source(), r.site(), "Renaming column \"" + r.table() + "\".\"" + r.from()
                    + "\" breaks the previous release's code, which still reads it while a rolling deploy replaces it.")
                    .help(expandContract(r.table(), r.from())
                            + " Expand, then contract: add the new column, write both and backfill it, release code"
                            + " that reads only the new one, and drop the old column in a later revision.")
                    .emit();
        } else if (at.op() instanceof Operation.Drop d && d.kind() == ObjectKind.COLUMN && oldColumn(at, d.table(), d.name())
                && !RevisionStart.columnNamedHere(at.timeline(), at.migration(), at.index(), at.op(), d.table(),
                        d.name(), at.settings())
                && !revision.names().back(at.index(), Effects.ref(d, ObjectKind.COLUMN, d.table(), d.name()))) {
            ctx.report(at.migration().source(), d.site(), "Dropping column \"" + d.table() + "\".\"" + d.name()
                    + "\" breaks the previous release's code, which still reads it while a rolling deploy replaces it.")
                    .help(expandContract(d.table(), d.name())
                            + " Expand, then contract: first release code that no longer uses the column (for the"
                            + " ORM, drop it from the model or mark it `deferred`), then drop it in a revision"
                            + " deployed after that release.")
                    .emit();
        }
    }

    /** Whether the column existed before the revision, on a table that did: not one the revision added. */
    private static boolean oldColumn(LockedTable.At at, String table, String column) {
        return column != null && at.existing(table) && !RevisionStart.columnMadeHere(at.timeline(), at.migration(),
                at.index(), at.op(), table, column, at.settings());
    }

    private static String expandContract(String table, String column) {
        return "During a rolling deploy (and until every worker restarts) the code released before this revision"
                + " runs against the migrated schema; a query that names \"" + column + "\", or an ORM model that"
                + " selects every column of \"" + table + "\", fails with UndefinedColumn (42703).";
    }
}
