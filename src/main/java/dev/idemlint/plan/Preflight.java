package dev.idemlint.plan;

import dev.idemlint.db.Catalog;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.plan.Plan.Entry;
import dev.idemlint.plan.Plan.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Alembic decides before it runs a statement: {@code head} with several heads, rows of the version
 * table that no revision declares or that overlap, revision ids declared twice (the file it keeps).
 */
final class Preflight {
    private Preflight() {
    }

    /**
     * Adds to {@code entries} what Alembic refuses (a failure named {@code head} when {@code alembic upgrade
     * head} meets several heads) and to {@code notes} what it does silently; returns the stamped revisions it
     * resolves, from which the upgrade starts.
     */
    static List<String> check(Planner.Input in, List<Entry> entries, List<String> notes) {
        Catalog.VersionTable vt = in.catalog().versionTable();
        List<String> current = vt.rows();
        RevisionGraph g = in.graph();
        if (!vt.exists()) {
            notes.add("The database has no " + vt.name() + " table"
                    + (vt.schema() == null ? " in its search path" : " in schema " + vt.schema())
                    + ": Alembic treats it as empty and applies every revision"
                    + (in.catalog().relations().isEmpty() ? "." : ", on the tables that are already there."));
        }
        List<String> heads = g.heads();
        if (heads.size() > 1 && !in.allHeads()) {
            // Alembic resolves "head" before it reads alembic_version: it refuses whatever the database holds
            UpgradeCommand upgrade = in.upgrade();
            entries.add(new Entry("head", null, 0, Status.FAILS, null, "`alembic upgrade head`"
                    + (upgrade.stated() ? " (" + upgrade.from() + ")" : "") + " fails before it runs"
                    + " anything: the code has " + heads.size() + " heads (" + String.join(", ", heads) + "), and Alembic"
                    + " refuses with \"Multiple head revisions are present for given argument 'head'\".",
                    "Merge them into one head (`alembic merge heads`) and deploy that; if your deploy runs `alembic"
                            + " upgrade heads`, say so (`upgrade = \"heads\"` in the config) or plan it with"
                            + " `idemlint plan --heads`."));
        } else if (heads.size() > 1) {
            notes.add("The code has " + heads.size() + " heads (" + String.join(", ", heads) + "): `alembic upgrade"
                    + " heads` (" + in.upgrade().from() + ") applies them all, so this plan does; `alembic upgrade head`"
                    + " would fail with \"Multiple head revisions are present\"; a merge revision (`alembic merge"
                    + " heads`) makes one head.");
        }
        for (Map.Entry<String, List<Migration>> d : g.duplicates().entrySet()) {
            Migration kept = kept(in, d.getKey());
            List<String> dropped = new ArrayList<>();
            for (Migration m : d.getValue()) {
                if (m != kept) {
                    dropped.add(m.source().displayPath());
                }
            }
            notes.add("Revision " + d.getKey() + " is declared by " + d.getValue().size() + " files: Alembic keeps "
                    + kept.source().displayPath() + " and never runs " + String.join(", ", dropped)
                    + " (`idemlint lint --fix --unsafe-fixes` renumbers it).");
        }
        List<String> resolved = new ArrayList<>();
        for (String r : current) {
            Optional<String> id = g.resolve(r);
            if (id.isEmpty()) {
                entries.add(new Entry(r, null, 0, Status.FAILS, null,
                        vt.name() + " holds '" + r + "', which no revision in " + in.versionsDir() + " declares: the"
                                + " database is ahead of this code (migrated by a newer deploy) or on another branch, and"
                                + " `alembic upgrade` fails with \"Can't locate revision identified by '" + r + "'\".",
                        "Deploy the code that has revision " + r + "; if it was removed on purpose, stamp the revision"
                                + " the schema matches: `alembic stamp <rev>` (see `idemlint heads`)."));
                continue;
            }
            resolved.add(id.get());
        }
        if (current.size() > 1) {
            notes.add(vt.name() + " holds " + current.size() + " rows (" + String.join(", ", current)
                    + "): the database is stamped on several branches.");
        }
        for (String a : resolved) {
            for (String b : resolved) {
                if (!a.equals(b) && g.ancestors(b, true).contains(a)) {
                    entries.add(new Entry(a, g.node(a).source().displayPath(), 1, Status.FAILS, null,
                            vt.name() + " holds both " + a + " and its descendant " + b + ": Alembic refuses it (\""
                                    + "Requested revision " + b + " overlaps with other requested revisions " + a + "\").",
                            "Delete the row of " + a + ": `alembic stamp --purge " + b + "` when " + b
                                    + " is the only head, else `DELETE FROM " + vt.name() + " WHERE version_num = '" + a
                                    + "'`."));
                }
            }
        }
        return resolved;
    }

    /**
     * The file Alembic keeps for a revision id: with a duplicate id, the one it reads last, in the
     * order it reads the directory.
     */
    static Migration kept(Planner.Input in, String id) {
        Migration last = null;
        if (in.mapOrder() != null) {
            for (Migration m : in.mapOrder()) {
                if (id.equals(m.header().revisionId())) {
                    last = m;
                }
            }
        }
        return last != null ? last : in.graph().node(id);
    }
}
