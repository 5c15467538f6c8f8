package dev.idemlint.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements the way psql does: on {@code ;} outside literals, quoted
 * identifiers, dollar bodies, comments and parentheses. A SQL-standard function body
 * ({@code BEGIN ATOMIC ... END}) is kept whole. Empty statements are dropped.
 */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /** The tokens of each statement in {@code sql[from, to)}, without the separating {@code ;}. */
    static List<List<SqlToken>> statements(String sql, int from, int to) {
        return group(SqlLexer.tokenize(sql, from, to));
    }

    static List<List<SqlToken>> group(List<SqlToken> tokens) {
        List<List<SqlToken>> out = new ArrayList<>();
        List<SqlToken> cur = new ArrayList<>();
        int depth = 0;
        boolean atomic = false;
        int caseDepth = 0;
        for (int k = 0; k < tokens.size(); k++) {
            SqlToken t = tokens.get(k);
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")")) {
                depth = Math.max(0, depth - 1);
            } else if (t.is("ATOMIC") && !cur.isEmpty() && cur.get(cur.size() - 1).is("BEGIN")
                    && cur.get(0).is("CREATE")) {
                atomic = true;
            } else if (atomic && t.is("CASE")) {
                caseDepth++;
            } else if (atomic && t.is("END")) {
                if (caseDepth > 0) {
                    caseDepth--;
                } else {
                    atomic = false;
                }
            } else if (t.isOp(";") && depth == 0 && !atomic) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                }
                cur = new ArrayList<>();
                continue;
            }
            cur.add(t);
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }
}
