package dev.idemlint.sql;

import dev.idemlint.migration.SqlText;
import dev.idemlint.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL lexer good enough for splitting and keyword classification: words, quoted
 * identifiers, standard and E'' strings, dollar-quoted bodies, numbers, {@code $n} parameters and
 * operators. MySQL's backtick-quoted identifiers are quoted identifiers too: a backtick is no token of
 * PostgreSQL's, so reading it the MySQL way changes nothing PostgreSQL accepts. Comments and whitespace are dropped. The dynamic placeholder {@code \u0000} lexes as an
 * identifier char, so a dynamic part becomes (part of) a word marked dynamic.
 */
final class SqlLexer {
    private static final String[] TWO_CHAR_OPS = {"::", ":=", "<<", ">>", "<=", ">=", "<>", "!=", "||", "=>"};

    // Character.isWhitespace/isLetter/isDigit look a char up through CharacterData, a call chain per
    // char under C1 (a fifth of the lexer's time); SQL is nearly all ASCII, answered from a table.
    private static final byte WHITESPACE = 1;
    private static final byte LETTER = 2;
    private static final byte DIGIT = 4;
    private static final byte[] ASCII = new byte[128];
    /** The one-char operators' texts, made once. */
    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = (byte) ((Character.isWhitespace(c) ? WHITESPACE : 0) | (Character.isLetter(c) ? LETTER : 0)
                    | (Character.isDigit(c) ? DIGIT : 0));
            ONE_CHAR[c] = String.valueOf(c);
        }
    }

    private final String s;
    private final int to;
    private int i;
    private final List<SqlToken> out = new ArrayList<>();
    /** Whether {@code s[from, to)} holds a dynamic placeholder at all (most SQL does not). */
    private final boolean anyDynamic;

    private SqlLexer(String s, int from, int to) {
        this.s = s;
        this.i = from;
        this.to = to;
        this.anyDynamic = holdsDynamic(s, from, to);
    }

    /**
     * Whether {@code s[from, to)} holds a placeholder. Only that range is read: a statement is lexed
     * out of the whole literal, and searching on to the literal's end for each of its statements made
     * one string of many statements quadratic.
     */
    private static boolean holdsDynamic(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == SqlText.DYNAMIC) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWhitespace(char c) {
        return c < 128 ? (ASCII[c] & WHITESPACE) != 0 : Character.isWhitespace(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (ASCII[c] & LETTER) != 0 : Character.isLetter(c);
    }

    private static boolean isDigit(char c) {
        return c < 128 ? (ASCII[c] & DIGIT) != 0 : Character.isDigit(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? (ASCII[c] & (LETTER | DIGIT)) != 0 : Character.isLetterOrDigit(c);
    }

    static List<SqlToken> tokenize(String s) {
        return tokenize(s, 0, s.length());
    }

    static List<SqlToken> tokenize(String s, int from, int to) {
        SqlLexer lexer = new SqlLexer(s, from, to);
        lexer.run();
        return lexer.out;
    }

    private char at(int k) {
        return k < to ? s.charAt(k) : (char) -1;
    }

    private void run() {
        while (i < to) {
            char c = s.charAt(i);
            if (isWhitespace(c)) {
                i++;
            } else if (c == '-' && at(i + 1) == '-') {
                while (i < to && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && at(i + 1) == '*') {
                blockComment();
            } else if (c == '\'') {
                string(i, i + 1, false);
            } else if ((c == 'E' || c == 'e') && at(i + 1) == '\'') {
                string(i, i + 2, true);
            } else if ("bBxXnN".indexOf(c) >= 0 && at(i + 1) == '\'') {
                string(i, i + 2, false);
            } else if (c == '"' || c == '`') {
                quotedIdentifier(c);
            } else if (c == '$' && isDigit(at(i + 1))) {
                int st = i++;
                while (i < to && isDigit(s.charAt(i))) {
                    i++;
                }
                add(Kind.PARAM, st, i, s.substring(st, i), st, i, true);
            } else if (c == '$' && dollarQuote()) {
                // consumed
            } else if (identStart(c)) {
                int st = i++;
                while (i < to && identPart(s.charAt(i))) {
                    i++;
                }
                add(Kind.WORD, st, i, s.substring(st, i), st, i, true);
            } else if (isDigit(c) || (c == '.' && isDigit(at(i + 1)))) {
                int st = i++;
                while (i < to && (isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                add(Kind.NUMBER, st, i, s.substring(st, i), st, i, true);
            } else {
                operator();
            }
        }
    }

    static boolean identStart(char c) {
        return isLetter(c) || c == '_' || c >= 0x80 || c == SqlText.DYNAMIC;
    }

    static boolean identPart(char c) {
        return identStart(c) || isDigit(c) || c == '$';
    }

    private void blockComment() {
        // PostgreSQL block comments nest, unlike the SQL standard's.
        int depth = 0;
        while (i < to) {
            if (s.charAt(i) == '/' && at(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (s.charAt(i) == '*' && at(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                i++;
            }
        }
    }

    private void string(int st, int contentStart, boolean escapes) {
        int k = contentStart;
        while (k < to) {
            char c = s.charAt(k);
            if (escapes && c == '\\') {
                k += 2;
            } else if (c == '\'') {
                if (at(k + 1) == '\'') {
                    k += 2;
                } else {
                    break;
                }
            } else {
                k++;
            }
        }
        int contentEnd = Math.min(k, to);
        boolean closed = k < to;
        i = closed ? k + 1 : to;
        String value = LiteralDecoder.decode(s, contentStart, contentEnd, escapes).value();
        add(Kind.STRING, st, i, value, contentStart, contentEnd, closed);
    }

    /** {@code "a""b"} or {@code `a``b`}: the quote doubled inside stands for itself. */
    private void quotedIdentifier(char quote) {
        int st = i;
        int k = i + 1;
        StringBuilder sb = new StringBuilder();
        while (k < to) {
            char c = s.charAt(k);
            if (c == quote) {
                if (at(k + 1) == quote) {
                    sb.append(quote);
                    k += 2;
                    continue;
                }
                break;
            }
            sb.append(c);
            k++;
        }
        boolean closed = k < to;
        i = closed ? k + 1 : to;
        add(Kind.QUOTED, st, i, sb.toString(), st + 1, Math.min(k, to), closed);
    }

    /** {@code $tag$ ... $tag$} with an optional tag; false when the {@code $} opens no quote. */
    private boolean dollarQuote() {
        int k = i + 1;
        while (k < to && s.charAt(k) != '$') {
            char c = s.charAt(k);
            boolean ok = k == i + 1 ? (isLetter(c) || c == '_' || c >= 0x80) : identPart(c) && c != '$';
            if (!ok) {
                return false;
            }
            k++;
        }
        if (k >= to) {
            return false;
        }
        String tag = s.substring(i, k + 1);
        int contentStart = k + 1;
        int close = s.indexOf(tag, contentStart);
        if (close < 0 || close + tag.length() > to) {
            add(Kind.DOLLAR, i, to, s.substring(contentStart, to), contentStart, to, false);
            i = to;
        } else {
            add(Kind.DOLLAR, i, close + tag.length(), s.substring(contentStart, close), contentStart, close, true);
            i = close + tag.length();
        }
        return true;
    }

    private void operator() {
        for (String op : TWO_CHAR_OPS) {
            if (s.startsWith(op, i) && i + 2 <= to) {
                add(Kind.OP, i, i + 2, op, i, i + 2, true);
                i += 2;
                return;
            }
        }
        char c = s.charAt(i);
        add(Kind.OP, i, i + 1, c < 128 ? ONE_CHAR[c] : String.valueOf(c), i, i + 1, true);
        i++;
    }

    private void add(Kind kind, int st, int end, String text, int cs, int ce, boolean closed) {
        boolean dynamic = false;
        for (int k = st; anyDynamic && k < end && !dynamic; k++) {
            dynamic = s.charAt(k) == SqlText.DYNAMIC;
        }
        out.add(new SqlToken(kind, st, end, text, cs, ce, dynamic, closed));
    }
}
