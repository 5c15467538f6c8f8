package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
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
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaTimeline#existing} held to the replay run for every question, at every point, and the ratchet of the
 * replay's answer against the event log's: on
 * every tree {@link TimelineOracleTest#trees()} gives (its last 200 revisions), at every (revision, operation) and
 * for every object a creation of the tree names, the event log's answer ({@code existingByEvents}) is held
 * against the replay's ({@code existingByReplay}). Each difference falls in a
 * class ({@link #why}); {@code src/test/resources/oracle/existing-mismatches.txt} holds each class's count as its
 * ceiling. A class above its ceiling, or a class not listed, fails: the two engines drift apart. A class below
 * its ceiling fails too, until the ceiling is lowered ({@code -Dapprove=true} rewrites the file), so a
 * difference resolved stays resolved. The points themselves are written to {@code target/oracle/existing-points.txt}.
 */
class ExistingOracleTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path APPROVED = ROOT.resolve("src/test/resources/oracle/existing-mismatches.txt");
    private static final int MAX_REVISIONS = 200;

    @Test
    void the_event_log_and_the_replay_differ_on_existing_no_more_than_listed() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> reasons = new TreeMap<>();
        StringBuilder points = new StringBuilder();
        int asked = 0;
        List<String> accelerated = new ArrayList<>();
        for (Map.Entry<String, List<Path>> tree : TimelineOracleTest.trees().entrySet()) {
            List<Migration> order = TimelineOracleTest.load(tree.getValue());
            if (order.isEmpty()) {
                continue;
            }
            SchemaTimeline t = SchemaTimeline.build(order);
            Set<ObjectRef> refs = new LinkedHashSet<>();
            for (Creation c : t.creations()) {
                refs.add(c.key());
            }
            for (int p = Math.max(0, order.size() - MAX_REVISIONS); p < order.size(); p++) {
                Migration m = order.get(p);
                int n = m.upgrade().size();
                for (int i = 0; i <= n; i++) {
                    int at = i == n ? Integer.MAX_VALUE : i;
                    for (ObjectRef ref : refs) {
                        asked++;
                        Creation old = t.existingByEvents(ref, m, at, Settings.DEFAULT);
                        Creation now = t.existingByReplay(ref, m, at, Settings.DEFAULT);
                        Creation sole = t.existing(ref, m, at, Settings.DEFAULT);
                        if (sole != now) {
                            accelerated.add(tree.getKey() + " " + m.header().revisionId() + "@"
                                    + (i == n ? "end" : String.valueOf(i)) + " " + ref + " replay=" + label(now)
                                    + " existing=" + label(sole));
                        }
                        if (old != now) {
                            String why = why(t, ref, m, at, old, now);
                            String code = why.substring(0, why.indexOf(' '));
                            counts.merge(code, 1, Integer::sum);
                            reasons.put(code, why.substring(code.length() + 1));
                            points.append(tree.getKey()).append(' ').append(m.header().revisionId()).append('@')
                                    .append(i == n ? "end" : String.valueOf(i)).append(' ').append(ref)
                                    .append(" events=").append(label(old)).append(" replay=").append(label(now))
                                    .append(" [").append(code).append("]\n");
                        }
                    }
                }
            }
        }
        assertTrue(asked > 10_000, "the oracle asked " + asked + " questions");
        assertEquals(List.of(), accelerated, "existing answered without the replay (ObjectReplay.soleCreation) where"
                + " the replay answers otherwise");
        Path out = ROOT.resolve("target/oracle/existing-points.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, points, StandardCharsets.UTF_8);
        StringBuilder actual = new StringBuilder("# existing: event log against replay, points that differ per class"
                + " (the ceiling), of " + asked + " asked; the points: target/oracle/existing-points.txt\n");
        counts.forEach((code, count) -> actual.append(code).append('\t').append(count).append('\t')
                .append(reasons.get(code)).append('\n'));
        if (Boolean.getBoolean("approve")) {
            Files.writeString(APPROVED, actual, StandardCharsets.UTF_8);
        }
        Map<String, Integer> ceilings = ceilings(Files.exists(APPROVED)
                ? Files.readString(APPROVED, StandardCharsets.UTF_8) : "");
        List<String> over = new ArrayList<>();
        List<String> under = new ArrayList<>();
        counts.forEach((code, count) -> {
            int ceiling = ceilings.getOrDefault(code, 0);
            if (count > ceiling) {
                over.add(code + " " + count + " > " + ceiling + " (" + reasons.get(code) + ")");
            }
        });
        ceilings.forEach((code, ceiling) -> {
            if (counts.getOrDefault(code, 0) < ceiling) {
                under.add(code + " " + counts.getOrDefault(code, 0) + " < " + ceiling);
            }
        });
        assertEquals(List.of(), over, "existing: the replay and the event log differ at more points than "
                + ROOT.relativize(APPROVED) + " allows (the points: " + ROOT.relativize(out) + ")");
        assertEquals(List.of(), under, "existing: fewer differences than the ceilings of " + ROOT.relativize(APPROVED)
                + ": lower them (-Dapprove=true) so what is resolved stays resolved");
    }

    private static Map<String, Integer> ceilings(String approved) {
        Map<String, Integer> out = new TreeMap<>();
        for (String line : approved.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", 3);
            out.put(cols[0], Integer.parseInt(cols[1]));
        }
        return out;
    }

    private static String label(Creation c) {
        return c == null ? "null" : c.via() + "@" + c.migration().header().revisionId() + ":" + c.index();
    }

    /** The class of a point where the event log answers {@code old} and the replay {@code now}, by what the state holds. */
    static String why(SchemaTimeline t, ObjectRef ref, Migration m, int at, Creation old, Creation now) {
        ObjectRef key = SchemaTimeline.norm(ref);
        ObjectReplay.Held st = t.replayedBefore(key, m, at);
        Presence held = st == null ? null : st.presence();
        Effect.Forget.Reach doubt = st == null ? null : st.doubt();
        SchemaState.Maker maker = st == null ? null : st.maker();
        Creation table = key.table() == null ? null : t.existingByEvents(ObjectRef.table(key.table()), m, at,
                Settings.DEFAULT);
        if (old != null && now != null) {
            boolean later = now.migration() == old.migration() ? now.index() > old.index()
                    : t.isAncestor(old.migration(), now.migration());
            return later ? "B1 the replay's maker is a later creation: the state took the object before it (a cascade:"
                    + " a dropped table's serial sequence, a dropped parent's partitions, DROP FUNCTION ... CASCADE's"
                    + " triggers, DROP TYPE ... CASCADE's columns; or a drop the event log files elsewhere), the"
                    + " event log keeps the first creation since its last drop"
                    : "B2 the replay's maker is an earlier creation the event log ended: a drop and a creation again in a"
                    + " handler that runs only in the transaction a failed statement aborted (25P02), which the state"
                    + " does not apply";
        }
        if (old != null) {
            if (held == Presence.ABSENT) {
                return old.via() == Creation.Via.RENAME
                        ? "R1 renamed from a source the tree never made (an index, sequence or type of the schema the"
                                + " chain started with): the event log takes the target as made, the replay assumes only"
                                + " the starting schema's tables, so the rename finds no source and the target stays absent"
                        : "R2 taken by a cascade the state follows (a dropped column's constraints and indexes, a"
                                + " dropped table's serial sequence or a dropped parent's partitions, DROP ... CASCADE's"
                                + " dependents), the event log keeps it";
            }
            if (held == Presence.UNKNOWN && doubt == Effect.Forget.Reach.TAKES) {
                return "R3 code that may take it (a drop whose name or table is read at run time, DROP VIEW of a name"
                        + " not read forgets every relation): the event log takes it to reach only objects of the"
                        + " drop's kind";
            }
            if (maker == null) {
                return held == Presence.UNKNOWN && doubt == Effect.Forget.Reach.MAKES
                        ? "R4 a key whose name the server picks (an unnamed primary key, foreign key or unique, a"
                                + " name truncated to 63 bytes) or made on a table the tree never made: the state holds"
                                + " it unknown with no maker, the event log names the statement"
                        : "R5 forgotten by code the analyzer cannot read, with no entry of its own: the state names no"
                                + " maker, the event log keeps its creation";
            }
            return table != null && table.via() == Creation.Via.RENAME
                    ? "R6 lives in a table renamed into place: the state's maker is the creation under the table's"
                            + " old name, no creation of this name"
                    : "R7 the state's maker is no creation of this name (a rename's source, the table's old name)";
        }
        if (held == Presence.UNKNOWN) {
            return "N1 the state holds it UNKNOWN for code that may make or take it (a drop whose name, schema or"
                    + " condition is read at run time followed by code that may make it again, a table copied and"
                    + " renamed into place in a loop, code not read): the event log ended it at the uncertain drop,"
                    + " the replay keeps its maker";
        }
        if (table != null && table.via() == Creation.Via.RENAME) {
            return "N2 lives in a table renamed into place: the state moves it with the table, the event log only the"
                    + " table";
        }
        return "N3 the state holds PRESENT what the event log ended: a drop in a handler that re-raises or runs"
                + " only in the transaction a failed statement aborted, a foreign-key drop of a name read at run"
                + " time that cannot reach a primary key";
    }
}
