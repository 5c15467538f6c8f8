package dev.idemlint.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a SQL text as written, for code that edits SQL in place (fix builders): each token's
 * source text and char range, and whether it is a plain word that can be a keyword (unquoted, not
 * dynamic). The same lexer as the classifier, so both agree on strings, dollar bodies and comments.
 */
public final class SqlWords {
    /** One token: its source text, whether it is a static unquoted word, and its range in the text. */
    public record Word(String text, boolean word, int start, int end) {
    }

    /** The words of the statement read last. */
    private record Read(String text, int from, int to, List<Word> words) {
    }

    /**
     * The statement read last, per thread: each action of an {@code ALTER TABLE} is an operation of the same
     * statement, and reading the statement again for each would make one with many actions quadratic.
     */
    private static final ThreadLocal<Read> LAST = new ThreadLocal<>();

    private SqlWords() {
    }

    /** The words of {@code s} between {@code from} and {@code to}, unmodifiable. */
    public static List<Word> of(String s, int from, int to) {
        Read last = LAST.get();
        if (last != null && last.text() == s && last.from() == from && last.to() == to) {
            return last.words();
        }
        List<Word> out = new ArrayList<>();
        for (SqlToken t : SqlLexer.tokenize(s, from, to)) {
            out.add(new Word(s.substring(t.start(), t.end()), t.kind() == SqlToken.Kind.WORD && !t.dynamic(),
                    t.start(), t.end()));
        }
        List<Word> words = java.util.Collections.unmodifiableList(out);
        LAST.set(new Read(s, from, to, words));
        return words;
    }
}
