package dev.idemlint.sql;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One lexical token of a SQL string. {@code start}/{@code end} are char offsets into the lexed
 * text. {@code text} is the raw word for {@link Kind#WORD}, the unescaped content for
 * {@link Kind#QUOTED} identifiers and {@link Kind#STRING} literals, the body for
 * {@link Kind#DOLLAR} quotes, the symbol for {@link Kind#OP}. {@code contentStart}/{@code contentEnd}
 * delimit the inside of strings, quoted identifiers and dollar bodies (else equal start/end).
 * {@code dynamic} is true when the token covers a {@code \u0000} placeholder; {@code closed} is false
 * for a literal, identifier or body that runs off the end of the text.
 */
record SqlToken(Kind kind, int start, int end, String text, int contentStart, int contentEnd, boolean dynamic,
        boolean closed) {

    enum Kind { WORD, QUOTED, STRING, DOLLAR, NUMBER, PARAM, OP }

    /**
     * Whether every token of {@code toks} is closed (no literal, identifier or body runs off the end).
     * A loop: a stream per SQL statement was ~1% of a run, in pipeline code C1 compiles for it.
     */
    static boolean allClosed(List<SqlToken> toks) {
        for (int i = 0; i < toks.size(); i++) {
            if (!toks.get(i).closed) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of the first token from {@code from} on that is {@code wanted} and stands outside every
     * parenthesis opened from there, or -1. A parenthesis is asked too, before it opens or closes: {@code ")"} at
     * that level is the one that closes the level {@code from} stands in.
     */
    static int topLevel(List<SqlToken> toks, int from, Predicate<SqlToken> wanted) {
        int depth = 0;
        for (int p = from; p < toks.size(); p++) {
            SqlToken t = toks.get(p);
            if (depth == 0 && wanted.test(t)) {
                return p;
            }
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")")) {
                depth--;
            }
        }
        return -1;
    }

    /** A keyword match: unquoted, static, case-insensitive. */
    boolean is(String keyword) {
        return kind == Kind.WORD && !dynamic && text.equalsIgnoreCase(keyword);
    }

    boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    boolean isNameLike() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** The identifier as PostgreSQL sees it: unquoted words fold to lower case; null when dynamic. */
    String identifier() {
        if (dynamic || !isNameLike()) {
            return null;
        }
        return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
    }
}
