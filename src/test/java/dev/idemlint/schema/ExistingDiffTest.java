package dev.idemlint.schema;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExistingDiffTest {
    @Test
    void diff() throws Exception {
        Map<String, List<Path>> trees = TimelineOracleTest.trees();
        StringBuilder out = new StringBuilder();
        Map<String, Integer> counts = new TreeMap<>();
        int points = 0;
        for (Map.Entry<String, List<Path>> tree : trees.entrySet()) {
            List<Migration> order = TimelineOracleTest.load(tree.getValue());
            if (order.isEmpty()) continue;
            SchemaTimeline t = SchemaTimeline.build(order);
            Set<ObjectRef> refs = new LinkedHashSet<>();
            for (Creation c : t.creations()) refs.add(c.key());
            int from = Math.max(0, order.size() - 200);
            for (int p = from; p < order.size(); p++) {
                Migration m = order.get(p);
                int n = m.upgrade().size();
                for (int i = 0; i <= n; i++) {
                    int at = i == n ? Integer.MAX_VALUE : i;
                    for (ObjectRef ref : refs) {
                        points++;
                        Creation a = t.existingByEvents(ref, m, at, Settings.DEFAULT);
                        Creation b = t.existingByReplay(ref, m, at, Settings.DEFAULT);
                        if (a != b) {
                            String k = (a == null ? "old=null" : "old=" + a.via()) + " new=" + (b == null ? "null" : b.via());
                            counts.merge(k, 1, Integer::sum);
                            out.append(tree.getKey()).append(' ').append(m.header().revisionId()).append('@').append(i == n ? "end" : i)
                                .append(' ').append(ref).append(' ').append(k)
                                .append(a != null && b != null ? " oldAt=" + a.index() + " newAt=" + b.index() : "").append('\n');
                        }
                    }
                }
            }
        }
        Files.writeString(Path.of("/tmp/timeline-existdiff.txt"), "points " + points + " " + counts + "\n" + out);
    }
}
