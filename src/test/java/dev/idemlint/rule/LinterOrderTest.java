package dev.idemlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinterOrderTest {

    @Test
    void sorting_by_file_rank_is_sorting_by_the_shown_order() {
        // files whose shown paths share long prefixes, sort differently from their order of
        // creation, and one path shown by two file objects (compared within the file, like one)
        String text = "x = 1\n".repeat(40);
        List<SourceFile> files = new ArrayList<>();
        for (String p : new String[] {"versions/b.py", "versions/a.py", "versions/a.py", "versions/ab.py",
                "other/versions/z.py", "versions/B.py"}) {
            files.add(SourceFile.of(Path.of("/p/" + p), p, text));
        }
        String[] rules = {"add-column-not-idempotent", "create-index-not-idempotent", "multiple-heads"};
        Random random = new Random(3);
        List<Diagnostic> ds = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int at = random.nextInt(200);
            ds.add(new Diagnostic(rules[random.nextInt(rules.length)], Severity.ERROR,
                    files.get(random.nextInt(files.size())), new Span(at, at + 1), "m" + random.nextInt(5), "h",
                    List.of(), List.of()));
        }
        List<Diagnostic> expected = new ArrayList<>(ds);
        expected.sort(Linter.ORDER);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(ds, random);
            List<Diagnostic> actual = new ArrayList<>(ds);
            Linter.sortByFileRank(actual);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(0, Linter.ORDER.compare(expected.get(i), actual.get(i)), "position " + i);
            }
        }
    }
}
