package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaTimeline#existing} held to the replay run for every question ({@code existingByReplay}): on every
 * tree {@link TimelineOracleTest#trees()} gives (its last 200 revisions), at every (revision, operation) and for
 * every object a creation of the tree names, the answer the index gives without replaying
 * ({@link ObjectReplay#soleCreation}) must be the replay's.
 */
class ExistingOracleTest {
    private static final int MAX_REVISIONS = 200;

    @Test
    void existing_answers_as_the_replay_at_every_point() throws IOException {
        int asked = 0;
        int made = 0;
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
                        Creation now = t.existingByReplay(ref, m, at, Settings.DEFAULT);
                        Creation sole = t.existing(ref, m, at, Settings.DEFAULT);
                        made += now == null ? 0 : 1;
                        if (sole != now) {
                            accelerated.add(tree.getKey() + " " + m.header().revisionId() + "@"
                                    + (i == n ? "end" : String.valueOf(i)) + " " + ref + " replay=" + label(now)
                                    + " existing=" + label(sole));
                        }
                    }
                }
            }
        }
        assertTrue(asked > 10_000, "the oracle asked " + asked + " questions");
        assertTrue(made > 1_000, "the replay held " + made + " of the objects asked about made");
        assertEquals(List.of(), accelerated, "existing answered without the replay (ObjectReplay.soleCreation) where"
                + " the replay answers otherwise");
    }

    private static String label(Creation c) {
        return c == null ? "null" : c.via() + "@" + c.migration().header().revisionId() + ":" + c.index();
    }
}
