package dev.idemlint.rules.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DocstringHeaderMismatchTest {
    @Test
    void the_shortcut_for_one_plain_parent_agrees_with_the_full_comparison() {
        String[] ids = {"29fd2adbac74", "None", "", "a b", "a,b", "(a)", "'a'", "\"a\"", "a\tb", "x", "0021d0a67c74"};
        String[] glue = {"", " ", ", ", ",", "\t", "(", ")", "'", "None"};
        Random random = new Random(29);
        int shortcut = 0;
        for (int i = 0; i < 50_000; i++) {
            List<String> parents = new ArrayList<>();
            int n = random.nextInt(3);
            for (int k = 0; k < n; k++) {
                parents.add(ids[random.nextInt(ids.length)]);
            }
            StringBuilder b = new StringBuilder();
            if (n == 1 && random.nextBoolean()) {
                b.append(random.nextBoolean() ? " " : "").append(parents.get(0)); // as Alembic writes it
            } else {
                int m = random.nextInt(4);
                for (int k = 0; k < m; k++) {
                    b.append(glue[random.nextInt(glue.length)]).append(ids[random.nextInt(ids.length)]);
                }
            }
            String revises = b.toString();
            boolean expected = DocstringHeaderMismatch.ids(revises).equals(new TreeSet<>(parents));
            assertEquals(expected, DocstringHeaderMismatch.sameParents(revises, parents), revises + " vs " + parents);
            shortcut += n == 1 && revises.strip().equals(parents.get(0)) ? 1 : 0;
        }
        assertTrue(shortcut > 5_000, "shortcut cases: " + shortcut);
    }
}
