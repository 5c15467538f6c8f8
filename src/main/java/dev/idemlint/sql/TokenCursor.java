package dev.idemlint.sql;

import java.util.ArrayList;
import java.util.List;

/** A read position over a statement's tokens, with the keyword and name helpers classifiers need. */
final class TokenCursor {
    /** A possibly schema-qualified name: {@code value} is its last part (null when dynamic). */
    record Name(String value, int start, int end) {
    }

    private final List<SqlToken> tokens;
    private int pos;

    TokenCursor(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    int pos() {
        return pos;
    }

    void seek(int p) {
        pos = p;
    }

    List<SqlToken> tokens() {
        return tokens;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    /** The token {@code k} ahead, or null past the end. */
    SqlToken peek(int k) {
        int p = pos + k;
        return p >= 0 && p < tokens.size() ? tokens.get(p) : null;
    }

    SqlToken peek() {
        return peek(0);
    }

    SqlToken next() {
        return atEnd() ? null : tokens.get(pos++);
    }

    /** True when the next tokens are exactly these keywords. */
    boolean at(String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            SqlToken t = peek(k);
            if (t == null || !t.is(keywords[k])) {
                return false;
            }
        }
        return true;
    }

    /** Consumes the keywords when they are next. */
    boolean accept(String... keywords) {
        if (at(keywords)) {
            pos += keywords.length;
            return true;
        }
        return false;
    }

    boolean acceptOp(String op) {
        SqlToken t = peek();
        if (t != null && t.isOp(op)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Reads {@code a.b.c}; null when no identifier is next. */
    Name name() {
        SqlToken t = peek();
        if (t == null || !t.isNameLike()) {
            return null;
        }
        int start = t.start();
        pos++;
        while (peek() != null && peek().isOp(".") && peek(1) != null && peek(1).isNameLike()) {
            t = peek(1);
            pos += 2;
        }
        return new Name(t.identifier(), start, t.end());
    }

    /** Skips a balanced parenthesised group when one is next. */
    boolean skipParens() {
        if (peek() == null || !peek().isOp("(")) {
            return false;
        }
        int depth = 0;
        while (!atEnd()) {
            SqlToken t = next();
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")") && --depth == 0) {
                return true;
            }
        }
        return true;
    }

    /** Index of the first keyword at paren depth 0 from here, or -1. */
    int find(String keyword) {
        return SqlToken.topLevel(tokens, pos, t -> t.is(keyword));
    }

    /** The rest split on commas at paren depth 0. */
    List<List<SqlToken>> restSplitOnCommas() {
        return splitOnCommas(tokens.subList(pos, tokens.size()));
    }

    static List<List<SqlToken>> splitOnCommas(List<SqlToken> toks) {
        List<List<SqlToken>> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int p = 0; p < toks.size(); p++) {
            SqlToken t = toks.get(p);
            if (t.isOp("(") || t.isOp("[")) {
                depth++;
            } else if (t.isOp(")") || t.isOp("]")) {
                depth--;
            } else if (depth == 0 && t.isOp(",")) {
                out.add(toks.subList(from, p));
                from = p + 1;
            }
        }
        out.add(toks.subList(from, toks.size()));
        return out;
    }
}
