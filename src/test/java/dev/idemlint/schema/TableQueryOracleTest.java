package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The differential oracle of the table queries: at every operation of every tree, for each table the rules ask of
 * there ({@link #asked}), {@link SchemaTimeline#keys} and {@link SchemaTimeline#columnOrder} as the one walk of the
 * tree answers them ({@link Replay#tableAt}: a revision runs on its fork point's state, a merge runs the branches it
 * joins again) are held to a replay of that point alone from an empty database ({@link SchemaTimeline#before}, every
 * ancestor in walk order, then the revision's first operations). Trees: those {@link TimelineOracleTest} reads, plus
 * every versions folder under the roots {@code -Doracle.roots} lists (separated by {@code :}). Every disagreement on
 * the repository's trees is listed in {@code src/test/resources/oracle/table-query-mismatches.txt}, which the test
 * holds the run to ({@code -Dapprove=true} rewrites it); with roots given, the list goes to
 * {@code target/table-oracle.txt} only.
 */
class TableQueryOracleTest {
    private static final Path APPROVED = Path.of("src/test/resources/oracle/table-query-mismatches.txt");

    @Test
    void the_walk_answers_keys_and_column_order_as_a_replay_of_the_point() throws IOException {
        Map<String, List<Path>> trees = new TreeMap<>(TimelineOracleTest.trees());
        String roots = System.getProperty("oracle.roots", "");
        for (String root : roots.split(":")) {
            if (!root.isBlank()) {
                trees.putAll(versionsFolders(Path.of(root)));
            }
        }
        int points = 0;
        int answered = 0;
        StringBuilder out = new StringBuilder();
        int mismatches = 0;
        for (Map.Entry<String, List<Path>> tree : trees.entrySet()) {
            List<Migration> order = TimelineOracleTest.load(tree.getValue());
            if (order.isEmpty()) {
                continue;
            }
            SchemaTimeline t = SchemaTimeline.build(order);
            for (Migration m : order) {
                List<Operation> ops = m.upgrade();
                for (int i = 0; i < ops.size(); i++) {
                    for (QualifiedName table : asked(ops.get(i))) {
                        List<Set<String>> oldKeys = t.keys(table, m, i);
                        List<String> oldOrder = t.columnOrder(table, m, i);
                        SchemaState alone = t.before(m, i);
                        List<Set<String>> newKeys = alone == null ? null : alone.keysOf(SchemaTimeline.norm(table));
                        List<String> newOrder = alone == null ? null : alone.columnOrder(SchemaTimeline.norm(table));
                        points += 2;
                        answered += (newKeys != null ? 1 : 0) + (newOrder != null ? 1 : 0);
                        String where = m.source().displayPath() + "@" + i + " " + table + " ("
                                + ops.get(i).getClass().getSimpleName() + ")";
                        if (!Objects.equals(oldKeys, newKeys)) {
                            mismatches++;
                            out.append("keys ").append(where).append(" walk=").append(oldKeys)
                                    .append(" alone=").append(newKeys).append('\n');
                        }
                        if (ops.get(i) instanceof Operation.Insert && !Objects.equals(oldOrder, newOrder)) {
                            mismatches++;
                            out.append("columnOrder ").append(where).append(" walk=").append(oldOrder)
                                    .append(" alone=").append(newOrder).append('\n');
                        }
                    }
                }
            }
        }
        String summary = "# trees " + trees.size() + ", points " + points + ", known " + answered
                + ", mismatches " + mismatches + "\n";
        // the approved list holds the disagreements only: a new tree without one leaves it as it is
        String actual = "# mismatches " + mismatches + "\n" + out;
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/table-oracle.txt"), summary + out, StandardCharsets.UTF_8);
        assertTrue(points > 300, "the oracle compared " + points + " answers");
        if (!roots.isBlank()) {
            return;
        }
        if (Boolean.getBoolean("approve")) {
            Files.writeString(APPROVED, actual, StandardCharsets.UTF_8);
        }
        String approved = Files.exists(APPROVED) ? Files.readString(APPROVED, StandardCharsets.UTF_8) : "";
        assertEquals(approved, actual, "the walk and a replay of each point answer the table queries differently from "
                + APPROVED + " (run with -Dapprove=true and review the diff)");
    }

    /**
     * The tables the rules ask of at {@code op}: {@code insert-not-idempotent} the keys and column order of the
     * table an INSERT fills, {@code alter-column-type-rewrites-table} the keys of the table whose column type
     * changes; by the names they ask.
     */
    private static Set<QualifiedName> asked(Operation op) {
        Set<QualifiedName> out = new LinkedHashSet<>();
        if (op instanceof Operation.Insert ins && ins.table() != null) {
            ObjectRef ref = Effects.ref(ins, ObjectKind.TABLE, null, ins.table());
            if (ref != null) {
                out.add(ref.name());
            }
        } else if (op instanceof Operation.Benign b && b.table() != null && b.column() != null && b.type() != null) {
            out.add(QualifiedName.of(b.table()));
        }
        return out;
    }

    /** The revision files under {@code root}, by the {@code versions} folder above each. */
    private static Map<String, List<Path>> versionsFolders(Path root) throws IOException {
        Map<String, List<Path>> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".py") && Files.isRegularFile(f)).sorted()
                    .toList();
        }
        for (Path f : files) {
            for (Path d = f.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
                if (d.getFileName() != null && d.getFileName().toString().equals("versions")) {
                    out.computeIfAbsent(d.toString(), k -> new ArrayList<>()).add(f);
                    break;
                }
            }
        }
        return out;
    }
}
