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
import java.util.regex.Pattern;

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
        if (refused(in, entries, notes)) {
            return List.of();
        }
        List<String> heads = g.alembicHeads();
        boolean shadowedHead = heads.size() > g.heads().size();
        if (heads.size() > 1 && !in.allHeads()) {
            // Alembic resolves "head" before it reads alembic_version: it refuses whatever the database holds
            UpgradeCommand upgrade = in.upgrade();
            entries.add(new Entry("head", null, 0, Status.FAILS, null, "`alembic upgrade head`"
                    + (upgrade.stated() ? " (" + upgrade.from() + ")" : "") + " fails before it runs"
                    + " anything: the code has " + heads.size() + " heads (" + String.join(", ", heads) + "), and"
                    + " Alembic refuses with \"Multiple head revisions are present for given argument 'head'\"."
                    + (shadowedHead ? " Of two files that declare one revision id, Alembic keeps one and counts the"
                            + " other as a head, whatever revision follows the id." : ""),
                    shadowedHead ? "Give the revision declared twice a new id and chain it after the other"
                            + " (`idemlint lint --fix --unsafe-fixes` renumbers it), so the code has one head."
                            : "Merge them into one head (`alembic merge heads`) and deploy that; if your deploy runs"
                            + " `alembic upgrade heads`, say so (`upgrade = \"heads\"` in the config) or plan it with"
                            + " `idemlint plan --heads`."));
        } else if (heads.size() > 1 && overlapping(in, entries)) {
            return List.of();
        } else if (heads.size() > 1 && !shadowedHead) {
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
     * What makes Alembic refuse to load the versions directory, so that every command, {@code upgrade head} and
     * {@code heads} alike, fails before it reads alembic_version (each verified on Alembic 1.8.1, whose code for
     * it is the same to 1.19): a file it cannot import or find a revision id in, a revision id with '@', '-' or
     * '+', a branch label declared twice or equal to a revision id, a down_revision or depends_on entry that names
     * nothing (a KeyError while it links its map), a cycle. Each goes to {@code entries} as a failure; true when
     * there is one. A depends_on entry naming nothing here may name a revision of a folder the application adds to
     * version_locations at run time: a note, no failure.
     */
    private static boolean refused(Planner.Input in, List<Entry> entries, List<String> notes) {
        RevisionGraph g = in.graph();
        int before = entries.size();
        String refuses = ", so Alembic refuses to load the versions directory and `" + in.command()
                + "` fails before it runs anything.";
        for (Planner.Unloadable u : in.unloadable()) {
            entries.add(new Entry(u.name(), u.file(), u.line(), Status.FAILS, null, u.why(),
                    "Fix the file, or move it out of the versions directory if it is no revision."));
        }
        for (Migration m : g.loadOrder()) {
            String id = m.header().revisionId();
            String illegal = ILLEGAL_ID.matcher(id).replaceAll("");
            if (!illegal.isEmpty()) {
                entries.add(new Entry(id, m.source().displayPath(), headerLine(m), Status.FAILS, null, "Revision id '" + id
                        + "' holds " + String.join(", ", illegal.chars().distinct().mapToObj(c -> "'" + (char) c + "'")
                                .toList()) + " (\"Character(s) not allowed in revision identifier\")" + refuses,
                        "Give the revision an id of letters, digits and underscores."));
            }
        }
        for (RevisionGraph.LabelClash c : g.labelClashes()) {
            Migration m = c.files().get(c.files().size() - 1);
            String ids = String.join(", ", c.files().stream().map(f -> f.header().revisionId()).toList());
            entries.add(new Entry(m.header().revisionId(), m.source().displayPath(), headerLine(m), Status.FAILS, null,
                    "Branch label '" + c.label() + "' is used by revisions " + ids + " (\"Branch name '" + c.label()
                            + "' ... already used\")" + refuses,
                    "Give each branch its own label, different from every revision id."));
        }
        for (RevisionGraph.MissingParent mp : g.missingParents()) {
            Migration m = mp.file();
            String field = mp.kind() == RevisionGraph.Edge.DOWN_REVISION ? "down_revision" : "depends_on";
            if (mp.reference().isEmpty()) {
                continue; // an empty id is None to Alembic: no parent
            }
            if (mp.kind() == RevisionGraph.Edge.DEPENDS_ON && !g.branchLabels().containsKey(mp.reference())) {
                notes.add("depends_on '" + mp.reference() + "' of revision " + m.header().revisionId() + " names no"
                        + " revision in " + in.versionsDir() + ": Alembic fails with KeyError unless the application adds"
                        + " the folder that has it to version_locations.");
                continue;
            }
            int line = mp.assignment() == null || mp.assignment().statement() == null ? headerLine(m)
                    : m.source().lines().line(mp.assignment().statement().start());
            entries.add(new Entry(m.header().revisionId(), m.source().displayPath(), line, Status.FAILS, null,
                    field + " '" + mp.reference() + "' names no revision"
                            + (g.branchLabels().containsKey(mp.reference()) ? " (a branch label, which down_revision"
                                    + " may not name)" : "")
                            + " (KeyError: '" + mp.reference() + "')" + refuses,
                    "Point " + field + " at an existing revision id (`idemlint heads` lists the heads), or restore the"
                            + " revision file that declares it."));
        }
        for (RevisionGraph.Cycle c : g.cycles()) {
            Migration m = g.node(c.revisions().get(0));
            entries.add(new Entry(m.header().revisionId(), m.source().displayPath(), headerLine(m), Status.FAILS, null,
                    (c.revisions().size() == 1 ? "Revision " + c.revisions().get(0) + " names itself as its parent"
                            + " (\"Self-loop is detected in revisions\")" : "Revisions "
                            + String.join(", ", c.revisions()) + " form a cycle (\"Cycle is detected in revisions\")")
                            + refuses,
                    "Point one of their down_revision entries back at an older revision so the chain runs one way."));
        }
        return entries.size() > before;
    }

    /** The characters Alembic refuses in a revision id ({@code Revision.verify_rev_id}), kept by the pattern's complement. */
    private static final Pattern ILLEGAL_ID = Pattern.compile("[^@+-]");

    /**
     * {@code alembic upgrade heads} where a duplicate id's kept file has descendants: the shadowed file is a head
     * ({@link RevisionGraph#alembicHeads}) that names the kept revision, an ancestor of another head, and Alembic
     * refuses with "Requested revision D overlaps with other requested revisions 040" (verified on Alembic 1.8.1).
     * The failure goes to {@code entries}; true when there is one.
     */
    private static boolean overlapping(Planner.Input in, List<Entry> entries) {
        RevisionGraph g = in.graph();
        for (Migration s : g.shadowed()) {
            String id = s.header().revisionId();
            for (String h : g.heads()) {
                if (!h.equals(id) && g.ancestors(h, true).contains(id)) {
                    entries.add(new Entry(id, s.source().displayPath(), headerLine(s), Status.FAILS, null,
                            "`" + in.command() + "` fails before it runs anything: revision " + id + " is declared by "
                                    + g.duplicates().get(id).size() + " files, Alembic keeps one and counts the other as"
                                    + " a head, and that head is an ancestor of head " + h + " (\"Requested revision " + h
                                    + " overlaps with other requested revisions " + id + "\").",
                            "Give the revision declared twice a new id and chain it after the other (`idemlint lint"
                                    + " --fix --unsafe-fixes` renumbers it)."));
                    return true;
                }
            }
        }
        return false;
    }

    private static int headerLine(Migration m) {
        var r = m.header().revision();
        return r == null || r.statement() == null ? 1 : m.source().lines().line(r.statement().start());
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
