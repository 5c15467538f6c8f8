package dev.idemlint.rules.fix;

/**
 * Where Python code may bind a name again, read in one pass over its lines (no regex, so a long line of hostile
 * code costs its length, not a power of it). A binding is: an assignment or augmented assignment to the name (a
 * keyword argument of that name counts too: never a miss, at worst a guard not offered), a tuple target holding
 * it, a {@code for} target, a {@code with ... as} target, an assignment expression, or a {@code global},
 * {@code nonlocal}, {@code del} or {@code import} naming it.
 */
final class Rebinding {
    private Rebinding() {
    }

    /**
     * Whether the code of {@code text} from {@code from} (a block's start) may bind {@code name} before the
     * statements that start at each offset asked, asked in any order: each line is read once however many
     * statements of the block ask.
     */
    static final class Scan {
        private final String text;
        private final int from;
        private final String name;
        /** The start of the first line not read yet. */
        private int read;
        /** The start of the first line found to bind the name; -1 while none is. */
        private int found = -1;

        Scan(String text, int from, String name) {
            this.text = text;
            this.from = from;
            this.name = name;
            this.read = from;
        }

        /** Whether the code from the block's start to {@code at} (a statement's start) may bind the name. */
        synchronized boolean before(int at) {
            int line = Math.max(from, text.lastIndexOf('\n', at - 1) + 1);
            if (found < 0 && read < line) {
                found = firstLine(text, read, line, name);
                read = found < 0 ? line : read;
            }
            if (found >= 0 && found < line) {
                return true;
            }
            // the statement's own line, up to the statement (code before a `;`)
            int start = Math.max(line, from);
            return start < at && firstLine(text.substring(start, at), 0, at - start, name) >= 0;
        }
    }

    /**
     * The start of the first line starting in {@code [from, to)} ({@code from} may be inside a line: its tail
     * is read) on which {@code text} may bind {@code name}; -1 when none does.
     */
    static int firstLine(String text, int from, int to, String name) {
        int m = name.length();
        if (m == 0) {
            return -1;
        }
        int ls = from;
        while (ls < to && ls < text.length()) {
            int le = text.indexOf('\n', ls);
            le = le < 0 ? text.length() : le;
            int firstFor = word(text, ls, le, "for");
            int firstScope = Math.min(Math.min(word(text, ls, le, "global"), word(text, ls, le, "nonlocal")),
                    Math.min(word(text, ls, le, "del"), word(text, ls, le, "import")));
            int lastIn = lastWord(text, ls, le, "in");
            int[] eq = firstEquals(text, ls, le);
            for (int p = indexOf(text, name, ls, le); p >= 0; p = indexOf(text, name, p + 1, le)) {
                if (p > from && isWordOrDot(text.charAt(p - 1)) || p + m < text.length() && isWord(text.charAt(p + m))) {
                    continue;
                }
                if (assigned(text, p + m, ls, eq) || firstFor < p && lastIn >= p + m || firstScope < p
                        || afterCommaAssigned(text, from, p, m, ls, eq) || afterAs(text, from, p)) {
                    return ls;
                }
            }
            ls = le + 1;
        }
        return -1;
    }

    /** After the name at {@code end}: {@code = }, an augmented {@code op=}, {@code :=}, or {@code , ) ]} then a single {@code =} on the line. */
    private static boolean assigned(String text, int end, int ls, int[] eq) {
        int j = skipSpaces(text, end);
        if (j >= text.length()) {
            return false;
        }
        for (String op : new String[] {"//=", "**=", "<<=", ">>="}) {
            if (text.startsWith(op, j) && !isAt(text, j + 3, '=')) {
                return true;
            }
        }
        char c = text.charAt(j);
        if ("-+*/%&|^@:".indexOf(c) >= 0 && isAt(text, j + 1, '=') && !isAt(text, j + 2, '=')) {
            return true;
        }
        if (c == '=' && !isAt(text, j + 1, '=')) {
            return true;
        }
        return (c == ',' || c == ')' || c == ']') && singleEqualsAfter(text, j + 1, ls, eq);
    }

    /** {@code , name} (spaces and line breaks between) followed by a single {@code =} on the name's line. */
    private static boolean afterCommaAssigned(String text, int from, int p, int m, int ls, int[] eq) {
        int k = p - 1;
        while (k >= from && Character.isWhitespace(text.charAt(k))) {
            k--;
        }
        return k >= from && text.charAt(k) == ',' && singleEqualsAfter(text, p + m, ls, eq);
    }

    /** {@code as name} or {@code as (name}, spaces between. */
    private static boolean afterAs(String text, int from, int p) {
        int k = p - 1;
        while (k >= from && Character.isWhitespace(text.charAt(k))) {
            k--;
        }
        if (k >= from && text.charAt(k) == '(') {
            k--;
            while (k >= from && Character.isWhitespace(text.charAt(k))) {
                k--;
            }
        }
        return k - 1 >= from && text.charAt(k) == 's' && text.charAt(k - 1) == 'a'
                && (k - 2 < from || !isWord(text.charAt(k - 2)));
    }

    /**
     * Whether the first {@code =} on the line of {@code i}, at or after {@code i}, is one {@code =}, not {@code ==};
     * {@code eq} is {@link #firstEquals} of the line starting at {@code ls} (another line is searched on its own).
     */
    private static boolean singleEqualsAfter(String text, int i, int ls, int[] eq) {
        int q = i - ls < eq.length ? eq[i - ls] : indexOf(text, "=", i, lineEnd(text, i));
        return q >= 0 && !isAt(text, q + 1, '=');
    }

    /** For each offset of the line {@code [ls, le]}, the first {@code =} at or after it on the line; -1 when none. */
    private static int[] firstEquals(String text, int ls, int le) {
        int[] eq = new int[le - ls + 1];
        int next = -1;
        for (int i = le; i >= ls; i--) {
            if (i < le && text.charAt(i) == '=') {
                next = i;
            }
            eq[i - ls] = next;
        }
        return eq;
    }

    /** The offset of the first whole word {@code w} in {@code [ls, le)}; {@code Integer.MAX_VALUE} when none. */
    private static int word(String text, int ls, int le, String w) {
        for (int i = indexOf(text, w, ls, le); i >= 0; i = indexOf(text, w, i + 1, le)) {
            if (wholeWord(text, i, w.length())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The offset of the last whole word {@code w} in {@code [ls, le)}; -1 when none. */
    private static int lastWord(String text, int ls, int le, String w) {
        for (int i = le - w.length(); i >= ls; i--) {
            if (!text.startsWith(w, i)) {
                continue;
            }
            if (wholeWord(text, i, w.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code w} wholly inside {@code [from, to)}; -1 when none (a search bounded by the line, not the file). */
    private static int indexOf(String text, String w, int from, int to) {
        for (int i = from; i + w.length() <= to; i++) {
            if (text.startsWith(w, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean wholeWord(String text, int i, int n) {
        return (i == 0 || !isWord(text.charAt(i - 1))) && (i + n >= text.length() || !isWord(text.charAt(i + n)));
    }

    private static int skipSpaces(String text, int j) {
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int lineEnd(String text, int j) {
        int le = text.indexOf('\n', j);
        return le < 0 ? text.length() : le;
    }

    private static boolean isAt(String text, int i, char c) {
        return i < text.length() && text.charAt(i) == c;
    }

    private static boolean isWord(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isWordOrDot(char c) {
        return c == '.' || isWord(c);
    }
}
