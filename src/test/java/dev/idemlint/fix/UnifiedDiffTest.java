package dev.idemlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void equal_texts_have_no_diff() {
        assertEquals("", UnifiedDiff.of("a.py", "x\n", "x\n"));
    }

    @Test
    void one_change_gets_three_lines_of_context_each_side() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals("""
                --- a/v/x.py
                +++ b/v/x.py
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """, UnifiedDiff.of("v/x.py", before, after));
    }

    @Test
    void close_changes_share_a_hunk_and_far_ones_do_not() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            b.append(i).append('\n');
        }
        String before = b.toString();
        String after = before.replace("\n3\n", "\nthree\n").replace("\n9\n", "\nnine\n")
                .replace("\n25\n", "\nx\n25\n");
        assertEquals("""
                --- a/f
                +++ b/f
                @@ -1,12 +1,12 @@
                 1
                 2
                -3
                +three
                 4
                 5
                 6
                 7
                 8
                -9
                +nine
                 10
                 11
                 12
                @@ -22,6 +22,7 @@
                 22
                 23
                 24
                +x
                 25
                 26
                 27
                """, UnifiedDiff.of("f", before, after));
    }

    @Test
    void a_missing_final_newline_is_marked() {
        assertEquals("""
                --- a/f
                +++ b/f
                @@ -1 +1,2 @@
                -a
                \\ No newline at end of file
                +a
                +b
                \\ No newline at end of file
                """, UnifiedDiff.of("f", "a", "a\nb"));
    }

    @Test
    void insertion_into_an_empty_file_counts_from_line_zero() {
        assertEquals("--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n", UnifiedDiff.of("f", "", "a\n"));
    }

    @Test
    void crlf_lines_keep_their_carriage_return() {
        String d = UnifiedDiff.of("f", "a\r\nb\r\n", "a\r\nc\r\n");
        assertEquals("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n", d);
        assertEquals("a\r\nc\r\n", patch("a\r\nb\r\n", d));
    }

    /** A strict applier of our own diffs: every context and removed line must match exactly. */
    static String patch(String before, String diff) {
        List<String> a = UnifiedDiff.lines(before);
        List<String> out = new ArrayList<>();
        String[] lines = diff.split("\n", -1);
        Pattern header = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@$");
        int ai = 0;
        int i = 2;
        while (i < lines.length && !lines[i].isEmpty()) {
            Matcher m = header.matcher(lines[i]);
            if (!m.matches()) {
                throw new AssertionError("bad hunk header: " + lines[i]);
            }
            int start = Integer.parseInt(m.group(1));
            int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int from = count == 0 ? start : start - 1;
            while (ai < from) {
                out.add(a.get(ai++));
            }
            i++;
            while (i < lines.length && !lines[i].isEmpty() && !lines[i].startsWith("@@")) {
                String l = lines[i];
                boolean noEol = i + 1 < lines.length && lines[i + 1].startsWith("\\ ");
                String body = l.substring(1) + (noEol ? "" : "\n");
                switch (l.charAt(0)) {
                    case ' ' -> {
                        assertEquals(a.get(ai++), body);
                        out.add(body);
                    }
                    case '-' -> assertEquals(a.get(ai++), body);
                    case '+' -> out.add(body);
                    default -> throw new AssertionError("bad line: " + l);
                }
                i += noEol ? 2 : 1;
            }
        }
        while (ai < a.size()) {
            out.add(a.get(ai++));
        }
        return String.join("", out);
    }

    @Test
    void long_texts_differing_in_many_lines_get_one_replacing_hunk_that_patches_back() {
        // 20,000 lines, every tenth changed: the shortest script's backtrack would keep 4,000 steps of 80,000 ints
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            before.append("line ").append(i).append('\n');
            after.append(i % 10 == 9 ? "fixed " : "line ").append(i).append('\n');
        }
        String d = UnifiedDiff.of("f", before.toString(), after.toString());
        assertEquals(after.toString(), patch(before.toString(), d));
        assertEquals(1, d.split("\n@@ ", -1).length - 1, "one hunk from the first changed line to the last");
        assertTrue(d.contains("\n@@ -7,19994 +7,19994 @@\n"), d.substring(0, Math.min(200, d.length())));
    }

    @Test
    void random_diffs_patch_back_to_the_new_text() {
        Random rnd = new Random(42);
        String[] words = {"a", "b", "c", "op.execute('x')", "", "    if x:", "\r"};
        for (int round = 0; round < 1500; round++) {
            String before = randomText(rnd, words);
            String after = rnd.nextInt(4) == 0 ? randomText(rnd, words) : mutate(rnd, before, words);
            String d = UnifiedDiff.of("f", before, after);
            assertEquals(after, d.isEmpty() ? before : patch(before, d), "round " + round + "\n" + d);
        }
    }

    private static String randomText(Random rnd, String[] words) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(25);
        for (int i = 0; i < n; i++) {
            sb.append(words[rnd.nextInt(words.length)]);
            if (i < n - 1 || rnd.nextBoolean()) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String mutate(Random rnd, String text, String[] words) {
        List<String> l = new ArrayList<>(UnifiedDiff.lines(text));
        int k = 1 + rnd.nextInt(4);
        for (int i = 0; i < k; i++) {
            int at = l.isEmpty() ? 0 : rnd.nextInt(l.size() + 1);
            switch (rnd.nextInt(3)) {
                case 0 -> l.add(Math.min(at, l.size()), words[rnd.nextInt(words.length)] + "\n");
                case 1 -> {
                    if (!l.isEmpty()) {
                        l.remove(Math.min(at, l.size() - 1));
                    }
                }
                default -> {
                    if (!l.isEmpty()) {
                        l.set(Math.min(at, l.size() - 1), "changed\n");
                    }
                }
            }
        }
        return String.join("", l);
    }
}
