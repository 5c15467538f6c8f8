package dev.idemlint.graph;

import dev.idemlint.migration.Assigned;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.RevisionHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The revision DAG of one versions directory, built the way Alembic's {@code RevisionMap} builds it
 * but without importing anything: nodes by revision id, {@code down_revision} edges (parents),
 * {@code depends_on} edges, children, heads, bases, branch labels, and everything Alembic would
 * warn about or crash on (duplicates, missing parents, cycles, clashing labels).
 */
public final class RevisionGraph {

    /** Alembic (1.10+) reads each versions directory in sorted file-name order; see {@link #loadOrder()}. */
    public static final Comparator<Migration> LOAD_ORDER = new Comparator<>() {
        @Override
        public int compare(Migration a, Migration b) {
            int c = parentOf(a).compareTo(parentOf(b));
            return c != 0 ? c : a.source().fileName().compareTo(b.source().fileName());
        }
    };

    /** A {@code down_revision} or {@code depends_on} entry that names no revision nor branch label. */
    public record MissingParent(Migration file, String reference, Edge kind, Assigned<List<String>> assignment) {
    }

    /** Which assignment an edge comes from. */
    public enum Edge { DOWN_REVISION, DEPENDS_ON }

    /** A set of revisions that reach themselves through {@code down_revision}/{@code depends_on}. */
    public record Cycle(List<String> revisions) {
    }

    /** A branch label used by two revisions, or equal to a revision id. */
    public record LabelClash(String label, List<Migration> files) {
    }

    private final List<Migration> loadOrder;
    /** Index of each file in {@link #loadOrder} (first occurrence), so {@link #position} is O(1). */
    private final Map<Migration, Integer> loadIndex = new IdentityHashMap<>();
    private final Map<String, Migration> nodes = new LinkedHashMap<>();
    private final Map<String, List<Migration>> duplicates = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<LabelClash> labelClashes = new ArrayList<>();
    private final Map<String, List<String>> parents = new LinkedHashMap<>();
    private final Map<String, List<String>> dependsOn = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();
    private final List<MissingParent> missing = new ArrayList<>();
    private final List<Cycle> cycles = new ArrayList<>();
    private final List<String> heads = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    /** Whether any revision of the graph declares a branch label. */
    private boolean anyLabels;
    private final List<Migration> topo;

    // The graph is built once per run, in loops over every revision that run once: each loop's body is
    // a method of its own, which C1 compiles after a few dozen calls (as loop bodies they ran in the
    // interpreter, most of building a 3,700-revision graph).
    private RevisionGraph(List<Migration> migrations, boolean inGivenOrder) {
        loadOrder = inGivenOrder ? revisionsOf(migrations) : inLoadOrder(migrations);
        Map<String, List<Migration>> byId = new LinkedHashMap<>();
        for (int i = 0; i < loadOrder.size(); i++) {
            addNode(loadOrder.get(i), i, byId);
        }
        for (Map.Entry<String, List<Migration>> e : byId.entrySet()) {
            if (e.getValue().size() > 1) {
                duplicates.put(e.getKey(), List.copyOf(e.getValue()));
            }
        }
        mapLabels();
        for (Migration m : loadOrder) {
            checkReferences(m);
        }
        for (Map.Entry<String, Migration> e : nodes.entrySet()) {
            link(e.getKey(), e.getValue().header());
        }
        for (Map.Entry<String, List<String>> e : parents.entrySet()) {
            for (String p : e.getValue()) {
                children.get(p).add(e.getKey());
            }
        }
        for (String id : nodes.keySet()) {
            classify(id);
        }
        Indexed g = indexed();
        findCycles(g);
        topo = sortTopologically(g);
    }

    public static RevisionGraph build(List<Migration> migrations) {
        return new RevisionGraph(migrations, false);
    }

    /**
     * The graph of the revisions in {@code readOrder}, read in that order rather than by file name: as
     * Alembic before 1.10 reads a versions directory ({@code os.listdir}), which decides the file it keeps
     * for a duplicate id (the last it reads).
     */
    public static RevisionGraph buildInReadOrder(List<Migration> readOrder) {
        return new RevisionGraph(readOrder, true);
    }

    /** The keys whose lists hold more than one entry. */
    private static List<String> withSeveral(Map<String, List<String>> map) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            if (e.getValue().size() > 1) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** Adds {@code m} to {@code map}'s list for {@code key}, made when there is none. */
    private static void addTo(Map<String, List<Migration>> map, String key, Migration m) {
        List<Migration> l = map.get(key);
        if (l == null) {
            l = new ArrayList<>();
            map.put(key, l);
        }
        l.add(m);
    }

    /** Node indexes by their position in load order. */
    private static Comparator<Integer> byPosition(Indexed g) {
        return new Comparator<>() {
            @Override
            public int compare(Integer a, Integer b) {
                return Integer.compare(g.position()[a], g.position()[b]);
            }
        };
    }

    private void addNode(Migration m, int i, Map<String, List<Migration>> byId) {
        loadIndex.putIfAbsent(m, i);
        // Alembic: map_[revision.revision] = revision, after warning "Revision %s is present more
        // than once": the file read last wins, the others are silently dropped.
        nodes.put(m.header().revisionId(), m);
        addTo(byId, m.header().revisionId(), m);
    }

    private void checkReferences(Migration m) {
        checkReferences(m, m.header().downRevision(), Edge.DOWN_REVISION);
        checkReferences(m, m.header().dependsOn(), Edge.DEPENDS_ON);
    }

    private void link(String id, RevisionHeader h) {
        parents.put(id, resolveAll(h.parents(), Edge.DOWN_REVISION));
        dependsOn.put(id, resolveAll(h.dependencies(), Edge.DEPENDS_ON));
        children.put(id, new ArrayList<>());
    }

    private void classify(String id) {
        if (children.get(id).isEmpty()) {
            heads.add(id);
        }
        if (nodes.get(id).header().parents().isEmpty()) {
            bases.add(id);
        }
    }

    /**
     * A file's place in {@link #LOAD_ORDER}, worked out once: its folder and its name. Files of one
     * folder share one folder string, so comparing two of them skips the folder's characters.
     */
    private record LoadKey(String folder, String name, Migration migration) implements Comparable<LoadKey> {
        @Override
        public int compareTo(LoadKey o) {
            int c = folder == o.folder ? 0 : folder.compareTo(o.folder);
            return c != 0 ? c : name.compareTo(o.name);
        }
    }

    /**
     * The revisions in {@link #LOAD_ORDER}, each one's folder and name taken once: sorting with the
     * comparator made two path strings per comparison (~90,000 at 3,700 files).
     */
    private static List<Migration> revisionsOf(List<Migration> migrations) {
        List<Migration> out = new ArrayList<>(migrations.size());
        for (Migration m : migrations) {
            if (m.header() != null && m.header().isRevision() && m.header().revisionId() != null) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    private static List<Migration> inLoadOrder(List<Migration> migrations) {
        List<LoadKey> keys = new ArrayList<>(migrations.size());
        Map<String, String> folders = new HashMap<>();
        for (Migration m : migrations) {
            if (m.header() != null && m.header().isRevision() && m.header().revisionId() != null) {
                String folder = parentOf(m);
                String shared = folders.putIfAbsent(folder, folder);
                keys.add(new LoadKey(shared == null ? folder : shared, m.source().fileName(), m));
            }
        }
        keys.sort(null); // stable, as the stream's sort was
        List<Migration> out = new ArrayList<>(keys.size());
        for (LoadKey k : keys) {
            out.add(k.migration());
        }
        return List.copyOf(out);
    }

    private static String parentOf(Migration m) {
        var p = m.source().path().getParent();
        return p == null ? "" : p.toString();
    }

    private void mapLabels() {
        Map<String, List<Migration>> users = new LinkedHashMap<>();
        for (Migration m : loadOrder) {
            labelUsers(m, users);
        }
        anyLabels = !users.isEmpty();
        for (Map.Entry<String, List<Migration>> e : users.entrySet()) {
            String label = e.getKey();
            List<Migration> files = e.getValue();
            // Alembic puts labels in the same map as revision ids and raises "Branch name '%s' in
            // revision %s already used by revision %s" when one is taken.
            List<Migration> clash = new ArrayList<>();
            if (nodes.containsKey(label)) {
                clash.add(nodes.get(label));
            }
            clash.addAll(files);
            if (clash.size() > 1) {
                labelClashes.add(new LabelClash(label, List.copyOf(clash)));
            }
            if (!nodes.containsKey(label)) {
                labels.put(label, files.get(0).header().revisionId());
            }
        }
    }

    private void labelUsers(Migration m, Map<String, List<Migration>> users) {
        if (m.header().labels().isEmpty() || nodes.get(m.header().revisionId()) != m) {
            return;
        }
        for (String label : new LinkedHashSet<>(m.header().labels())) {
            addTo(users, label, m);
        }
    }

    private void checkReferences(Migration m, Assigned<List<String>> a, Edge kind) {
        if (a == null || a.value() == null) {
            return;
        }
        for (String ref : a.value()) {
            if (resolveReference(ref, kind) == null) {
                missing.add(new MissingParent(m, ref, kind, a));
            }
        }
    }

    /**
     * Alembic looks entries up exactly, never by prefix. {@code depends_on} may name a branch label;
     * {@code down_revision} may not: its cycle check walks a map without labels and fails with a
     * KeyError (verified on Alembic 1.20).
     */
    private String resolveReference(String ref, Edge kind) {
        if (nodes.containsKey(ref)) {
            return ref;
        }
        return kind == Edge.DEPENDS_ON ? labels.get(ref) : null;
    }

    private List<String> resolveAll(List<String> refs, Edge kind) {
        List<String> out = new ArrayList<>();
        for (String r : refs) {
            String id = resolveReference(r, kind);
            if (id != null && !out.contains(id)) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    private List<String> allParents(String id) {
        List<String> out = new ArrayList<>(parents.getOrDefault(id, List.of()));
        for (String d : dependsOn.getOrDefault(id, List.of())) {
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The nodes as indexes for the graph algorithms below: ids in {@link #nodes} order, each node's
     * parents and dependencies ({@link #allParents}) as indexes, and each one's load position. Both
     * algorithms ran on maps of strings and were most of building a 3,700-revision graph, in code
     * that runs once per run and so mostly interpreted.
     */
    private record Indexed(String[] ids, Migration[] node, Map<String, Integer> at, int[][] parents, int[] position) {
    }

    private Indexed indexed() {
        String[] ids = nodes.keySet().toArray(new String[0]);
        Migration[] node = nodes.values().toArray(new Migration[0]);
        Map<String, Integer> at = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            at.put(ids[i], i);
        }
        int[][] parents = new int[ids.length][];
        int[] position = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            parents[i] = parentIndexes(ids[i], at);
            position[i] = position(ids[i]);
        }
        return new Indexed(ids, node, at, parents, position);
    }

    private int[] parentIndexes(String id, Map<String, Integer> at) {
        List<String> ps = allParents(id);
        int[] out = new int[ps.size()];
        for (int k = 0; k < ps.size(); k++) {
            out[k] = at.get(ps.get(k));
        }
        return out;
    }

    private void findCycles(Indexed g) {
        // Tarjan's strongly connected components, iterative to survive chains of thousands of
        // revisions: each cycle is reported once, as its component.
        int n = g.ids().length;
        int[] index = new int[n];
        int[] low = new int[n];
        Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int sp = 0;
        int[] workNode = new int[n];
        int[] workEdge = new int[n];
        int counter = 0;
        for (int v = 0; v < n; v++) {
            if (index[v] >= 0) {
                continue;
            }
            int wp = 0;
            workNode[wp] = v;
            workEdge[wp++] = 0;
            index[v] = low[v] = counter++;
            stack[sp++] = v;
            onStack[v] = true;
            while (wp > 0) {
                int node = workNode[wp - 1];
                int[] next = g.parents()[node];
                int i = workEdge[wp - 1];
                if (i < next.length) {
                    workEdge[wp - 1] = i + 1;
                    int w = next[i];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        workNode[wp] = w;
                        workEdge[wp++] = 0;
                    } else if (onStack[w]) {
                        low[node] = Math.min(low[node], index[w]);
                    }
                    continue;
                }
                wp--;
                if (wp > 0) {
                    int parent = workNode[wp - 1];
                    low[parent] = Math.min(low[parent], low[node]);
                }
                if (low[node] == index[node]) {
                    List<Integer> comp = new ArrayList<>();
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        comp.add(w);
                    } while (w != node);
                    boolean selfLoop = comp.size() == 1 && contains(next, node);
                    if (comp.size() > 1 || selfLoop) {
                        comp.sort(byPosition(g));
                        List<String> revisions = new ArrayList<>(comp.size());
                        for (int c : comp) {
                            revisions.add(g.ids()[c]);
                        }
                        cycles.add(new Cycle(List.copyOf(revisions)));
                    }
                }
            }
        }
        cycles.sort(new Comparator<Cycle>() {
            @Override
            public int compare(Cycle a, Cycle b) {
                return Integer.compare(position(a.revisions().get(0)), position(b.revisions().get(0)));
            }
        });
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    private int position(String id) {
        Integer i = loadIndex.get(nodes.get(id));
        return i == null ? -1 : i;
    }

    private List<Migration> sortTopologically(Indexed g) {
        // Kahn's algorithm; among the revisions ready at once, the one Alembic loads first
        int n = g.ids().length;
        int[] pending = new int[n];
        int[] dependentCount = new int[n];
        for (int i = 0; i < n; i++) {
            pending[i] = g.parents()[i].length;
            for (int p : g.parents()[i]) {
                dependentCount[p]++;
            }
        }
        int[][] dependents = new int[n][];
        for (int i = 0; i < n; i++) {
            dependents[i] = new int[dependentCount[i]];
            dependentCount[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int p : g.parents()[i]) {
                dependents[p][dependentCount[p]++] = i;
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(byPosition(g));
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Migration> out = new ArrayList<>(n);
        boolean[] done = new boolean[n];
        while (!ready.isEmpty()) {
            int id = ready.poll();
            done[id] = true;
            out.add(g.node()[id]);
            release(dependents[id], pending, ready);
        }
        // Revisions on or behind a cycle never become ready; keep them, in load order, at the end.
        for (int k = 0; out.size() < n && k < loadOrder.size(); k++) {
            Migration m = loadOrder.get(k);
            if (nodes.get(m.header().revisionId()) == m && !done[g.at().get(m.header().revisionId())]) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** One fewer parent pending for each of {@code dependents}; those left with none are ready. */
    private static void release(int[] dependents, int[] pending, PriorityQueue<Integer> ready) {
        for (int c : dependents) {
            if (--pending[c] == 0) {
                ready.add(c);
            }
        }
    }

    // ---- queries ----

    /** Migrations in an order where every parent comes before its children (ties by file name). */
    public List<Migration> topologicalOrder() {
        return topo;
    }

    /** Every revision file, duplicates included, in the order Alembic reads them. */
    public List<Migration> loadOrder() {
        return loadOrder;
    }

    public boolean contains(String revision) {
        return nodes.containsKey(revision);
    }

    /** The file Alembic keeps for an id (for a duplicate id: the one it reads last). */
    public Migration node(String revision) {
        return nodes.get(revision);
    }

    public Set<String> revisions() {
        return nodes.keySet();
    }

    /** Ids declared by more than one file, each with all its files in load order (the last is kept). */
    public Map<String, List<Migration>> duplicates() {
        return duplicates;
    }

    /** Files Alembic reads but drops because a later file declares the same id. */
    public List<Migration> shadowed() {
        List<Migration> out = new ArrayList<>();
        for (Migration m : loadOrder) {
            if (nodes.get(m.header().revisionId()) != m) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    public List<String> parents(String revision) {
        return parents.getOrDefault(revision, List.of());
    }

    public List<String> dependsOn(String revision) {
        return dependsOn.getOrDefault(revision, List.of());
    }

    public List<String> children(String revision) {
        return children.getOrDefault(revision, List.of());
    }

    /** Revisions no {@code down_revision} points to, in topological order. */
    public List<String> heads() {
        return inTopologicalOrder(heads);
    }

    /**
     * The heads as Alembic counts them, in the order it reads the files: {@link #heads()} and, once for each
     * file a duplicate id shadows, that id. Alembic adds every file it reads to its heads and takes off only
     * the revision its map keeps when a child names it, so a shadowed file stays a head whatever hangs off the
     * id ({@code alembic heads} lists {@code 040} twice; verified on Alembic 1.8.1, the same code to 1.19).
     */
    public List<String> alembicHeads() {
        List<String> out = new ArrayList<>();
        Set<String> kept = new HashSet<>(heads);
        for (Migration m : loadOrder) {
            String id = m.header().revisionId();
            if (nodes.get(id) != m || kept.contains(id)) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    /** Revisions whose {@code down_revision} is None (or absent). */
    public List<String> bases() {
        return inTopologicalOrder(bases);
    }

    /** Revisions with more than one child. */
    public List<String> branchPoints() {
        return inTopologicalOrder(withSeveral(children));
    }

    /** Revisions with more than one parent. */
    public List<String> mergePoints() {
        return inTopologicalOrder(withSeveral(parents));
    }

    /** Branch label to the revision that declares it (clashing labels keep the first). */
    public Map<String, String> branchLabels() {
        return labels;
    }

    public List<LabelClash> labelClashes() {
        return labelClashes;
    }

    public List<MissingParent> missingParents() {
        return missing;
    }

    /**
     * Whether a {@code down_revision} entry names no revision of these files. Alembic then never builds its
     * revision map: {@code RevisionMap._revision_map} warns "Revision %s referenced from %s is not present" and
     * fails with KeyError on that entry, after it has mapped the branch labels (a clash is raised first) and before
     * it counts heads or bases or looks for cycles (alembic/script/revision.py, 1.8.1 and 1.13.2 alike). What it
     * would find there is never reached. A missing {@code depends_on} entry is left out: it may name a revision of
     * another versions directory the application adds at run time.
     */
    public boolean parentMissing() {
        return missing.stream().anyMatch(mp -> mp.kind() == Edge.DOWN_REVISION);
    }

    public List<Cycle> cycles() {
        return cycles;
    }

    /**
     * The labels a revision is on: its own and those of its {@code down_revision} ancestors, as
     * Alembic propagates a label to every descendant of the revision that declares it.
     */
    public Set<String> labelsOf(String revision) {
        Set<String> out = new TreeSet<>();
        if (!anyLabels) {
            return out; // no revision declares one: no walk to the base (3,700 revisions, once per head)
        }
        for (String a : ancestors(revision, false)) {
            out.addAll(nodes.get(a).header().labels());
        }
        return out;
    }

    /** The revision itself and everything before it through {@code down_revision} (and {@code depends_on}). */
    public Set<String> ancestors(String revision, boolean withDependencies) {
        return reach(revision, withDependencies ? this::allParents : this::parents);
    }

    /** The revision itself and everything after it through {@code down_revision}. */
    public Set<String> descendants(String revision) {
        return reach(revision, this::children);
    }

    /** The revision and every revision {@code next} leads to from it, depth first. */
    private Set<String> reach(String revision, Function<String, ? extends Collection<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (nodes.containsKey(revision)) {
            todo.push(revision);
        }
        while (!todo.isEmpty()) {
            String r = todo.pop();
            if (seen.add(r)) {
                for (String p : next.apply(r)) {
                    todo.push(p);
                }
            }
        }
        return seen;
    }

    /**
     * Where the given revisions fork: their nearest common {@code down_revision} ancestor (the latest
     * in topological order), or empty when they share none.
     */
    public Optional<String> forkPoint(Collection<String> revisions) {
        Set<String> common = null;
        for (String r : revisions) {
            Set<String> a = ancestors(r, false);
            if (common == null) {
                common = new LinkedHashSet<>(a);
            } else {
                common.retainAll(a);
            }
        }
        if (common == null || common.isEmpty()) {
            return Optional.empty();
        }
        List<String> ordered = inTopologicalOrder(common);
        return Optional.of(ordered.get(ordered.size() - 1));
    }

    /** Revisions after {@code from} (exclusive) up to {@code to} (inclusive), in topological order. */
    public List<String> path(String from, String to) {
        Set<String> span = new LinkedHashSet<>(ancestors(to, false));
        if (from != null) {
            span.removeAll(ancestors(from, false));
        }
        return inTopologicalOrder(span);
    }

    /**
     * The revisions {@code alembic upgrade heads} applies to a database stamped at {@code fromRevisions}
     * (empty: a fresh database): every revision that is not one of them or their ancestors, in
     * topological order.
     *
     * @throws IllegalArgumentException when a stamped revision is not in the graph (Alembic: "Can't
     *     locate revision identified by ...")
     */
    public List<Migration> upgradePlan(Collection<String> fromRevisions) {
        Set<String> applied = new HashSet<>();
        for (String r : fromRevisions) {
            if (!contains(r)) {
                throw new IllegalArgumentException("Can't locate revision identified by '" + r + "'");
            }
            applied.addAll(ancestors(r, true));
        }
        List<Migration> out = new ArrayList<>();
        for (Migration m : topo) {
            if (!applied.contains(m.header().revisionId())) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The revisions {@code alembic upgrade heads} applies to a database stamped at {@code current}, in
     * the order Alembic runs them: the same set as {@link #upgradePlan(Collection)}, ordered by
     * Alembic's {@code RevisionMap._topological_sort} (which walks down from the heads, in the order
     * the revision map holds them, finishing a branch before the branch it depends on) and then
     * reversed, as {@code ScriptDirectory._upgrade_revs} does. {@code mapOrder} is the order Alembic
     * read the files in (for a duplicate id, the first file's place): sorted by file name from
     * Alembic 1.10, the directory's own order ({@code os.listdir}) before; null means {@link #loadOrder()}.
     *
     * @throws IllegalArgumentException when a stamped revision is not in the graph
     */
    public List<Migration> alembicUpgradeOrder(Collection<String> current, List<Migration> mapOrder) {
        Set<String> todo = new LinkedHashSet<>();
        for (Migration m : upgradePlan(current)) {
            todo.add(m.header().revisionId());
        }
        Map<String, Integer> inserted = new HashMap<>();
        for (Migration m : mapOrder == null ? loadOrder : mapOrder) {
            inserted.putIfAbsent(m.header().revisionId(), inserted.size());
        }
        List<String> currentHeads = new ArrayList<>();
        for (String h : heads) {
            if (todo.contains(h)) {
                currentHeads.add(h);
            }
        }
        currentHeads.sort(Comparator.comparing(h -> inserted.getOrDefault(h, Integer.MAX_VALUE)));
        List<Set<String>> ancestorsByIdx = new ArrayList<>();
        for (String h : currentHeads) {
            ancestorsByIdx.add(ancestors(h, true));
        }
        List<String> output = new ArrayList<>();
        int candidateIdx = 0;
        while (!currentHeads.isEmpty()) {
            String candidate = currentHeads.get(candidateIdx);
            int blockedBy = -1;
            for (int i = 0; i < ancestorsByIdx.size(); i++) {
                if (i != candidateIdx && ancestorsByIdx.get(i).contains(candidate)) {
                    blockedBy = i;
                    break;
                }
            }
            if (blockedBy >= 0) {
                // another head depends on this revision: that branch is walked first
                candidateIdx = blockedBy;
                continue;
            }
            if (todo.remove(candidate)) {
                output.add(candidate);
            }
            List<String> toAdd = new ArrayList<>();
            for (String r : allParents(candidate)) {
                if (todo.contains(r) && !currentHeads.contains(r)) {
                    toAdd.add(r);
                }
            }
            if (toAdd.isEmpty()) {
                currentHeads.remove(candidateIdx);
                ancestorsByIdx.remove(candidateIdx);
                candidateIdx = Math.max(candidateIdx - 1, 0);
            } else if (dependsOn(candidate).isEmpty() && parents(candidate).size() == 1) {
                currentHeads.set(candidateIdx, toAdd.get(0));
                ancestorsByIdx.get(candidateIdx).remove(candidate);
            } else {
                currentHeads.set(candidateIdx, toAdd.get(0));
                ancestorsByIdx.set(candidateIdx, ancestors(toAdd.get(0), true));
                for (String r : toAdd.subList(1, toAdd.size())) {
                    currentHeads.add(r);
                    ancestorsByIdx.add(ancestors(r, true));
                }
            }
        }
        List<Migration> out = new ArrayList<>(output.size());
        for (int i = output.size() - 1; i >= 0; i--) {
            out.add(nodes.get(output.get(i)));
        }
        return List.copyOf(out);
    }

    public List<Migration> upgradePlan(String fromRevision) {
        return upgradePlan(fromRevision == null ? List.of() : List.of(fromRevision));
    }

    /**
     * Resolves an id the way Alembic resolves command-line and {@code alembic_version} values: the
     * exact id, then a branch label, then a unique prefix of an id longer than 3 characters. (Entries
     * of {@code down_revision}/{@code depends_on} get no prefix matching: those must be exact.)
     */
    public Optional<String> resolve(String idOrPrefix) {
        if (idOrPrefix == null || idOrPrefix.isEmpty()) {
            return Optional.empty();
        }
        String exact = resolveReference(idOrPrefix, Edge.DEPENDS_ON);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<String> hits = new ArrayList<>();
        for (String id : nodes.keySet()) {
            if (id.length() > 3 && id.startsWith(idOrPrefix)) {
                hits.add(id);
            }
        }
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    private List<String> inTopologicalOrder(Collection<String> ids) {
        Set<String> want = new HashSet<>(ids);
        List<String> out = new ArrayList<>();
        for (Migration m : topo) {
            if (want.contains(m.header().revisionId())) {
                out.add(m.header().revisionId());
            }
        }
        return out;
    }
}
