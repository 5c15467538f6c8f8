package dev.idemlint.sql;

import java.util.ArrayList;
import java.util.List;

/** One statement's char range {@code [start, end)} in a SQL string, without its {@code ;}, whitespace or comments. */
record SqlStatement(int start, int end) {
    /** The statements of {@code sql} as {@link StatementSplitter} splits it. */
    static List<SqlStatement> split(String sql) {
        List<SqlStatement> out = new ArrayList<>();
        for (List<SqlToken> st : StatementSplitter.statements(sql, 0, sql.length())) {
            out.add(new SqlStatement(st.get(0).start(), st.get(st.size() - 1).end()));
        }
        return out;
    }
}
