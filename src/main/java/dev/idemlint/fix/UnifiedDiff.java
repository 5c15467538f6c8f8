package dev.idemlint.fix;

import dev.idemlint.source.Printable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (GNU {@code diff -u} / {@code git diff} format) of two texts: {@code --- a/path},
 * {@code +++ b/path}, {@code @@} hunks with three lines of context, and {@code \ No newline at end of
 * file} where it applies. Lines split at {@code \n}; a {@code \r} before it stays part of the line, so
 * CRLF files diff and patch byte for byte. Line matching is Myers' O(ND) algorithm.
 */
public final class UnifiedDiff {
    static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff of {@code before} to {@code after} for {@code path}; empty when the texts are equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        return hunks("--- " + quoted("a/", path) + "\n+++ " + quoted("b/", path) + "\n", before, after);
    }

    /** A new file, git-style: {@code --- /dev/null}, {@code +++ b/path} and every line added. */
    public static String created(String path, String text) {
        return hunks("diff --git " + quoted("a/", path) + " " + quoted("b/", path)
                + "\nnew file mode 100644\n--- /dev/null\n+++ " + quoted("b/", path) + "\n", "", text);
    }

    /** A renamed file, git-style: the rename header, then the changes of its text, if any. */
    public static String renamed(String from, String to, String before, String after) {
        String header = "diff --git " + quoted("a/", from) + " " + quoted("b/", to) + "\nrename from "
                + quoted("", from) + "\nrename to " + quoted("", to) + "\n";
        return before.equals(after) ? header
                : hunks(header + "--- " + quoted("a/", from) + "\n+++ " + quoted("b/", to) + "\n", before, after);
    }

    /**
     * {@code prefix + path} as git writes a name in a diff header: as it is, or, when it holds a tab, a
     * quote, a backslash, a character {@link Printable} escapes or a mid-line CI command's {@code #}
     * ({@link Printable#commandMarker}), in double quotes with C escapes ({@code \n}, {@code \t},
     * {@code \"}, {@code \\}) and each other such character's UTF-8 bytes in octal, as {@code git apply}
     * and {@code patch} read it back. An absolute path keeps a single slash after the prefix (a/tmp/x.py).
     */
    static String quoted(String prefix, String path) {
        String name = prefix + (path.startsWith("/") ? path.substring(1) : path);
        boolean plain = true;
        for (int i = 0; i < name.length() && plain; i++) {
            plain = !needsQuote(name, i);
        }
        if (plain) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length() + 16).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1));
            if (pair) {
                sb.append(c).append(name.charAt(++i));
            } else if (!needsQuote(name, i)) {
                sb.append(c);
            } else {
                switch (c) {
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        // a lone surrogate is no character: written as U+FFFD
                        String one = Character.isSurrogate(c) ? "\ufffd" : String.valueOf(c);
                        for (byte b : one.getBytes(StandardCharsets.UTF_8)) {
                            sb.append('\\').append(Integer.toOctalString(b & 0xff | 0x200).substring(1));
                        }
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean needsQuote(String name, int i) {
        char c = name.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
            return false;
        }
        return c == '\t' || c == '"' || c == '\\' || Printable.unsafe(c) || Printable.commandMarker(name, i);
    }

    private static String hunks(String header, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = diff(a, b);
        StringBuilder out = new StringBuilder(header);
        int n = ops.size();
        int i = 0;
        while (i < n) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            // A hunk: from CONTEXT lines before the first change to CONTEXT lines after the last
            // change that is no more than 2 * CONTEXT equal lines away from the next.
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int j = i;
            while (j < n) {
                if (ops.get(j).kind != ' ') {
                    end = j;
                    j++;
                    continue;
                }
                int k = j;
                while (k < n && ops.get(k).kind == ' ') {
                    k++;
                }
                if (k < n && k - j <= 2 * CONTEXT) {
                    j = k;
                } else {
                    break;
                }
            }
            int stop = Math.min(n, end + 1 + CONTEXT);
            hunk(ops.subList(start, stop), a, b, out);
            i = stop;
        }
        return out.toString();
    }

    private static void hunk(List<Op> ops, List<String> a, List<String> b, StringBuilder out) {
        int aStart = -1;
        int bStart = -1;
        int aCount = 0;
        int bCount = 0;
        for (Op op : ops) {
            if (op.kind != '+') {
                aCount++;
                if (aStart < 0) {
                    aStart = op.a;
                }
            }
            if (op.kind != '-') {
                bCount++;
                if (bStart < 0) {
                    bStart = op.b;
                }
            }
        }
        // An empty side is numbered by the line before it (GNU convention); ops carry the position.
        out.append("@@ -").append(range(aStart >= 0 ? aStart + 1 : ops.get(0).a, aCount)).append(" +")
                .append(range(bStart >= 0 ? bStart + 1 : ops.get(0).b, bCount)).append(" @@\n");
        for (Op op : ops) {
            String line = op.kind == '+' ? b.get(op.b) : a.get(op.a);
            out.append(op.kind).append(stripNewline(line)).append('\n');
            // Only a text's last line can lack its newline.
            if (!line.endsWith("\n")) {
                out.append("\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private static String stripNewline(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /** Lines with their {@code \n} kept, so a missing final newline is a difference. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** One line of the edit script: ' ' keep, '-' delete, '+' insert; a and b are 0-based line indexes. */
    record Op(char kind, int a, int b) {
    }

    /**
     * The most ints the V arrays kept for the backtrack may hold (128 MiB): each step keeps one of {@code 2(n + m)}
     * ints, so two long files that differ in many lines (a revision of thousands of fixed statements) would need
     * memory and time growing with their product.
     */
    static final long MAX_TRACE = 1L << 25;

    /**
     * Myers' greedy shortest edit script, with the V arrays kept per step for the backtrack; past {@link
     * #MAX_TRACE}, the lines between the common head and tail as one deletion and one insertion (a longer script,
     * the same texts).
     */
    static List<Op> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            if ((long) (d + 1) * v.length > MAX_TRACE) {
                return replaced(a, b);
            }
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        List<Op> rev = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] pv = trace.get(d);
            int k = x - y;
            int prevK = k == -d || k != d && pv[offset + k - 1] < pv[offset + k + 1] ? k + 1 : k - 1;
            int prevX = pv[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                rev.add(new Op(' ', --x, --y));
            }
            if (x == prevX) {
                rev.add(new Op('+', x, --y));
            } else {
                rev.add(new Op('-', --x, y));
            }
        }
        while (x > 0 && y > 0) {
            rev.add(new Op(' ', --x, --y));
        }
        List<Op> ops = new ArrayList<>(rev.size());
        for (int i = rev.size() - 1; i >= 0; i--) {
            ops.add(rev.get(i));
        }
        return ops;
    }

    /** The lines {@code a} and {@code b} share at both ends kept, every line between deleted, then inserted. */
    static List<Op> replaced(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Op> ops = new ArrayList<>(a.size() + b.size() - head - tail);
        for (int i = 0; i < head; i++) {
            ops.add(new Op(' ', i, i));
        }
        for (int x = head; x < a.size() - tail; x++) {
            ops.add(new Op('-', x, head));
        }
        for (int y = head; y < b.size() - tail; y++) {
            ops.add(new Op('+', a.size() - tail, y));
        }
        for (int i = tail; i > 0; i--) {
            ops.add(new Op(' ', a.size() - i, b.size() - i));
        }
        return ops;
    }
}
