package dev.idemlint.sql;

import java.util.HashSet;
import java.util.Set;

/** The identifiers a SQL statement writes in double quotes, read from the lexer's tokens: none in a literal or comment. */
public final class QuotedIdentifiers {
    private QuotedIdentifiers() {
    }

    /** The double-quoted identifiers of {@code sql} between {@code from} and {@code to}, as PostgreSQL keeps them. */
    public static Set<String> in(String sql, int from, int to) {
        Set<String> out = new HashSet<>();
        for (SqlToken t : SqlLexer.tokenize(sql, from, to)) {
            if (t.kind() == SqlToken.Kind.QUOTED && !t.dynamic() && sql.charAt(t.start()) == '"') {
                out.add(t.text());
            }
        }
        return out;
    }
}
