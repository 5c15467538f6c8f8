package dev.idemlint.migration;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.python.StrPiece;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A revision's own rendering of CREATE TABLE: a function decorated {@code @compiles(CreateTable)}
 * ({@code sqlalchemy.ext.compiler}) replaces how SQLAlchemy compiles every {@code op.create_table} once the module is
 * imported. A hook none of whose string literals holds {@code IF NOT EXISTS} cannot add the clause: the table stays
 * a plain CREATE TABLE. One with such a literal adds it (mistral's and qinling's {@code re.sub("^\\s*CREATE TABLE",
 * "CREATE TABLE IF NOT EXISTS", ...)}), to every table or, when the hook reads one key of the table's {@code info}
 * ({@code element.element.info.get("check_ifexists")}), to the tables created with that key true
 * ({@code op.create_table(..., info={"check_ifexists": True})}): such a create_table passes on an existing table on
 * every Alembic version. Where that is not read (another use of {@code info}, an {@code info} that is not a literal
 * dict or whose value is not a literal), the rendering is unknown, taken as tolerant: no re-run claim rests on it.
 * A hook registered for another dialect ({@code @compiles(CreateTable, "postgresql")}) changes nothing on this one.
 * Only hooks of the revision's own module are read.
 */
final class CompiledCreateTable {
    private static final Pattern IF_NOT_EXISTS = Pattern.compile("(?i)\\bIF\\s+NOT\\s+EXISTS\\b");

    /** The rendering a hook gives a table: plain CREATE TABLE, IF NOT EXISTS, or not known. */
    enum Rendering {
        PLAIN, IF_NOT_EXISTS, UNKNOWN
    }

    /** The hooks of the module that apply to the linted dialect; empty when none. */
    private final List<Hook> hooks;

    /**
     * One hook: {@code rendering} what it gives a table ({@link Rendering#IF_NOT_EXISTS}: to the tables whose
     * {@code info} holds {@code infoKey} true, or to every table when that is null).
     */
    private record Hook(Rendering rendering, String infoKey) {
    }

    private CompiledCreateTable(List<Hook> hooks) {
        this.hooks = hooks;
    }

    /** The CREATE TABLE hooks among the module's functions, for {@code dialect}. */
    static CompiledCreateTable of(Collection<Stmt.FunctionDef> functions, Dialect dialect) {
        List<Hook> hooks = new ArrayList<>();
        for (Stmt.FunctionDef f : functions) {
            if (appliesHere(f, dialect)) {
                hooks.add(read(f));
            }
        }
        return new CompiledCreateTable(List.copyOf(hooks));
    }

    /** Whether {@code op.create_table(...)} is rendered IF NOT EXISTS, or whether that is not known. */
    Rendering of(Expr.Call createTable, Scope scope) {
        Rendering out = Rendering.PLAIN;
        for (Hook h : hooks) {
            Rendering r = h.rendering() != Rendering.IF_NOT_EXISTS || h.infoKey() == null ? h.rendering()
                    : infoFlag(createTable, h.infoKey(), scope);
            if (r == Rendering.UNKNOWN) {
                return r;
            }
            if (r == Rendering.IF_NOT_EXISTS) {
                out = r;
            }
        }
        return out;
    }

    /** {@code @compiles(CreateTable)}, or {@code @compiles(CreateTable, "<this dialect's name>")}. */
    private static boolean appliesHere(Stmt.FunctionDef f, Dialect dialect) {
        for (Expr d : f.decorators()) {
            if (d instanceof Expr.Call c && "compiles".equals(Names.lastPart(c.func()))
                    && "CreateTable".equals(Names.lastPart(c.positional(0)))) {
                Expr only = c.positional(1);
                if (only == null) {
                    return true;
                }
                // a dialect name not known here (or not a literal) is taken as this one's
                return !Boolean.FALSE.equals(DialectCheck.names(literal(only), dialect));
            }
        }
        return false;
    }

    /** What the hook's body says: the IF NOT EXISTS literal, and the one {@code info} key it reads. */
    private static Hook read(Stmt.FunctionDef f) {
        List<Expr> exprs = new ArrayList<>();
        collect(f.body(), exprs);
        boolean ifNotExists = false;
        String key = null;
        int infoUses = 0;
        int keyedUses = 0;
        for (Expr e : exprs) {
            if (e instanceof Expr.Str s && !s.bytes()) {
                for (StrPiece p : s.pieces()) {
                    ifNotExists |= p.text() != null && IF_NOT_EXISTS.matcher(p.text()).find();
                }
            }
            if (e instanceof Expr.Attribute a && a.attr().equals("info")) {
                infoUses++;
            }
            String k = infoKey(e);
            if (k != null) {
                keyedUses++;
                if (key != null && !key.equals(k)) {
                    return new Hook(Rendering.UNKNOWN, null);
                }
                key = k;
            }
        }
        if (!ifNotExists) {
            return new Hook(Rendering.PLAIN, null); // no literal of the hook holds the clause
        }
        return infoUses != keyedUses ? new Hook(Rendering.UNKNOWN, null) : new Hook(Rendering.IF_NOT_EXISTS, key);
    }

    /** "K" of {@code X.info.get("K")}, {@code X.info["K"]} or {@code "K" in X.info}, else null. */
    private static String infoKey(Expr e) {
        if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute get && get.attr().equals("get")
                && isInfo(get.value()) && c.positional(0) != null) {
            return literal(c.positional(0));
        }
        if (e instanceof Expr.Subscript s && isInfo(s.value())) {
            return literal(s.index());
        }
        if (e instanceof Expr.Compare cmp && cmp.comparators().size() == 1 && isInfo(cmp.comparators().get(0))
                && cmp.ops().equals(List.of("in"))) {
            return literal(cmp.left());
        }
        return null;
    }

    /** The text of a plain string literal, else null. */
    private static String literal(Expr e) {
        return e instanceof Expr.Str s && !s.bytes() && s.pieces().size() == 1 && !s.pieces().get(0).dynamic()
                ? s.pieces().get(0).text() : null;
    }

    private static boolean isInfo(Expr e) {
        return e instanceof Expr.Attribute a && a.attr().equals("info");
    }

    /** The {@code info=} of a create_table as the key-reading hook sees it. */
    private static Rendering infoFlag(Expr.Call createTable, String key, Scope scope) {
        Arg info = createTable.keyword("info");
        if (info == null) {
            return Rendering.PLAIN;
        }
        Expr v = ColumnReader.deref(info.value(), scope);
        if (!(v instanceof Expr.Dict d)) {
            return Rendering.UNKNOWN;
        }
        for (int i = 0; i < d.keys().size(); i++) {
            // a null key is a `**spread`
            String k = d.keys().get(i) == null ? null : StringResolver.constant(d.keys().get(i), scope);
            if (k == null) {
                return Rendering.UNKNOWN;
            }
            if (k.equals(key)) {
                Boolean b = truth(d.values().get(i));
                return b == null ? Rendering.UNKNOWN : b ? Rendering.IF_NOT_EXISTS : Rendering.PLAIN;
            }
        }
        return Rendering.PLAIN;
    }

    /** Python's truth of a literal: True/False/None, a number, a string; null for anything else. */
    private static Boolean truth(Expr e) {
        if (e instanceof Expr.Const c) {
            return switch (c.text()) {
                case "True" -> true;
                case "False", "None" -> false;
                default -> c.text().matches("[0-9][0-9_]*") ? !c.text().matches("[0_]+") : null;
            };
        }
        if (e instanceof Expr.Str s && s.pieces().stream().noneMatch(StrPiece::dynamic)) {
            return s.pieces().stream().anyMatch(p -> p.text() != null && !p.text().isEmpty());
        }
        return null;
    }

    private static void collect(List<Stmt> body, List<Expr> out) {
        for (Stmt s : body) {
            for (Expr e : StmtParts.expressions(s)) {
                collectExpr(e, out);
            }
            for (List<Stmt> block : StmtParts.blockLists(s)) {
                collect(block, out);
            }
        }
    }

    private static void collectExpr(Expr e, List<Expr> out) {
        if (e == null) {
            return;
        }
        out.add(e);
        for (int i = 0, n = e.childCount(); i < n; i++) {
            collectExpr(e.child(i), out);
        }
    }
}
