package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Migration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the replay of single objects holds at a point ({@code SchemaTimeline#replayedBefore}) does not depend on the
 * order of the questions: it keeps a slot's replay where the last question left it, notes the objects of a revision
 * on the first question there, and runs on or replays from the base for the next, so an order that skips back, asks
 * the same revision again from another rule, or jumps between branches must give what the walk in order gives. On
 * every tree {@link TimelineOracleTest#trees()} gives (its last 40 revisions), for every object a creation of the tree
 * names, a timeline asked in walk order is held against a second one asked rule by rule (every revision, then every
 * revision again) with each revision's points in reverse, and a third asked in a shuffled order.
 */
class ObjectReplayOrderTest {
    private static final int MAX_REVISIONS = 40;

    private record Question(ObjectRef ref, Migration m, int at) {
    }

    @Test
    void answers_do_not_depend_on_the_order_of_the_questions() throws IOException {
        int asked = 0;
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, List<Path>> tree : TimelineOracleTest.trees().entrySet()) {
            List<Migration> order = TimelineOracleTest.load(tree.getValue());
            if (order.isEmpty()) {
                continue;
            }
            Set<ObjectRef> refs = new LinkedHashSet<>();
            for (Creation c : SchemaTimeline.build(order).creations()) {
                refs.add(c.key());
            }
            List<Question> walk = new ArrayList<>();
            List<Question> byRule = new ArrayList<>();
            for (int p = Math.max(0, order.size() - MAX_REVISIONS); p < order.size(); p++) {
                Migration m = order.get(p);
                int n = m.upgrade().size();
                for (int i = 0; i <= n; i++) {
                    for (ObjectRef ref : refs) {
                        walk.add(new Question(ref, m, i == n ? Integer.MAX_VALUE : i));
                    }
                }
                for (ObjectRef ref : refs) {
                    for (int i = n; i >= 0; i--) {
                        byRule.add(new Question(ref, m, i == n ? Integer.MAX_VALUE : i));
                    }
                }
            }
            List<Question> twice = new ArrayList<>(byRule);
            twice.addAll(byRule);
            List<Question> shuffled = new ArrayList<>(walk);
            Collections.shuffle(shuffled, new Random(tree.getKey().hashCode()));
            Map<Question, ObjectReplay.Held> expected = answers(order, walk);
            for (List<Question> other : List.of(twice, shuffled)) {
                Map<Question, ObjectReplay.Held> got = answers(order, other);
                for (Question q : walk) {
                    asked++;
                    if (!Objects.equals(expected.get(q), got.get(q))) {
                        differ.add(tree.getKey() + " " + q.m().header().revisionId() + "@" + q.at() + " " + q.ref()
                                + ": in walk order " + expected.get(q) + ", else " + got.get(q));
                    }
                }
            }
        }
        assertTrue(asked > 10_000, "asked " + asked + " questions");
        assertEquals(List.of(), differ.subList(0, Math.min(differ.size(), 8)), differ.size() + " answers differ");
    }

    /** The answers of a new timeline of {@code order}, asked in the order of {@code questions}. */
    private static Map<Question, ObjectReplay.Held> answers(List<Migration> order, List<Question> questions) {
        SchemaTimeline t = SchemaTimeline.build(order);
        Map<Question, ObjectReplay.Held> out = new HashMap<>();
        for (Question q : questions) {
            ObjectReplay.Held held = t.replayedBefore(SchemaTimeline.norm(q.ref()), q.m(), q.at());
            ObjectReplay.Held before = out.putIfAbsent(q, held);
            if (before != null && !before.equals(held)) {
                out.put(q, new ObjectReplay.Held(null, null, null));
            }
        }
        return out;
    }
}
