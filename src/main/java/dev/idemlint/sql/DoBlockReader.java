package dev.idemlint.sql;

import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.SqlText;
import dev.idemlint.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the PL/pgSQL body of a {@code DO} block far enough to find the SQL it runs and what protects
 * each statement: a {@code BEGIN ... EXCEPTION WHEN ... END} block around it, or an {@code IF}
 * around it. Control structures it does not know (CASE statements, unbalanced blocks) make the
 * whole body unreadable, so the caller reports Unknown rather than guessing.
 */
final class DoBlockReader {
    /**
     * One SQL statement found in the body: either {@code tokens} of {@code sql} (a plain statement),
     * or a whole SqlText built from an {@code EXECUTE} string ({@code tokens} null).
     */
    record Inner(SqlText sql, List<SqlToken> tokens, Guard guard) {
    }

    /** The condition name of an SQLSTATE code (lower case), or the code when it is none we know. */
    static String conditionOf(String code) {
        return PostgresFacts.condition(code);
    }

    /** Class 42 as a condition catches every 42xxx error, so all the duplicate_* ones. */
    private static final String CLASS_42 = PostgresFacts.CLASS_42;

    private static final Set<String> PLPGSQL_ONLY = Set.of("NULL", "RAISE", "RETURN", "PERFORM", "EXIT",
            "CONTINUE", "GET", "ASSERT", "OPEN", "FETCH", "CLOSE", "MOVE");
    private static final Set<String> ENDS_LIST = Set.of("END", "ELSIF", "ELSEIF", "ELSE", "EXCEPTION", "WHEN");

    /** A protection around statements; exception frames get their conditions after their body is read. */
    private static final class Frame {
        final boolean ifFrame;
        final Set<String> conditions = new TreeSet<>();
        Span span;
        String description;

        Frame(boolean ifFrame) {
            this.ifFrame = ifFrame;
        }
    }

    private record Pending(SqlText sql, List<SqlToken> tokens, List<Frame> frames) {
    }

    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    private final SqlText sql;
    private final List<SqlToken> toks;
    private int pos;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<Pending> found = new ArrayList<>();

    private DoBlockReader(SqlText sql, List<SqlToken> toks) {
        this.sql = sql;
        this.toks = toks;
    }

    /** The statements of the body {@code sql[from, to)}, or null when the body cannot be read. */
    static List<Inner> read(SqlText sql, int from, int to) {
        List<SqlToken> toks = SqlLexer.tokenize(sql.text(), from, to);
        if (!SqlToken.allClosed(toks)) {
            return null;
        }
        DoBlockReader r = new DoBlockReader(sql, toks);
        try {
            r.block();
            if (r.pos < toks.size()) {
                return null;
            }
        } catch (Unreadable | IndexOutOfBoundsException e) {
            return null;
        }
        List<Inner> out = new ArrayList<>();
        for (Pending p : r.found) {
            out.add(new Inner(p.sql(), p.tokens(), guardFor(p.frames())));
        }
        return out;
    }

    private SqlToken cur() {
        return pos < toks.size() ? toks.get(pos) : null;
    }

    private boolean at(String keyword) {
        SqlToken t = cur();
        return t != null && t.is(keyword);
    }

    private void expect(String keyword) {
        if (!at(keyword)) {
            throw new Unreadable();
        }
        pos++;
    }

    private void endOfStatement() {
        if (cur() != null && cur().isOp(";")) {
            pos++;
        }
    }

    /** {@code [<<label>>] [DECLARE ...] BEGIN stmts [EXCEPTION handlers] END [label];} */
    private void block() {
        skipLabel();
        if (at("DECLARE")) {
            pos++;
            // Declarations end at the block's BEGIN; none of them can contain one.
            while (cur() != null && !at("BEGIN")) {
                pos++;
            }
        }
        expect("BEGIN");
        Frame handler = new Frame(false);
        frames.push(handler);
        statements();
        frames.pop();
        if (at("EXCEPTION")) {
            int from = cur().start();
            pos++;
            int to = from;
            while (at("WHEN")) {
                pos++;
                while (cur() != null && !at("THEN")) {
                    condition(handler.conditions);
                }
                to = cur() == null ? to : cur().end();
                expect("THEN");
                statements();
            }
            handler.span = sql.fileSpan(from, to);
            handler.description = "DO block catches " + String.join(", ", handler.conditions);
        }
        expect("END");
        if (cur() != null && cur().kind() == SqlToken.Kind.WORD) {
            pos++; // block label
        }
        endOfStatement();
    }

    private void condition(Set<String> into) {
        SqlToken t = cur();
        pos++;
        if (t.is("OR")) {
            return;
        }
        String name;
        if (t.is("SQLSTATE") && cur() != null && cur().kind() == SqlToken.Kind.STRING) {
            String code = cur().text().toLowerCase(Locale.ROOT);
            pos++;
            name = conditionOf(code);
        } else if (t.kind() == SqlToken.Kind.WORD && !t.dynamic()) {
            name = t.text().toLowerCase(Locale.ROOT);
        } else {
            throw new Unreadable();
        }
        into.add(name);
        if (name.equals(CLASS_42)) {
            into.addAll(PostgresFacts.class42Conditions());
        }
    }

    private void skipLabel() {
        if (cur() != null && cur().isOp("<<")) {
            pos += 3;
        }
    }

    private void statements() {
        while (cur() != null) {
            SqlToken t = cur();
            if (t.kind() == SqlToken.Kind.WORD && !t.dynamic()
                    && ENDS_LIST.contains(t.text().toUpperCase(Locale.ROOT))) {
                return;
            }
            if (t.isOp("<<")) {
                skipLabel();
            } else if (t.is("DECLARE") || t.is("BEGIN")) {
                block();
            } else if (t.is("IF")) {
                ifStatement();
            } else if (t.is("LOOP") || t.is("WHILE") || t.is("FOR") || t.is("FOREACH")) {
                loop();
            } else if (t.is("CASE")) {
                throw new Unreadable();
            } else {
                simpleStatement();
            }
        }
    }

    private void ifStatement() {
        boolean presenceCheck = false;
        while (at("IF") || at("ELSIF") || at("ELSEIF") || at("ELSE")) {
            SqlToken head = cur();
            Frame f = new Frame(true);
            pos++;
            if (head.is("ELSE")) {
                f.span = sql.fileSpan(head.start(), head.end());
                f.description = presenceCheck ? "PL/pgSQL ELSE of IF EXISTS check"
                        : "PL/pgSQL ELSE branch (condition assumed to guard)";
            } else {
                int condFrom = pos;
                int then = findThen();
                f.span = sql.fileSpan(head.start(), toks.get(then).end());
                boolean checksAbsence = checksAbsence(condFrom, then);
                presenceCheck = checksPresence(condFrom);
                f.description = checksAbsence ? "PL/pgSQL IF NOT EXISTS check"
                        : "PL/pgSQL IF (condition assumed to guard)";
                pos = then + 1;
            }
            frames.push(f);
            statements();
            frames.pop();
            if (head.is("ELSE")) {
                break;
            }
        }
        expect("END");
        expect("IF");
        endOfStatement();
    }

    private int findThen() {
        int then = SqlToken.topLevel(toks, pos, t -> t.is("THEN"));
        if (then < 0 || endsBefore(then)) {
            throw new Unreadable();
        }
        return then;
    }

    /** Whether a {@code ;}, inside parentheses or not, stands between here and token {@code p}. */
    private boolean endsBefore(int p) {
        for (int k = pos; k < p; k++) {
            if (toks.get(k).isOp(";")) {
                return true;
            }
        }
        return false;
    }

    /** {@code NOT EXISTS (...)}, {@code NOT FOUND}, {@code (SELECT count(*) ...) = 0}, {@code ... IS NULL}. */
    private boolean checksAbsence(int from, int to) {
        SqlToken a = toks.get(from);
        SqlToken b = from + 1 < to ? toks.get(from + 1) : null;
        if (a.is("NOT") && b != null && (b.is("EXISTS") || b.is("FOUND"))) {
            return true;
        }
        SqlToken last = toks.get(to - 1);
        SqlToken beforeLast = to - 2 >= from ? toks.get(to - 2) : null;
        return (last.text().equals("0") && beforeLast != null && (beforeLast.isOp("=") || beforeLast.isOp("<=")))
                || (last.is("NULL") && beforeLast != null && beforeLast.is("IS"));
    }

    private boolean checksPresence(int from) {
        return toks.get(from).is("EXISTS") || toks.get(from).is("FOUND");
    }

    private void loop() {
        int loop = SqlToken.topLevel(toks, pos, t -> t.is("LOOP"));
        if (loop < 0 || endsBefore(loop)) {
            throw new Unreadable();
        }
        pos = loop + 1;
        statements();
        expect("END");
        expect("LOOP");
        if (cur() != null && cur().kind() == SqlToken.Kind.WORD) {
            pos++;
        }
        endOfStatement();
    }

    private void simpleStatement() {
        int from = pos;
        int end = SqlToken.topLevel(toks, pos, t -> t.isOp(";"));
        if (end < 0) {
            throw new Unreadable(); // PL/pgSQL statements end with ';', so the body is cut or unbalanced
        }
        List<SqlToken> st = toks.subList(from, end);
        pos = end + 1;
        SqlToken first = st.get(0);
        SqlToken second = st.size() > 1 ? st.get(1) : null;
        if (first.kind() == SqlToken.Kind.WORD && !first.dynamic()
                && PLPGSQL_ONLY.contains(first.text().toUpperCase(Locale.ROOT))) {
            return;
        }
        if (second != null && (second.isOp(":=") || second.isOp("=") || second.isOp("[")
                || (second.isOp(".") && st.stream().anyMatch(t -> t.isOp(":="))))) {
            return; // assignment
        }
        if (first.is("EXECUTE")) {
            SqlText built = executeText(st.subList(1, st.size()));
            if (built != null) {
                found.add(new Pending(built, null, List.copyOf(frames)));
                return;
            }
        }
        found.add(new Pending(sql, st, List.copyOf(frames)));
    }

    /**
     * The SQL an {@code EXECUTE} runs, from string literals joined by {@code ||} and
     * {@code format('...', ...)} templates; other operands and {@code %I}/{@code %s}/{@code %L}
     * become dynamic placeholders. Null when the expression has no literal SQL at all.
     */
    private SqlText executeText(List<SqlToken> expr) {
        int end = expr.size();
        for (int k = 0, depth = 0; k < expr.size(); k++) {
            SqlToken t = expr.get(k);
            depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
            if (depth == 0 && (t.is("INTO") || t.is("USING"))) {
                end = k;
                break;
            }
        }
        LiteralDecoder.Builder b = new LiteralDecoder.Builder(sql);
        boolean anyLiteral = false;
        int closeAt = end > 0 ? expr.get(end - 1).end() : 0;
        for (List<SqlToken> operand : splitOnConcat(expr.subList(0, end))) {
            if (operand.size() == 1 && operand.get(0).kind() == SqlToken.Kind.STRING) {
                SqlToken s = operand.get(0);
                b.append(decode(s));
                anyLiteral = true;
            } else if (operand.size() >= 3 && operand.get(0).is("format") && operand.get(1).isOp("(")
                    && operand.get(2).kind() == SqlToken.Kind.STRING) {
                appendFormat(b, decode(operand.get(2)));
                anyLiteral = true;
            } else {
                b.dynamic();
            }
        }
        return anyLiteral ? b.build(closeAt) : null;
    }

    private LiteralDecoder.Decoded decode(SqlToken s) {
        String text = sql.text();
        boolean escapes = s.contentStart() - s.start() == 2 && Character.toUpperCase(text.charAt(s.start())) == 'E';
        return LiteralDecoder.decode(text, s.contentStart(), s.contentEnd(), escapes);
    }

    /** {@code format()} placeholders are {@code %[n$][-][width]s|I|L}; {@code %%} is a percent sign. */
    private static void appendFormat(LiteralDecoder.Builder b, LiteralDecoder.Decoded d) {
        String v = d.value();
        int k = 0;
        while (k < v.length()) {
            if (v.charAt(k) == '%' && k + 1 < v.length()) {
                if (v.charAt(k + 1) == '%') {
                    b.append(new LiteralDecoder.Decoded("%", new int[] {d.source()[k]}));
                    k += 2;
                    continue;
                }
                int j = k + 1;
                while (j < v.length() && "0123456789$-*".indexOf(v.charAt(j)) >= 0) {
                    j++;
                }
                if (j < v.length() && "sIL".indexOf(v.charAt(j)) >= 0) {
                    b.dynamic();
                    k = j + 1;
                    continue;
                }
            }
            b.append(new LiteralDecoder.Decoded(String.valueOf(v.charAt(k)), new int[] {d.source()[k]}));
            k++;
        }
    }

    private static List<List<SqlToken>> splitOnConcat(List<SqlToken> expr) {
        List<List<SqlToken>> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int k = 0; k < expr.size(); k++) {
            SqlToken t = expr.get(k);
            depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
            if (depth == 0 && t.isOp("||")) {
                out.add(expr.subList(from, k));
                from = k + 1;
            }
        }
        out.add(expr.subList(from, expr.size()));
        return out;
    }

    /** An IF around the statement wins: it guards whatever the block catches. */
    private static Guard guardFor(List<Frame> stack) {
        Frame exception = null;
        Set<String> conditions = new TreeSet<>();
        for (Frame f : stack) { // innermost first
            if (f.ifFrame) {
                return Guard.of(GuardKind.PLPGSQL_IF, f.span, f.description);
            }
            if (!f.conditions.isEmpty()) {
                exception = exception == null ? f : exception;
                conditions.addAll(f.conditions);
            }
        }
        if (exception == null) {
            return null;
        }
        return new Guard(GuardKind.DO_BLOCK_EXCEPTION, exception.span,
                "DO block catches " + String.join(", ", conditions), Set.copyOf(conditions));
    }
}
