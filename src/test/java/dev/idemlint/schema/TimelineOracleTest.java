package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Settings;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.python.PythonParser;
import dev.idemlint.source.SourceFile;
import dev.idemlint.sql.SqlClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The differential oracle of the schema timeline: for every versions tree the repository holds (the fixtures,
 * the proof trees, the examples, the bench tree), the answers {@link SchemaTimeline} gives the rules at every
 * (revision, operation) are held against a replay of {@link SchemaState#apply} along the graph: a revision's
 * state before operation {@code i} is an empty database that every ancestor's upgrade ran on, in walk order (a
 * merge replays each branch once), then the revision's own first {@code i} operations. An operation that may not
 * run ({@code OpSite#definite} false) applies its effects as its first run would ({@link Replay#firstRun}). This
 * replay starts every revision from an empty database; the timeline's own ({@link Replay}) runs each line once and
 * forks at branch points, so where the timeline answers from it ({@code opaqueBefore},
 * {@code startsFromExistingSchema}) the oracle holds the one to the other.
 *
 * <p>The answers compared, per object any creation of the tree names and per point:
 * <ul>
 * <li>{@code existing}: the timeline has a live creation; the state does not hold the object {@code ABSENT}.
 * <li>{@code certainlyExisting}: the timeline's sure creation; the state holds the object {@code PRESENT}.
 * <li>{@code opaqueBefore}: code the analyzer could not read may have made an object of the kind's namespace; the
 * state does not hold a name no revision writes {@code ABSENT}.
 * <li>{@code labels}: an enum type's labels; the labels of the type the state holds {@code PRESENT}, else none.
 * <li>{@code startsFromExistingSchema}: an operation needs a table nothing before it made; the state holds the
 * table an operation requires ({@link Replay#requiredTables}) {@code ABSENT} there.
 * <li>{@code creator}: where the timeline has a live creation and the state does not hold the object absent, the
 * timeline's creation and the state's maker ({@link SchemaState#creator}) are the same operation.
 * <li>{@code threatened}, at each creation: something on the path may have taken the object unseen; the state holds it
 * {@code UNKNOWN} for code that may take it ({@link SchemaState#doubt}), or the revision's chain leaves the tree.
 * </ul>
 * Every disagreement is listed in {@code src/test/resources/oracle/timeline-mismatches.txt}, which the test
 * holds the run to ({@code -Dapprove=true} rewrites it): a new disagreement, or one gone, fails until it is
 * explained there.
 */
class TimelineOracleTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path APPROVED = ROOT.resolve("src/test/resources/oracle/timeline-mismatches.txt");
    private static final Settings S = Settings.DEFAULT;
    private static final Effects.Naming NAMING = new Effects.Naming(() -> true,
            () -> NamingConvention.SQLALCHEMY_DEFAULT, () -> false);
    /** A name no tree writes: what the state says of it is what it says of any name not read. */
    private static final String PROBE = "idemlint_oracle_probe_never_written";
    /** A tree with more revisions is replayed from its last revisions' ancestors only, to bound the run. */
    private static final int MAX_REVISIONS = 200;

    @Test
    void the_replayed_state_agrees_with_the_timeline_on_every_tree() throws IOException {
        Map<String, List<Path>> trees = trees();
        assertTrue(trees.size() > 300, "the oracle found " + trees.size() + " trees");
        String actual = report(trees);
        if (Boolean.getBoolean("approve")) {
            Files.createDirectories(APPROVED.getParent());
            Files.writeString(APPROVED, actual, StandardCharsets.UTF_8);
        }
        String approved = Files.exists(APPROVED) ? Files.readString(APPROVED, StandardCharsets.UTF_8) : "";
        assertEquals(approved, actual, "the timeline and the replayed state disagree differently from "
                + ROOT.relativize(APPROVED) + " (run with -Dapprove=true and review the diff)");
    }

    /**
     * The oracle over the versions trees of checkouts outside the repository ({@code -Doracle.roots=}, folders
     * separated by the path separator: the real-project corpus, unpacked Debian packages): every folder named
     * {@code versions} under them, with the revision files below it, is one tree. The disagreements go to
     * {@code target/oracle/external-mismatches.txt}; each must fall in a class the oracle explains (none marked
     * {@code ?}). Skipped without the property: the checkouts are not the repository's.
     */
    @Test
    void the_replayed_state_agrees_with_the_timeline_on_the_checkouts_given() throws IOException {
        String roots = System.getProperty("oracle.roots", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(roots.isBlank(), "no -Doracle.roots given");
        Map<String, List<Path>> trees = new TreeMap<>();
        for (String root : roots.split(java.io.File.pathSeparator)) {
            if (!root.isBlank()) {
                trees.putAll(versionsTrees(Path.of(root.strip())));
            }
        }
        assertTrue(!trees.isEmpty(), "no versions folder under " + roots);
        String actual = report(trees);
        Path out = ROOT.resolve("target/oracle/external-mismatches.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);
        for (String line : actual.split("\n")) {
            assertTrue(!line.startsWith("# ") || !line.endsWith("?"), "a disagreement the oracle cannot explain: "
                    + line + " (see " + out + ")");
        }
    }

    /** The versions folders under {@code root}, outermost only, each with its revision files (recursively). */
    private static Map<String, List<Path>> versionsTrees(Path root) throws IOException {
        Map<String, List<Path>> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(root)) {
            dirs = s.filter(d -> Files.isDirectory(d) && d.getFileName() != null
                    && d.getFileName().toString().equals("versions")).sorted().toList();
        }
        Path last = null;
        for (Path d : dirs) {
            if (last != null && d.startsWith(last)) {
                continue;
            }
            last = d;
            List<Path> files;
            try (Stream<Path> s = Files.walk(d)) {
                files = s.filter(f -> revisionFile(f) && Files.isRegularFile(f)).sorted().toList();
            }
            if (!files.isEmpty()) {
                out.put(d.toString(), files);
            }
        }
        return out;
    }

    /** The disagreements over {@code trees}, with a summary per query and per class. */
    private static String report(Map<String, List<Path>> trees) {
        Map<String, List<String>> byTree = new TreeMap<>();
        int points = 0;
        for (Map.Entry<String, List<Path>> tree : trees.entrySet()) {
            List<Migration> revisions = load(tree.getValue());
            if (revisions.isEmpty()) {
                continue;
            }
            List<String> found = new ArrayList<>();
            points += compare(revisions, found);
            if (!found.isEmpty()) {
                byTree.put(tree.getKey(), found);
            }
        }
        assertTrue(points > 1000, "the oracle compared " + points + " answers");
        StringBuilder out = new StringBuilder();
        Map<String, Integer> perQuery = new TreeMap<>();
        Map<String, Integer> perReason = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : byTree.entrySet()) {
            out.append("## ").append(e.getKey()).append('\n');
            // one line per disagreement, with the points it holds at ("query point rest" grouped by "query rest")
            Map<String, List<String>> at = new java.util.LinkedHashMap<>();
            for (String line : e.getValue()) {
                int first = line.indexOf(' ');
                int second = line.indexOf(' ', first + 1);
                String query = line.substring(0, first);
                if (query.equals("startsFromExistingSchema")) {
                    at.computeIfAbsent(line, k -> new ArrayList<>());
                } else {
                    at.computeIfAbsent(query + line.substring(second), k -> new ArrayList<>())
                            .add(line.substring(first + 1, second));
                }
                perQuery.merge(query, 1, Integer::sum);
                int open = line.lastIndexOf(" [");
                if (open > 0) {
                    perReason.merge(line.substring(open + 2, line.length() - 1), 1, Integer::sum);
                }
            }
            for (Map.Entry<String, List<String>> d : at.entrySet()) {
                out.append(d.getKey());
                if (!d.getValue().isEmpty()) {
                    out.append(" at ").append(String.join(" ", d.getValue()));
                }
                out.append('\n');
            }
        }
        StringBuilder summary = new StringBuilder("# points of disagreement per query: " + perQuery + "\n");
        for (Map.Entry<String, Integer> r : perReason.entrySet()) {
            summary.append("# ").append(r.getValue()).append('\t').append(r.getKey()).append(' ')
                    .append(REASONS.get(r.getKey())).append('\n');
        }
        return summary.toString() + out;
    }

    /**
     * Every versions tree: a rule fixture's single revision file alone, every other folder's revisions together
     * (a fixture folder's tree, the proof trees, the examples, the bench tree); by name.
     */
    static Map<String, List<Path>> trees() throws IOException {
        Map<String, List<Path>> out = new TreeMap<>();
        for (String top : List.of("src/test/resources", "examples", "bench")) {
            Path p = ROOT.resolve(top);
            if (!Files.isDirectory(p)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(p)) {
                files = s.filter(f -> revisionFile(f) && Files.isRegularFile(f)).sorted().toList();
            }
            for (Path f : files) {
                Path dir = f.getParent();
                boolean single = dir.getParent() != null && dir.getParent().getFileName().toString().equals("rules")
                        && dir.getParent().getParent().getFileName().toString().equals("fixtures");
                String name = ROOT.relativize(single ? f : dir).toString().replace('\\', '/');
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    private static boolean revisionFile(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".py") && !n.endsWith(".approved.py") && !n.endsWith(".received.py");
    }

    /** The revisions of {@code files} as the reader models them, in walk order; files that do not parse left out. */
    static List<Migration> load(List<Path> files) {
        List<Migration> list = new ArrayList<>();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue;
            }
            try {
                SourceFile src = SourceFile.of(f, ROOT.relativize(f).toString(), text);
                Migration m = new MigrationReader().read(new PythonParser().parse(src));
                if (m == null || !m.header().isRevision()) {
                    continue;
                }
                List<Operation> ops = new ArrayList<>();
                for (Operation o : m.operations()) {
                    if (o instanceof Operation.RawSql raw) {
                        ops.addAll(new SqlClassifier().classify(raw));
                    } else {
                        ops.add(o);
                    }
                }
                list.add(m.withOperations(ops).withoutModule());
            } catch (Exception e) {
                // a fixture of a parse error or of a broken header: no tree to compare
            }
        }
        if (list.isEmpty()) {
            return list;
        }
        try {
            return RevisionGraph.build(list).topologicalOrder();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Compares the two at every point of {@code order}; the disagreements into {@code found}; how many answers. */
    private static int compare(List<Migration> order, List<String> found) {
        SchemaTimeline t = SchemaTimeline.build(order);
        Set<ObjectRef> refs = new LinkedHashSet<>();
        Map<Migration, List<Creation>> madeIn = new java.util.IdentityHashMap<>();
        for (Creation c : t.creations()) {
            refs.add(c.key());
            madeIn.computeIfAbsent(c.migration(), k -> new ArrayList<>()).add(c);
        }
        Set<String> engines = new java.util.HashSet<>();
        for (Migration m : order) {
            for (Operation op : m.upgrade()) {
                engines.add(op.site().engine());
            }
        }
        boolean multidb = engines.size() > 1;
        Set<QualifiedName> types = new LinkedHashSet<>();
        for (ObjectRef ref : refs) {
            if (ref.kind() == ObjectKind.TYPE) {
                types.add(ref.name());
            }
        }
        int from = Math.max(0, order.size() - MAX_REVISIONS);
        int points = 0;
        boolean needsMissing = false;
        for (int p = from; p < order.size(); p++) {
            Migration m = order.get(p);
            // a multidb chain: one database per engine, each running its engine's operations (null: all of them)
            Map<String, SchemaState> states = new java.util.HashMap<>();
            for (String engine : multidb ? engines : java.util.Collections.<String>singleton(null)) {
                states.put(engine, empty());
            }
            for (int q = 0; q < p; q++) {
                if (t.isAncestor(order.get(q), m)) {
                    for (Map.Entry<String, SchemaState> e : states.entrySet()) {
                        run(e.getValue(), order.get(q), e.getKey());
                    }
                }
            }
            List<Operation> ops = m.upgrade();
            boolean complete = t.complete(m);
            Map<String, Map<Object, Guard.Truth>> tested = new java.util.HashMap<>();
            for (int i = 0; i <= ops.size(); i++) {
                int at = i == ops.size() ? Integer.MAX_VALUE : i;
                String where = label(m) + "@" + (i == ops.size() ? "end" : String.valueOf(i));
                SchemaState state = multidb ? stateAt(states, ops, i) : states.get(null);
                if (state == null) {
                    // the end of a revision that runs on several databases: the timeline answers for none of them
                    continue;
                }
                for (Creation c : madeIn.getOrDefault(m, List.of())) {
                    if (c.index() != i) {
                        continue;
                    }
                    // whether something on the path may have taken the object without the analyzer knowing
                    boolean oldThreat = t.threatened(c.key(), m, i);
                    Effect.Forget.Reach doubt = state.doubt(c.key());
                    boolean newThreat = !complete || doubt != null && doubt.mayTake();
                    points++;
                    if (oldThreat != newThreat) {
                        found.add("threatened " + where + " " + c.key() + " timeline=" + oldThreat + " state="
                                + state.presence(c.key()) + (doubt == null ? "" : "/" + doubt)
                                + tag(whyThreat(oldThreat, state.presence(c.key()), doubt)));
                    }
                }
                for (ObjectRef ref : refs) {
                    Presence now = state.presence(ref);
                    Creation live = t.existing(ref, m, at, S);
                    if (live != null && now != Presence.ABSENT) {
                        // the creation that made it exist there: the timeline's and the state's maker
                        SchemaState.Maker maker = state.creator(ref);
                        points++;
                        if (maker == null || maker.migration() != live.migration() || maker.index() != live.index()) {
                            found.add("creator " + where + " " + ref + " timeline=" + label(live.migration()) + "@"
                                    + live.index() + " state=" + maker + tag(whyCreator(t, live, maker, now)));
                        }
                    }
                    boolean oldExisting = live != null;
                    boolean oldCertain = t.certainlyExisting(ref, m, at, S) != null;
                    // a revision whose chain leaves the tree may meet anything its missing ancestors made
                    boolean newCertain = complete && now == Presence.PRESENT;
                    points += 2;
                    if (oldExisting != (now != Presence.ABSENT)) {
                        found.add("existing " + where + " " + ref + " timeline=" + oldExisting + " state=" + now
                                + tag(whyExisting(t, ref, m, at, now)));
                    }
                    if (oldCertain != newCertain) {
                        found.add("certainlyExisting " + where + " " + ref + " timeline=" + oldCertain + " state=" + now
                                + tag(whyCertain(t, ref, m, at, now, complete)));
                    }
                }
                for (ObjectKind kind : List.of(ObjectKind.TABLE, ObjectKind.TYPE, ObjectKind.INDEX, ObjectKind.SEQUENCE)) {
                    boolean oldOpaque = t.opaqueBefore(m, at, kind);
                    Presence probe = state.presence(ObjectRef.of(kind, QualifiedName.of(PROBE)));
                    points++;
                    if (oldOpaque != (probe != Presence.ABSENT)) {
                        found.add("opaqueBefore " + where + " " + kind + " timeline=" + oldOpaque + " state=" + probe
                                + tag(oldOpaque ? "O1 opaque code that names what it touches: the state forgets those names"
                                        + " only" : "O2 the state forgets a whole namespace the timeline takes no opaque"
                                        + " operation to reach"));
                    }
                }
                for (QualifiedName type : types) {
                    List<String> old = t.labels(type, m, at);
                    ObjectRef ref = ObjectRef.of(ObjectKind.TYPE, type);
                    List<String> now = state.presence(ref) == Presence.PRESENT && state.labels(type) != null
                            ? state.labels(type) : List.of();
                    points++;
                    if (!old.equals(now)) {
                        found.add("labels " + where + " " + type + " timeline=" + old + " state=" + now
                                + tag("L1 the replay that forks at branch points and the one from an empty database"
                                        + " disagree on a type's labels"));
                    }
                }
                if (i < ops.size()) {
                    for (QualifiedName needed : needed(ops.get(i))) {
                        if (state.presence(ObjectRef.table(needed)) == Presence.ABSENT) {
                            needsMissing = true;
                        }
                    }
                    for (Map.Entry<String, SchemaState> e : states.entrySet()) {
                        if (runsOn(ops.get(i), e.getKey())) {
                            apply(e.getValue(), m, i, ops.get(i), tested.computeIfAbsent(e.getKey(),
                                    k -> new java.util.HashMap<>()));
                        }
                    }
                }
            }
        }
        boolean oldStarts = t.startsFromExistingSchema(S);
        points++;
        if (from == 0 && oldStarts != needsMissing) {
            found.add("startsFromExistingSchema timeline=" + oldStarts + " state=" + needsMissing);
        }
        return points;
    }

    /** The classes of disagreement met, by code ("E1"), each with its explanation. */
    private static final Map<String, String> REASONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** " [E1]" for a line, the class's explanation kept for the summary. */
    private static String tag(String why) {
        String code = why.substring(0, why.indexOf(' '));
        REASONS.put(code, why.substring(code.length() + 1));
        return " [" + code + "]";
    }

    /**
     * Why the two disagree on {@code existing}, by what the timeline knows of the object there: each class a
     * difference of model between the engines, named in the approved list's summary.
     */
    private static String whyExisting(SchemaTimeline t, ObjectRef ref, Migration m, int at, Presence now) {
        Creation c = t.existing(ref, m, at, S);
        if (c != null) {
            if (now == Presence.ABSENT) {
                return c.via() == Creation.Via.RENAME
                        ? "E1 renamed from a source the tree never made: the timeline takes the target as made, the state"
                                + " keeps the source absent (PostgreSQL raises)"
                        : "E2 the timeline keeps what a cascade the state follows took (a dropped column's indexes and"
                                + " constraints, DROP TYPE ... CASCADE's columns, a dropped parent's partitions)";
            }
            return "E3 ?";
        }
        boolean madeBefore = t.creationsOf(ref).stream()
                .anyMatch(x -> x.migration() == m ? x.index() < at : t.isAncestor(x.migration(), m));
        if (now == Presence.UNKNOWN) {
            return madeBefore ? "E4 made, then maybe dropped: the timeline ends an object at a drop that may not run or"
                    + " whose name is read at run time, the state holds it UNKNOWN"
                    : "E5 never made on this path: the state holds it UNKNOWN after code it cannot read";
        }
        Creation table = ref.table() == null ? null : t.existing(ObjectRef.table(ref.table()), m, at, S);
        if (table != null && table.via() == Creation.Via.RENAME) {
            return "E8 what lives in a table renamed into place: the state moves it with the table, the timeline only"
                    + " the table";
        }
        return madeBefore ? "E6 the state holds PRESENT what the timeline takes as dropped"
                : "E7 the state holds PRESENT what no creation of the timeline makes on this path (the index"
                + " a UNIQUE constraint makes under its name)";
    }

    /** Why the two disagree on {@code threatened} at a creation: what the state holds of the object there. */
    private static String whyThreat(boolean oldThreat, Presence now, Effect.Forget.Reach doubt) {
        if (oldThreat) {
            return now == Presence.UNKNOWN ? "T1 the state holds it UNKNOWN only as code that may make it, where the"
                    + " timeline sees a conditional drop or unread code on the path"
                    : "T2 a threat on the path the state settled since: the object made or dropped for sure after"
                    + " it, or a conditional drop of what was not there";
        }
        return "T3 the state takes code it cannot read (forgotten names, a kind, everything) to reach the object where"
                + " the timeline sees no threat";
    }

    /** Why the two name different creations of an object both hold there. */
    private static String whyCreator(SchemaTimeline t, Creation live, SchemaState.Maker maker, Presence now) {
        if (maker == null) {
            if (now != Presence.UNKNOWN) {
                return "K2 held PRESENT with no maker (a sequence an identity column makes under a name PostgreSQL"
                        + " picks): the timeline names the creation of that name visible there";
            }
            return live.shape().postgresNamed() ? "K1 a name PostgreSQL picks itself (t_pkey, t_id_seq) when it may be"
                    + " taken already: the state holds the table's keys or the name unknown, made by no one it names"
                    : "K6 held UNKNOWN by a forget of a kind or of names, with no entry of its own, where the timeline"
                    + " has a creation";
        }
        boolean madeLater = maker.migration() == live.migration() ? maker.index() > live.index()
                : t.isAncestor(live.migration(), maker.migration());
        if (madeLater) {
            return now == Presence.UNKNOWN ? "K3 the state's maker is a later creation that may have made it again"
                    + " after it became unknown; the timeline keeps the first since its last drop"
                    : "K4 the state's maker is a later creation (the object gone for the state before it)";
        }
        return "K5 the state's maker is an earlier creation the timeline ended (a drop the state does not take"
                + " to reach it, or a creation the timeline does not see)";
    }

    /** Why the two disagree on {@code certainlyExisting}: which of the timeline's conditions differs from presence. */
    private static String whyCertain(SchemaTimeline t, ObjectRef ref, Migration m, int at, Presence now,
            boolean complete) {
        Creation c = t.existing(ref, m, at, S);
        if (now != Presence.PRESENT) {
            return now == Presence.UNKNOWN ? "C1 the state forgot it (an uncertain effect or code it cannot read that it"
                    + " takes to reach the object) where the timeline sees no threat"
                    : "C2 certain in the timeline, taken by a cascade the state follows (DROP TYPE ... CASCADE, a"
                    + " dropped parent's partitions): the rules decide these from the state, no false finding";
        }
        if (c == null) {
            return "C3 not existing in the timeline (see existing)";
        }
        if (c.via() == Creation.Via.RENAME) {
            return "C4 made by a rename: never certain in the timeline";
        }
        if (c.tolerance() != Creation.Tolerance.NONE) {
            return "C5 a tolerant creation (IF NOT EXISTS, checkfirst): the timeline is unsure, the state made it on a"
                    + " path that had none";
        }
        if (c.via() == Creation.Via.TABLE_ELEMENT && c.constraintKind() == dev.idemlint.migration.ConstraintKind.UNIQUE) {
            return "C6 a UNIQUE inside CREATE TABLE that PostgreSQL may leave out";
        }
        QualifiedName table = c.key().table();
        if (table != null && t.existing(ObjectRef.table(table), c.migration(), c.index() + 1, S) == null) {
            return "C9 made on a table the tree never made (the schema the chain started with): its columns and keys"
                    + " are not known there, so a name the server chooses, a primary key or a guard that reads them"
                    + " is not certain";
        }
        if (!c.migration().verdicts().definite(c.operation())) {
            return "C7 a guarded or conditional creation the state's evaluation of the guard settles";
        }
        return "C8 a threat between the creation and here (a conditional drop, a dropped column, code not read) the"
                + " state does not take to reach the object";
    }

    /** Runs a whole upgrade on the database of {@code engine}: each of its operations' effects, then the session ends. */
    private static void run(SchemaState state, Migration m, String engine) {
        Map<Object, Guard.Truth> tested = new java.util.HashMap<>();
        List<Operation> ops = m.upgrade();
        for (int i = 0; i < ops.size(); i++) {
            if (runsOn(ops.get(i), engine)) {
                apply(state, m, i, ops.get(i), tested);
            }
        }
        state.endSession();
    }

    /** Whether {@code op} runs on the database of multidb engine {@code engine} (null: the one of every operation). */
    private static boolean runsOn(Operation op, String engine) {
        return engine == null || engine.equals(op.site().engine());
    }

    /**
     * The database operation {@code i} of a multidb revision runs on; at its end, the one all its operations run on,
     * null when they run on several or it has none.
     */
    private static SchemaState stateAt(Map<String, SchemaState> states, List<Operation> ops, int i) {
        if (i < ops.size()) {
            return states.get(ops.get(i).site().engine());
        }
        Set<String> used = new java.util.HashSet<>();
        ops.forEach(op -> used.add(op.site().engine()));
        return used.size() == 1 ? states.get(used.iterator().next()) : null;
    }

    /**
     * Applies operation {@code i} of {@code m}, {@code op}, as its first run on {@code state} makes it
     * ({@link Replay#apply}): its effects, each object it makes with it as the maker.
     */
    private static void apply(SchemaState state, Migration m, int i, Operation op, Map<Object, Guard.Truth> tested) {
        Replay.apply(state, m, i, op, Effects.of(op, NAMING), tested);
    }

    /** The tables {@code op} needs to exist and does not make itself ({@link Replay#requiredTables}). */
    private static List<QualifiedName> needed(Operation op) {
        return Replay.requiredTables(Effects.of(op, NAMING));
    }

    private static SchemaState empty() {
        return Replay.empty();
    }

    private static String label(Migration m) {
        String id = m.header().revisionId();
        return id != null ? id : String.valueOf(m.source());
    }
}
