package dev.idemlint.rules.fix;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.SqlText;
import dev.idemlint.python.Expr;
import dev.idemlint.python.StrPiece;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import dev.idemlint.sql.SqlWords;
import dev.idemlint.sql.StatementMemo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites one raw SQL statement in place, inside the Python string literal that holds it: inserts
 * {@code IF NOT EXISTS}/{@code IF EXISTS}/{@code OR REPLACE} after the right keyword, or wraps the
 * statement in a {@code DO} block that swallows the duplicate error. SQL offsets go to file offsets
 * through {@link SqlText#fileOffset}; an edit is made only where the chars around it come from one
 * literal piece, so quoting, prefixes and escapes stay the user's. Where that is not so (a dynamic
 * part, a statement split over pieces) the fix is display-only and shows the rewritten SQL. Inserted
 * keywords follow the statement's case.
 */
public final class SqlRewriter {
    /** One SQL token, offsets into {@link SqlText#text()}. */
    public record Token(String text, boolean word, int start, int end) {
        public boolean is(String keyword) {
            return word && text.equalsIgnoreCase(keyword);
        }

        /** The identifier PostgreSQL sees: unquoted words fold to lower case; quotes are removed. */
        public String identifier() {
            if (word) {
                return text.toLowerCase(Locale.ROOT);
            }
            if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                return text.substring(1, text.length() - 1).replace("\"\"", "\"");
            }
            if (text.length() >= 2 && text.startsWith("`") && text.endsWith("`")) {
                return text.substring(1, text.length() - 1).replace("``", "`"); // MySQL
            }
            return null;
        }
    }

    private final OpSite site;
    private final SqlText sql;
    private final SourceLayout layout;
    private final Path path;
    private final List<Token> tokens;
    private final Read read;

    private SqlRewriter(OpSite site, SourceFile file) {
        this.site = site;
        this.sql = site.sql();
        this.layout = SourceLayout.of(file);
        this.path = file.path();
        this.read = read(sql.text(), site.sqlStart(), site.sqlEnd());
        this.tokens = read.tokens();
    }

    /** A rewriter for a raw SQL site, or null when the operation is not one statement of raw SQL. */
    public static SqlRewriter of(OpSite site, SourceFile file) {
        if (site.origin() != Origin.RAW_SQL || site.sql() == null || site.sqlStart() < 0
                || site.sqlEnd() <= site.sqlStart()) {
            return null;
        }
        return new SqlRewriter(site, file);
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** Index of the first token at or after {@code from} that is the keyword {@code kw}, or -1. */
    public int find(int from, String kw) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (tokens.get(i).is(kw)) {
                return i;
            }
        }
        return -1;
    }

    public boolean at(int i, String... kws) {
        for (int k = 0; k < kws.length; k++) {
            if (i + k >= tokens.size() || !tokens.get(i + k).is(kws[k])) {
                return false;
            }
        }
        return true;
    }

    /** {@code words} in the statement's case: lower case when its first keyword is written so. */
    public String cased(String words) {
        Token first = tokens.isEmpty() ? null : tokens.get(0);
        boolean lower = first != null && first.word() && first.text().equals(first.text().toLowerCase(Locale.ROOT));
        return lower ? words.toLowerCase(Locale.ROOT) : words.toUpperCase(Locale.ROOT);
    }

    // ---- finding the token after which to insert --------------------------------------------------

    /**
     * The last token of {@code CREATE [modifiers] <noun words> [CONCURRENTLY]}, where the noun is the
     * first occurrence of {@code noun}'s words among the first tokens; -1 when not there.
     */
    /**
     * The SAFE fix that writes {@code IF NOT EXISTS} after {@code CREATE ... <noun>} of a raw SQL
     * statement, or an empty list when the statement cannot be edited in place.
     */
    public static List<Fix> ifNotExistsAfterCreate(OpSite site, SourceFile file, String noun, boolean concurrently) {
        SqlRewriter r = of(site, file);
        int at = r == null ? -1 : r.afterCreateNoun(noun, concurrently);
        List<Fix> out = new ArrayList<>();
        if (at >= 0) {
            out.add(r.insertAfter(at, r.cased("IF NOT EXISTS"), "Add `IF NOT EXISTS`"));
        }
        return out;
    }

    public int afterCreateNoun(String noun, boolean concurrently) {
        String[] words = noun.split(" ");
        if (tokens.isEmpty() || !tokens.get(0).is("CREATE")) {
            return -1;
        }
        for (int i = 1; i < Math.min(tokens.size(), 8); i++) {
            if (at(i, words)) {
                int last = i + words.length - 1;
                if (concurrently && at(last + 1, "CONCURRENTLY")) {
                    last++;
                }
                return last;
            }
            if (!tokens.get(i).word()) {
                return -1;
            }
        }
        return -1;
    }

    /** The last keyword of {@code DROP <noun words> [CONCURRENTLY]} (the noun as written), or -1. */
    public int afterDropNoun() {
        if (tokens.size() < 3 || !tokens.get(0).is("DROP")) {
            return -1;
        }
        int i = 1;
        if (at(i, "MATERIALIZED", "VIEW") || at(i, "FOREIGN", "TABLE") || at(i, "EVENT", "TRIGGER")
                || at(i, "TEXT", "SEARCH")) {
            i++;
        }
        if (!tokens.get(i).word()) {
            return -1;
        }
        if (at(i + 1, "CONCURRENTLY")) {
            i++;
        }
        return at(i + 1, "IF", "EXISTS") ? -1 : i;
    }

    /**
     * In an {@code ALTER TABLE}, the token after which {@code IF [NOT] EXISTS} goes for the action
     * {@code verb [noun] name} ({@code ADD [COLUMN] c}, {@code DROP [COLUMN] c}, {@code DROP
     * CONSTRAINT c}) naming {@code name}; -1 when no such action is found.
     */
    public int alterTableAction(String verb, String noun, boolean nounRequired, String name) {
        if (name == null || !at(0, "ALTER", "TABLE")) {
            return -1;
        }
        return read.actions.computeIfAbsent(verb + " " + noun + " " + nounRequired,
                k -> alterTableActions(verb, noun, nounRequired)).getOrDefault(name, -1);
    }

    /** {@link #alterTableAction}'s answer for every name at once, read in one pass over the statement. */
    private Map<String, Integer> alterTableActions(String verb, String noun, boolean nounRequired) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = findTopLevel(verb, 2); i >= 0; i = findTopLevel(verb, i + 1)) {
            int j = i + 1;
            if (at(j, noun)) {
                j++;
            } else if (nounRequired) {
                continue;
            }
            if (j < tokens.size() && tokens.get(j).identifier() != null) {
                out.putIfAbsent(tokens.get(j).identifier(), j - 1);
            }
        }
        return out;
    }

    // ---- fixes ----------------------------------------------------------------------------------

    /** Inserts {@code words} (already cased) after token {@code t}: SAFE, or display-only when unmappable. */
    public Fix insertAfter(int t, String words, String title) {
        return insertAfter(t, words, title, Applicability.SAFE);
    }

    /** Inserts {@code words} (already cased) after token {@code t} with {@code applicability}, or display-only when unmappable. */
    public Fix insertAfter(int t, String words, String title, Applicability applicability) {
        if (t < 0 || t >= tokens.size()) {
            return null;
        }
        int p = tokens.get(t).end();
        int at = fileOffsetAfter(p - 1);
        if (at < 0) {
            return Fix.displayOnly(title, rewrite(p, p, " " + words));
        }
        return Fix.of(title, applicability, List.of(TextEdit.insert(path, at, " " + words)));
    }

    /** Index of the first token outside parentheses that is keyword {@code kw}, or -1. */
    public int findTopLevel(String kw) {
        return findTopLevel(kw, 0);
    }

    /** Index of the first token from {@code from} on, outside parentheses opened there, that is {@code kw}, or -1. */
    private int findTopLevel(String kw, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().equals("(")) {
                depth++;
            } else if (t.text().equals(")")) {
                depth--;
            } else if (depth == 0 && t.is(kw)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when every parenthesis closes and none closes before it opens. A clause appended to a
     * statement that leaves one open lands inside it: the statement stays a syntax error, and a rule
     * that looks for the clause at the top level would append it again on every pass.
     */
    public boolean balanced() {
        int depth = 0;
        for (Token t : tokens) {
            if (t.text().equals("(")) {
                depth++;
            } else if (t.text().equals(")") && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** The statement's last token, or -1 when it has none. */
    public int lastToken() {
        return tokens.size() - 1;
    }

    /**
     * Adds {@code condition} to the {@code EXCEPTION WHEN ... THEN} handler of the PL/pgSQL block that
     * holds the statement: {@code WHEN duplicate_object THEN} becomes {@code WHEN duplicate_object OR
     * duplicate_table THEN}, inside the same literal. SAFE when the handler only swallows the error
     * ({@code THEN null;}) and the insertion point maps into the file; display-only otherwise (the
     * handler does something else, or lies in a dynamic part); null when no handler follows.
     */
    public Fix addHandlerCondition(String condition, String title) {
        String text = sql.text();
        Handlers handlers = Handlers.of(sql, site.sqlEnd());
        List<Token> after = handlers.tokens;
        int when = handlers.when(handlers.first(site.sqlEnd()));
        if (when < 0) {
            return null;
        }
        int then = handlers.then(when);
        if (then < 0 || then == when + 1) {
            return null;
        }
        Token last = after.get(then - 1);
        Token whenToken = after.get(when);
        boolean upper = !whenToken.text().equals(whenToken.text().toLowerCase(Locale.ROOT));
        String words = (upper ? " OR " : " or ") + (last.text().equals(last.text().toUpperCase(Locale.ROOT))
                && !last.text().equals(last.text().toLowerCase(Locale.ROOT)) ? condition.toUpperCase(Locale.ROOT)
                        : condition);
        // SAFE only when the handler swallows the error and does nothing but tell: `THEN null;` or
        // `THEN RAISE NOTICE '...';`.
        boolean swallows = handlers.swallows(then);
        int at = fileOffsetAfter(last.end() - 1);
        String shown = (text.substring(whenToken.start(), last.end()) + words + text.substring(last.end(),
                after.get(then).end()) + " ...").replace(SqlText.DYNAMIC + "", "{...}");
        if (at < 0 || !swallows) {
            return Fix.displayOnly(title, "EXCEPTION " + shown);
        }
        return Fix.of(title, Applicability.SAFE, List.of(TextEdit.insert(path, at, words)));
    }

    /**
     * Where the {@code EXCEPTION WHEN ... THEN} handler of the block around an offset lies, for every
     * statement of one SQL literal: the literal's tokens from one offset on are read once, with the
     * block depth before each (BEGIN and CASE open a block, an END that is not END IF or END LOOP
     * closes one), so that a DO block of n statements, each fixed, costs n lookups and not n reads of
     * the rest of the block. From token s, the handler is the first EXCEPTION WHEN at s's depth, unless
     * an END at that depth closes the block first. Kept per thread for the last literal: the rules
     * fix one file's statements in order, on one thread.
     */
    private static final class Handlers {
        private static final ThreadLocal<Handlers> LAST = new ThreadLocal<>();

        final SqlText sql;
        final List<Token> tokens;
        private final int[] starts;
        private final int[] depth;
        /** By depth: the indices of the closing ENDs and the EXCEPTION WHENs there, in order. */
        private final Map<Integer, List<Integer>> marks = new HashMap<>();
        private final Map<Integer, Integer> thens = new HashMap<>();
        private final Map<Integer, Boolean> swallowing = new HashMap<>();

        private Handlers(SqlText sql, int from) {
            this.sql = sql;
            this.tokens = tokenize(sql.text(), from, sql.text().length());
            int n = tokens.size();
            starts = new int[n];
            depth = new int[n];
            int d = 0;
            for (int i = 0; i < n; i++) {
                Token t = tokens.get(i);
                starts[i] = t.start();
                depth[i] = d;
                if (t.is("BEGIN") || t.is("CASE") && (i == 0 || !tokens.get(i - 1).is("END"))) {
                    d++;
                } else if (t.is("END")) {
                    boolean closesIf = i + 1 < n && (tokens.get(i + 1).is("IF") || tokens.get(i + 1).is("LOOP"));
                    if (!closesIf) {
                        marks.computeIfAbsent(d, k -> new ArrayList<>()).add(i);
                        d--;
                    }
                } else if (t.is("EXCEPTION") && i + 1 < n && tokens.get(i + 1).is("WHEN")) {
                    marks.computeIfAbsent(d, k -> new ArrayList<>()).add(i);
                }
            }
        }

        /** The index for {@code sql} from {@code from} on: this thread's last one when its tokens fit. */
        static Handlers of(SqlText sql, int from) {
            Handlers h = LAST.get();
            if (h == null || h.sql != sql || !h.boundary(from)) {
                h = new Handlers(sql, from);
                LAST.set(h);
            }
            return h;
        }

        /** Whether no token of this index spans {@code offset}, so lexing from there gives the same tokens. */
        private boolean boundary(int offset) {
            if (starts.length == 0 || offset < starts[0]) {
                return false;
            }
            int k = first(offset);
            return k == 0 || tokens.get(k - 1).end() <= offset;
        }

        /** The first token at or after {@code offset}. */
        int first(int offset) {
            int lo = 0;
            int hi = starts.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] < offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The WHEN of the handler for a statement that ends before token {@code s}, or -1. */
        int when(int s) {
            if (s >= tokens.size()) {
                return -1;
            }
            List<Integer> at = marks.getOrDefault(depth[s], List.of());
            int k = Collections.binarySearch(at, s);
            k = k >= 0 ? k : -k - 1;
            if (k == at.size()) {
                return -1;
            }
            int mark = at.get(k);
            return tokens.get(mark).is("END") ? -1 : mark + 1;
        }

        /** The THEN after the handler's WHEN {@code when}, or -1. */
        int then(int when) {
            return thens.computeIfAbsent(when, w -> {
                for (int i = w + 1; i < tokens.size(); i++) {
                    if (tokens.get(i).is("THEN")) {
                        return i;
                    }
                }
                return -1;
            });
        }

        boolean swallows(int then) {
            return swallowing.computeIfAbsent(then, t -> onlySwallows(tokens, t + 1));
        }
    }

    /**
     * Whether the handler body starting at token {@code i} consists only of {@code null;} and
     * {@code RAISE NOTICE|INFO|LOG|DEBUG ...;} statements, up to the block's END or the next WHEN.
     */
    private static boolean onlySwallows(List<Token> t, int i) {
        boolean any = false;
        while (i < t.size() && !t.get(i).is("END") && !t.get(i).is("WHEN")) {
            if (t.get(i).is("NULL") && i + 1 < t.size() && t.get(i + 1).text().equals(";")) {
                i += 2;
            } else if (t.get(i).is("RAISE") && i + 1 < t.size() && (t.get(i + 1).is("NOTICE")
                    || t.get(i + 1).is("INFO") || t.get(i + 1).is("LOG") || t.get(i + 1).is("DEBUG"))) {
                while (i < t.size() && !t.get(i).text().equals(";")) {
                    i++;
                }
                if (i >= t.size()) {
                    return false;
                }
                i++;
            } else {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Wraps the statement in {@code DO $$ BEGIN <stmt>; EXCEPTION WHEN <conditions> THEN null; END $$},
     * after deleting the tokens {@code [removeFrom, removeTo]} (and the space before them) when
     * {@code removeFrom >= 0}. SAFE when the whole statement lies in one literal piece and carries no
     * bind parameters; display-only otherwise.
     */
    public Fix wrapInDoBlock(String conditions, int removeFrom, int removeTo, String title) {
        int s = site.sqlStart();
        int e = site.sqlEnd();
        String stmt = sql.text().substring(s, e);
        String tag = !stmt.contains("$$") ? "$$" : !stmt.contains("$idem$") ? "$idem$" : null;
        String head = cased("DO ") + (tag == null ? "$$" : tag) + cased(" BEGIN ");
        // Condition names and null stay lower case, as PL/pgSQL code usually writes them.
        String tail = cased("; EXCEPTION WHEN ") + conditions.replace(" or ", cased(" OR ")) + cased(" THEN ")
                + "null" + cased("; END ") + (tag == null ? "$$" : tag);
        int delFrom = removeFrom >= 0 ? tokens.get(removeFrom - 1).end() : -1;
        int delTo = removeFrom >= 0 ? tokens.get(removeTo).end() : -1;
        String shown = head + (delFrom >= 0 ? sql.text().substring(s, delFrom) + sql.text().substring(delTo, e) : stmt)
                + tail;
        shown = shown.replace(SqlText.DYNAMIC + "", "{...}");
        // the statement may span implicitly concatenated literals ("ALTER ... " "TO ..."): the head and
        // tail go into the pieces holding its first and last chars, which needs every char in between
        // to be literal text of the file (no dynamic part)
        boolean literal = tag != null && !bindParameters()
                && (wholePiece(s, e) != null || delFrom < 0 && literalThroughout(s, e));
        if (!literal) {
            return Fix.displayOnly(title, shown);
        }
        List<TextEdit> edits = new ArrayList<>();
        edits.add(TextEdit.insert(path, sql.fileOffset(s), head));
        if (delFrom >= 0) {
            edits.add(TextEdit.delete(path, new Span(sql.fileOffset(delFrom), fileOffsetAfter(delTo - 1))));
        }
        edits.add(TextEdit.insert(path, fileOffsetAfter(e - 1), tail));
        return Fix.of(title, Applicability.SAFE, edits);
    }

    /**
     * {@code IF EXISTS} written before the name of {@code ALTER <noun> name ...}, right after the whitespace that
     * follows the noun: SAFE when that whitespace is literal text of the call's own argument, null otherwise.
     * The noun and the name may be values an f-string puts in (a loop over a literal list of kinds and names):
     * the edit then is the same on every pass of the loop.
     */
    public Fix ifExistsAfterAlterNoun(String noun, String title) {
        String[] words = noun.split(" ");
        if (tokens.isEmpty() || !tokens.get(0).is("ALTER") || !at(1, words) || tokens.size() <= words.length + 1
                || tokens.get(words.length + 1).is("IF")) {
            return null;
        }
        int space = tokens.get(words.length).end();
        if (space >= site.sqlEnd() || !Character.isWhitespace(sql.text().charAt(space))) {
            return null;
        }
        int f = sql.fileOffset(space);
        int after = fileOffsetAfter(space);
        Expr arg = site.call() == null ? null : site.call().positional(0);
        if (arg == null || f < arg.span().start() || after < 0 || after > arg.span().end()
                || layout.pieceAt(f) == null || indexIn(layout.pieceAt(f), f) < 0) {
            return null;
        }
        return Fix.of(title, Applicability.SAFE, List.of(TextEdit.insert(path, after, cased("IF EXISTS") + " ")));
    }

    /**
     * Replaces the tokens {@code [from, to]} (and the space before them) by nothing and inserts
     * {@code words} after token {@code after}: e.g. {@code CREATE VIEW IF NOT EXISTS v} to
     * {@code CREATE OR REPLACE VIEW v}.
     */
    public Fix removeAndInsert(int from, int to, int after, String words, String title) {
        int delFrom = tokens.get(from - 1).end();
        int delTo = tokens.get(to).end();
        int p = tokens.get(after).end();
        int s = site.sqlStart();
        int e = site.sqlEnd();
        String text = sql.text();
        String shown = (text.substring(s, p) + " " + words + text.substring(p, delFrom) + text.substring(delTo, e))
                .replace(SqlText.DYNAMIC + "", "{...}");
        int at = fileOffsetAfter(p - 1);
        int df = sql.fileOffset(delFrom);
        int dt = fileOffsetAfter(delTo - 1);
        if (at < 0 || df < 0 || dt < 0 || layout.pieceAt(df) != layout.pieceAt(dt - 1) || at >= df) {
            return Fix.displayOnly(title, shown);
        }
        return Fix.of(title, Applicability.SAFE, List.of(TextEdit.insert(path, at, " " + words),
                TextEdit.delete(path, new Span(df, dt))));
    }

    /** The statement with {@code [from, to)} replaced, dynamic parts shown as {@code {...}}. */
    private String rewrite(int from, int to, String with) {
        String t = sql.text();
        return (t.substring(site.sqlStart(), from) + with + t.substring(to, site.sqlEnd()))
                .replace(SqlText.DYNAMIC + "", "{...}");
    }

    /** True when the call passes parameters or the statement has {@code :name} binds (they cannot reach a DO body). */
    private boolean bindParameters() {
        if (site.call() != null && site.call().args().size() > 1) {
            return true;
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token a = tokens.get(i);
            Token b = tokens.get(i + 1);
            // The lexer reads a cast `::` as one token, so a lone `:` before a word is a bind.
            if (a.text().equals(":") && b.word() && b.start() == a.end()) {
                return true;
            }
        }
        return false;
    }

    /** The file offset just past the source of SQL char {@code i}, when that char is from a literal piece; else -1. */
    int fileOffsetAfter(int i) {
        int f = sql.fileOffset(i);
        if (f < 0) {
            return -1;
        }
        StrPiece p = layout.pieceAt(f);
        if (p == null) {
            return -1;
        }
        int j = indexIn(p, f);
        return j < 0 ? -1 : p.sourceOffset(j + 1);
    }

    /**
     * Whether every char of {@code [s, e)} is literal text written inside the call's own first argument
     * (implicitly concatenated literals), none dynamic and none resolved from a name bound elsewhere.
     */
    private boolean literalThroughout(int s, int e) {
        Expr.Call call = site.call();
        Expr arg = call == null ? null : call.positional(0);
        if (arg == null) {
            return false;
        }
        Span within = arg.span();
        for (int i = s; i < e; i++) {
            int fi = sql.fileOffset(i);
            StrPiece p = fi < 0 || fi < within.start() || fi >= within.end() ? null : layout.pieceAt(fi);
            if (p == null || indexIn(p, fi) < 0) {
                return false;
            }
        }
        int after = fileOffsetAfter(e - 1);
        return after >= 0 && after <= within.end();
    }

    /** The one literal piece holding every char of {@code [s, e)}, or null. */
    private StrPiece wholePiece(int s, int e) {
        int f = sql.fileOffset(s);
        StrPiece p = f < 0 ? null : layout.pieceAt(f);
        if (p == null || indexIn(p, f) < 0) {
            return null;
        }
        for (int i = s; i < e; i++) {
            int fi = sql.fileOffset(i);
            if (fi < 0 || layout.pieceAt(fi) != p || indexIn(p, fi) < 0) {
                return null;
            }
        }
        return fileOffsetAfter(e - 1) < 0 ? null : p;
    }

    /** Index {@code j} with {@code p.sourceOffset(j) == f} among the piece's chars, or -1. */
    private static int indexIn(StrPiece p, int f) {
        int lo = 0;
        int hi = p.text().length() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = p.sourceOffset(mid);
            if (v == f) {
                return mid;
            }
            if (v < f) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** A statement's tokens, and the ALTER TABLE actions found among them by what they ask for. */
    private record Read(List<SqlWords.Word> words, List<Token> tokens, Map<String, Map<String, Integer>> actions) {
    }

    /** The statement read last: each action of an {@code ALTER TABLE} is fixed by a rewriter of the same statement. */
    private static final StatementMemo<Read> LAST = new StatementMemo<>();

    private static Read read(String s, int from, int to) {
        return LAST.get(s, from, to, () -> {
            List<SqlWords.Word> words = SqlWords.of(s, from, to);
            return new Read(words, words.stream().map(w -> new Token(w.text(), w.word(), w.start(), w.end())).toList(),
                    new HashMap<>());
        });
    }

    /** The statement's tokens as written, from the classifier's own lexer; unmodifiable. */
    static List<Token> tokenize(String s, int from, int to) {
        return read(s, from, to).tokens();
    }
}
