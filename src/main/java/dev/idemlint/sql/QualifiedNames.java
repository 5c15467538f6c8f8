package dev.idemlint.sql;

import java.util.List;
import java.util.Locale;

/** Qualifiers written before a name in SQL, read from the lexer's tokens: linear, and no name in a literal or comment. */
public final class QualifiedNames {
    private QualifiedNames() {
    }

    /**
     * The qualifier of the first {@code q.name} in {@code sql}, {@code name} matched case-insensitively, quoted or
     * not: a quoted qualifier as written, a plain one lower-cased (as PostgreSQL folds it); null when there is none.
     */
    public static String qualifierOf(String sql, String name) {
        List<SqlToken> toks = SqlLexer.tokenize(sql);
        for (int k = 0; k + 2 < toks.size(); k++) {
            SqlToken q = toks.get(k);
            SqlToken n = toks.get(k + 2);
            if (q.isNameLike() && !q.dynamic() && toks.get(k + 1).isOp(".") && n.isNameLike() && !n.dynamic()
                    && n.text().equalsIgnoreCase(name)) {
                return q.kind() == SqlToken.Kind.QUOTED ? q.text() : q.text().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
