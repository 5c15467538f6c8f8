package dev.idemlint.sql;

import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A use of one column in a data statement that PostgreSQL resolves by the column's type when it parses the
 * statement, before it reads a row: the column as the one argument of a function ({@code upper(c)}), as the left
 * operand of {@code [NOT] LIKE} or {@code [NOT] ILIKE}, or compared with {@code =}, {@code <>} or {@code !=} to a
 * plain string constant ({@code c = ''}, {@code '' = c}; the constant is coerced to the column's type then). Read
 * from the lexer's tokens, so a name in a literal or a comment is no use; a dynamic token, an unclosed literal or a
 * {@code BETWEEN} (whose {@code AND} binds with its own precedence) leaves the statement unread. A comparison is
 * taken only where nothing around it binds tighter than {@code =}: after {@code WHERE}, {@code AND}, {@code OR},
 * {@code NOT}, {@code ON}, {@code WHEN}, {@code HAVING} or {@code (}, and before the end of the statement,
 * {@code AND}, {@code OR}, {@code THEN} or {@code )} (an assignment {@code SET c = ''} is no comparison).
 *
 * @param kind which use
 * @param function the function's name, lower-cased, for {@link Kind#FUNCTION}; else null
 * @param literal the constant's value, for {@link Kind#COMPARE}; else null
 * @param operator the operator as written ({@code upper}, {@code LIKE}, {@code =}), for the message
 * @param at the offset of the column's name in the text
 */
public record ColumnUse(Kind kind, String function, String literal, String operator, int at) {

    /** The shapes of use read. */
    public enum Kind { FUNCTION, LIKE, COMPARE }

    private static final Set<String> BEFORE_COMPARE = Set.of("where", "and", "or", "not", "on", "when", "having");
    private static final Set<String> AFTER_COMPARE = Set.of("and", "or", "then");
    private static final Set<String> EQUALITY = Set.of("=", "<>", "!=");

    /**
     * What PostgreSQL raises when it parses this use of a column of type {@code formatType} ({@code nativeEnum}: a
     * native enum); null when nothing is known to fail. See {@link PostgresFacts#textFunctionFails},
     * {@link PostgresFacts#likeFails} and {@link PostgresFacts#comparisonFails}.
     */
    public SqlState failsOn(String formatType, boolean nativeEnum) {
        return switch (kind) {
            case FUNCTION -> PostgresFacts.textFunctionFails(function, formatType, nativeEnum);
            case LIKE -> PostgresFacts.likeFails(formatType, nativeEnum);
            case COMPARE -> PostgresFacts.comparisonFails(literal, formatType, nativeEnum);
        };
    }

    /**
     * The uses, in order, of column {@code column} (as PostgreSQL folds it) in the statement {@code sql[from, to)},
     * written bare or qualified by one of {@code qualifiers} (lower-cased table names and aliases that stand for
     * the column's table). The caller vouches that a bare {@code column} can only be the column of that table.
     */
    public static List<ColumnUse> of(String sql, int from, int to, String column, Set<String> qualifiers) {
        List<SqlToken> toks = SqlLexer.tokenize(sql, from, to);
        if (!SqlToken.allClosed(toks) || toks.stream().anyMatch(t -> t.dynamic() || t.is("BETWEEN"))) {
            return List.of();
        }
        List<ColumnUse> out = new ArrayList<>();
        for (int k = 0; k < toks.size(); k++) {
            if (!column.equals(toks.get(k).identifier()) || toks.get(k).kind() == SqlToken.Kind.WORD
                    && toks.get(k).text().isEmpty()) {
                continue;
            }
            int s = k;
            if (k >= 1 && toks.get(k - 1).isOp(".")) {
                if (k < 2 || !qualifiers.contains(toks.get(k - 2).identifier())) {
                    continue;
                }
                s = k - 2;
            }
            SqlToken next = at(toks, k + 1);
            if (next != null && (next.isOp("(") || next.isOp("."))) {
                continue; // a function of that name, or a qualifier itself
            }
            ColumnUse use = use(toks, s, k);
            if (use != null) {
                out.add(use);
            }
        }
        return out;
    }

    /**
     * Whether the statement {@code sql[from, to)} names a relation with its schema after {@code FROM}, {@code JOIN},
     * {@code UPDATE} or {@code INTO} ({@code UPDATE billing.t}), which the reads of a statement take by its last part.
     */
    public static boolean schemaQualified(String sql, int from, int to) {
        List<SqlToken> toks = SqlLexer.tokenize(sql, from, to);
        for (int k = 0; k + 2 < toks.size(); k++) {
            SqlToken t = toks.get(k);
            int n = k + 1;
            if (toks.get(n).is("ONLY")) {
                n++;
            }
            if ((t.is("FROM") || t.is("JOIN") || t.is("UPDATE") || t.is("INTO")) && n + 1 < toks.size()
                    && toks.get(n).isNameLike() && toks.get(n + 1).isOp(".")) {
                return true;
            }
        }
        return false;
    }

    /** The use the reference {@code toks[s..e]} stands in, or null. */
    private static ColumnUse use(List<SqlToken> toks, int s, int e) {
        SqlToken before = at(toks, s - 1);
        SqlToken after = at(toks, e + 1);
        int offset = toks.get(e).start();
        if (before != null && before.isOp("(") && after != null && after.isOp(")")) {
            SqlToken fn = at(toks, s - 2);
            SqlToken dot = at(toks, s - 3);
            if (fn != null && fn.kind() == SqlToken.Kind.WORD && (dot == null || !dot.isOp("."))) {
                String name = fn.text().toLowerCase(Locale.ROOT);
                return new ColumnUse(Kind.FUNCTION, name, null, name + "()", offset);
            }
        }
        int like = after != null && after.is("NOT") ? e + 2 : e + 1;
        SqlToken op = at(toks, like);
        if (op != null && (op.is("LIKE") || op.is("ILIKE")) && opensOperand(before)) {
            return new ColumnUse(Kind.LIKE, null, null, op.text().toUpperCase(Locale.ROOT), offset);
        }
        // c = 'v'
        if (after != null && after.kind() == SqlToken.Kind.OP && EQUALITY.contains(after.text())
                && compareStart(before) && string(at(toks, e + 2)) && compareEnd(at(toks, e + 3))) {
            return new ColumnUse(Kind.COMPARE, null, toks.get(e + 2).text(), after.text(), offset);
        }
        // 'v' = c
        SqlToken lit = at(toks, s - 2);
        if (before != null && before.kind() == SqlToken.Kind.OP && EQUALITY.contains(before.text()) && string(lit)
                && compareStart(at(toks, s - 3)) && compareEnd(after)) {
            return new ColumnUse(Kind.COMPARE, null, lit.text(), before.text(), offset);
        }
        return null;
    }

    /** Whether a LIKE's left operand can start right after {@code t}: nothing binds it to what comes before. */
    private static boolean opensOperand(SqlToken t) {
        return t == null || t.isOp("(") || t.isOp(",") || compareStart(t) || t.is("SELECT");
    }

    private static boolean compareStart(SqlToken t) {
        return t != null && (t.isOp("(") || t.kind() == SqlToken.Kind.WORD && !t.dynamic()
                && BEFORE_COMPARE.contains(t.text().toLowerCase(Locale.ROOT)));
    }

    private static boolean compareEnd(SqlToken t) {
        return t == null || t.isOp(")") || t.isOp(";") || t.kind() == SqlToken.Kind.WORD && !t.dynamic()
                && AFTER_COMPARE.contains(t.text().toLowerCase(Locale.ROOT));
    }

    /** A plain string constant: {@code 'v'} or {@code E'v'}, no type or bit-string prefix. */
    private static boolean string(SqlToken t) {
        return t != null && t.kind() == SqlToken.Kind.STRING && !t.dynamic();
    }

    private static SqlToken at(List<SqlToken> toks, int k) {
        return k >= 0 && k < toks.size() ? toks.get(k) : null;
    }
}
