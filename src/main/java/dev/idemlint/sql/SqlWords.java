package dev.idemlint.sql;

import java.util.ArrayList;
import java.util.Collections;
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

    private static final StatementMemo<List<Word>> LAST = new StatementMemo<>();

    private SqlWords() {
    }

    /** The words of {@code s} between {@code from} and {@code to}, unmodifiable. */
    public static List<Word> of(String s, int from, int to) {
        return LAST.get(s, from, to, () -> read(s, from, to));
    }

    private static List<Word> read(String s, int from, int to) {
        List<Word> out = new ArrayList<>();
        for (SqlToken t : SqlLexer.tokenize(s, from, to)) {
            out.add(new Word(s.substring(t.start(), t.end()), t.kind() == SqlToken.Kind.WORD && !t.dynamic(),
                    t.start(), t.end()));
        }
        return Collections.unmodifiableList(out);
    }
}
