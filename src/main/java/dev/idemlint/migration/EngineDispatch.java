package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StrPiece;
import java.util.ArrayList;
import java.util.List;

/**
 * The dispatch of Alembic's {@code multidb} template: {@code def upgrade(engine_name):
 * globals()[f"upgrade_{engine_name}"]()} (or {@code "upgrade_%s" % engine_name}, {@code
 * "upgrade_{}".format(engine_name)}). The template's env.py calls {@code context.run_migrations(engine_name=name)}
 * once per database, each with its own connection, transaction and version table, so each function
 * {@code upgrade_<name>()} the revision defines is one database's upgrade. {@code engines} pairs each name with its
 * function, in module order; a name env.py passes and the revision lacks raises KeyError, which is never claimed.
 */
public record EngineDispatch(List<Engine> engines) {

    /** One database's function of a multidb revision. */
    public record Engine(String name, Stmt.FunctionDef function) {
    }

    /**
     * The engines {@code fn} dispatches to among {@code functions} (the module's, in order), or null when
     * {@code fn} is not exactly the template's one-statement dispatch on its one parameter, or no function
     * matches: the function is then read as it is written.
     */
    public static EngineDispatch of(Stmt.FunctionDef fn, List<Stmt.FunctionDef> functions) {
        if (fn == null || fn.params().size() != 1 || fn.params().get(0).startsWith("*")) {
            return null;
        }
        String param = OpExtractor.paramName(fn.params().get(0));
        Expr.Call call = null;
        for (int i = 0; i < fn.body().size(); i++) {
            Stmt s = fn.body().get(i);
            if (i == 0 && s instanceof Stmt.ExprStmt doc && doc.expr() instanceof Expr.Str) {
                continue;
            }
            if (s instanceof Stmt.Opaque o && o.kind().equals("pass")) {
                continue;
            }
            if (call != null || !(s instanceof Stmt.ExprStmt e) || !(e.expr() instanceof Expr.Call c)) {
                return null;
            }
            call = c;
        }
        if (call == null || !call.args().isEmpty() || !(call.func() instanceof Expr.Subscript sub)
                || !(sub.value() instanceof Expr.Call g) || !(g.func() instanceof Expr.Name gn)
                || !gn.id().equals("globals") || !g.args().isEmpty()) {
            return null;
        }
        String[] affixes = template(sub.index(), param);
        if (affixes == null) {
            return null;
        }
        String prefix = affixes[0];
        String suffix = affixes[1];
        List<Engine> engines = new ArrayList<>();
        for (Stmt.FunctionDef f : functions) {
            String n = f.name();
            if (f != fn && n.length() > prefix.length() + suffix.length() && n.startsWith(prefix)
                    && n.endsWith(suffix) && f.params().isEmpty()
                    && engines.stream().noneMatch(e -> e.name().equals(n))) {
                engines.add(new Engine(n.substring(prefix.length(), n.length() - suffix.length()), f));
            }
        }
        return engines.isEmpty() ? null : new EngineDispatch(List.copyOf(engines));
    }

    /**
     * The text before and after the parameter in the function name {@code e} builds, or null: an f-string with
     * one field holding the bare parameter, {@code "..%s.." % param} or {@code "..{}..".format(param)}.
     */
    private static String[] template(Expr e, String param) {
        if (e instanceof Expr.Str s && !s.bytes()) {
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            boolean seen = false;
            for (StrPiece p : s.pieces()) {
                if (p.dynamic()) {
                    if (seen || !(p.expr() instanceof Expr.Name n) || !n.id().equals(param)
                            || !field(p.text()).equals(param)) {
                        return null;
                    }
                    seen = true;
                } else {
                    (seen ? after : before).append(p.text());
                }
            }
            return seen ? new String[] {before.toString(), after.toString()} : null;
        }
        if (e instanceof Expr.BinOp b && b.op().equals("%")) {
            Expr arg = b.right() instanceof Expr.Tuple t && t.elements().size() == 1 ? t.elements().get(0) : b.right();
            return isParam(arg, param) ? split(NamingConventionReader.literal(b.left()), "%s") : null;
        }
        if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && a.attr().equals("format")
                && c.args().size() == 1 && c.args().get(0).keyword() == null && c.args().get(0).star() == 0
                && isParam(c.args().get(0).value(), param)) {
            String text = NamingConventionReader.literal(a.value());
            String[] parts = split(text, "{}");
            return parts != null ? parts : split(text, "{0}");
        }
        return null;
    }

    /** A replacement field's text without its braces ({@code {engine_name}}), conversion and spec kept. */
    private static String field(String text) {
        String t = text.strip();
        if (t.startsWith("{") && t.endsWith("}")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.strip();
    }

    private static boolean isParam(Expr e, String param) {
        return e instanceof Expr.Name n && n.id().equals(param);
    }

    /** {@code text} around its one {@code hole}, or null when it has none, several, or another field. */
    private static String[] split(String text, String hole) {
        if (text == null) {
            return null;
        }
        int at = text.indexOf(hole);
        if (at < 0 || text.indexOf(hole, at + 1) >= 0) {
            return null;
        }
        String before = text.substring(0, at);
        String after = text.substring(at + hole.length());
        boolean percent = hole.equals("%s");
        for (String part : new String[] {before, after}) {
            if (percent ? part.indexOf('%') >= 0 : part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
                return null;
            }
        }
        return new String[] {before, after};
    }
}
