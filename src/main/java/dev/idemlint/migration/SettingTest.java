package dev.idemlint.migration;

import dev.idemlint.migration.Guard.Condition;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an {@code if} test that reads configuration only, from its expression tree: an environment variable
 * ({@code os.environ["ENV"]}, {@code os.environ.get("ENV")}, {@code os.getenv("ENV")}), a settings object
 * ({@code settings.FEATURE}, {@code config.X}, {@code app.config["X"]}, {@code CONF["section"].x} with {@code CONF}
 * bound to one), Alembic's configuration
 * ({@code context.get_x_argument(...)}, {@code context.config.get_main_option(...)},
 * {@code op.get_context().config}), literals, names bound to any of these (module constants, locals), and
 * comparisons, {@code not}/{@code and}/{@code or}, string methods and {@code bool()}/{@code int()}/{@code str()}
 * of them. Such a test comes out the same on the first run and on the re-run: a {@link Condition.Setting}.
 * Anything else (a helper call, a name bound from a database read, a parameter) is not read: null.
 */
final class SettingTest {
    /** Names a settings object goes by when imported ({@code from app.config import settings}). */
    private static final Set<String> SETTINGS_ROOTS = Set.of("settings", "config", "conf", "cfg", "configuration",
            "app_settings", "app_config", "current_app");

    /** Methods that read a value from configuration without changing it, on what configuration gave. */
    private static final Set<String> READS = Set.of("get", "lower", "upper", "strip", "lstrip", "rstrip", "casefold",
            "startswith", "endswith", "split", "get_main_option", "get_section_option", "get_section", "getboolean",
            "getint", "get_x_argument", "get_tag_argument");

    private static final Set<String> BUILTINS = Set.of("bool", "int", "str", "float", "len");

    /** Bindings followed deeper than this are not read (a name bound to a name bound to ...). */
    private static final int MAX_DEPTH = 16;

    private final Scope scope;
    private final Set<String> tainted;

    private SettingTest(Scope scope, Set<String> tainted) {
        this.scope = scope;
        this.tainted = tainted;
    }

    /** {@code test} as a {@link Condition.Setting}, or null when it reads anything but configuration and literals. */
    static Condition read(Expr test, Scope scope, Set<String> tainted) {
        SettingTest t = new SettingTest(scope, tainted);
        if (!t.settled(test, 0) || !t.readsConfiguration(test, 0)) {
            return null;
        }
        Expr operand = negated(test);
        return operand != null ? Condition.not(t.setting(operand)) : t.setting(test);
    }

    /** What a value can be, as far as equality with a literal goes: a string, None, anything else. */
    private enum Kind {
        STRING, NONE, OTHER
    }

    /** String methods that give a string back: what they are called on was one. */
    private static final Set<String> STRING_METHODS = Set.of("lower", "upper", "strip", "lstrip", "rstrip",
            "casefold", "title", "capitalize");

    /**
     * TRUE when the then-branch of {@code test} runs on every run, FALSE when it never does, null when its truth is
     * not fixed. An environment variable is a string: {@code os.environ["X"]} is one (a KeyError when unset),
     * {@code os.environ.get("X")} and {@code os.getenv("X")} are one or None (or the default given), and neither
     * equals a number, a bool, a tuple or a list. So {@code os.environ.get("X") == 3} is false and
     * {@code os.environ.get("X") != 3} true on every run, whatever the environment; {@code not}/{@code and}/
     * {@code or} of such tests are decided when the decided parts decide them. A literal ({@code if False:},
     * {@code if 1:}) is decided by its truth.
     */
    static Boolean decided(Expr test, Scope scope) {
        return new SettingTest(scope, Set.of()).decide(test, 0);
    }

    private Boolean decide(Expr test, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (test instanceof Expr.UnaryOp u && u.op().equals("not")) {
            Boolean inner = decide(u.operand(), depth + 1);
            return inner == null ? null : !inner;
        }
        if (test instanceof Expr.BoolOp b) {
            return b.truth(v -> decide(v, depth + 1));
        }
        Boolean literal = truth(test);
        if (literal != null) {
            return literal;
        }
        if (!(test instanceof Expr.Compare c) || c.ops().size() != 1) {
            return null;
        }
        String op = c.ops().get(0);
        Set<Kind> left = environment(c.left(), 0);
        Set<Kind> right = environment(c.comparators().get(0), 0);
        Set<Kind> can = left != null ? left : right;
        Expr other = left != null ? c.comparators().get(0) : c.left();
        if (can == null) {
            return null;
        }
        List<Kind> values;
        switch (op) {
            case "==", "!=", "is", "is not" -> {
                Kind k = kind(other, 0);
                values = k == null ? null : List.of(k);
            }
            case "in", "not in" -> values = left != null ? elementKinds(other) : null;
            default -> values = null;
        }
        if (values == null || values.stream().anyMatch(can::contains)) {
            return null;
        }
        // no value the environment can give is among those tested
        return op.equals("!=") || op.equals("is not") || op.equals("not in");
    }

    /**
     * Python's truth of a literal written in the test: {@code True}, {@code False}, {@code None}, a number
     * ({@code 0} is false), a string or bytes literal without replacement fields (empty is false); null for
     * anything else. {@code if False: return} never leaves, and what follows it always runs. A name is not followed:
     * a flag bound before a loop or a try may be rebound in a body the walk reads in a scope of its own.
     */
    /** The truth of a literal ({@code True}, {@code 0}, {@code ""}), null for anything else. */
    static Boolean literalTruth(Expr e) {
        return truth(e);
    }

    private static Boolean truth(Expr e) {
        if (e instanceof Expr.Const k) {
            return switch (k.text()) {
                case "True" -> true;
                case "False", "None" -> false;
                default -> null;
            };
        }
        if (e instanceof Expr.Str s && s.isConstant()) {
            return !s.constantText().isEmpty();
        }
        if (e instanceof Expr.Num n) {
            return numberTruth(n.text());
        }
        return null;
    }

    /**
     * The truth of a number literal ({@code 0}, {@code 0.0}, {@code 0x0}, {@code 0e5}, {@code 0j}, {@code 1_000}): false
     * when every digit of its value (before an exponent) is zero. One pass over the text, however long.
     */
    private static Boolean numberTruth(String text) {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        boolean prefixed = t.length() > 2 && t.charAt(0) == '0' && "xob".indexOf(t.charAt(1)) >= 0;
        String digits = prefixed ? t.substring(2) : t.endsWith("j") ? t.substring(0, t.length() - 1) : t;
        int exponent = prefixed ? -1 : digits.indexOf('e');
        String mantissa = exponent >= 0 ? digits.substring(0, exponent) : digits;
        if (mantissa.chars().noneMatch(Character::isLetterOrDigit)) {
            return null;
        }
        return mantissa.chars().anyMatch(ch -> ch != '0' && ch != '.');
    }

    /** What a read of the environment can give, through names bound to it; null when {@code e} is no such read. */
    private Set<Kind> environment(Expr e, int depth) {
        if (depth > MAX_DEPTH || e == null) {
            return null;
        }
        if (e instanceof Expr.Name n) {
            Expr bound = scope.lookup(n.id());
            return bound == null || bound == e ? null : environment(bound, depth + 1);
        }
        if (e instanceof Expr.Subscript s && "os.environ".equals(Names.dotted(s.value()))
                && rootFree((Expr.Attribute) s.value())) {
            return Set.of(Kind.STRING);
        }
        if (!(e instanceof Expr.Call c) || c.args().stream().anyMatch(a -> a.star() != 0)) {
            return null;
        }
        if (c.func() instanceof Expr.Attribute a && STRING_METHODS.contains(a.attr()) && c.args().isEmpty()) {
            // None.lower() raises: what comes back is a string
            return environment(a.value(), depth + 1) == null ? null : Set.of(Kind.STRING);
        }
        String f = Names.dotted(c.func());
        if (!("os.environ.get".equals(f) || "os.getenv".equals(f)) || !rootFree((Expr.Attribute) c.func())
                || c.args().isEmpty() || c.args().size() > 2 || c.args().get(0).keyword() != null) {
            return null;
        }
        if (c.args().size() == 1) {
            return Set.of(Kind.STRING, Kind.NONE);
        }
        Arg given = c.args().get(1);
        if (given.keyword() != null && !given.keyword().equals("default")) {
            return null;
        }
        Kind dflt = kind(given.value(), depth + 1);
        return dflt == null ? null : EnumSet.of(Kind.STRING, dflt);
    }

    /** The kind of a literal, through names bound to one; null for anything else. */
    private Kind kind(Expr e, int depth) {
        if (depth > MAX_DEPTH || e == null) {
            return null;
        }
        if (e instanceof Expr.Name n) {
            Expr bound = scope.lookup(n.id());
            return bound == null || bound == e ? null : kind(bound, depth + 1);
        }
        if (e instanceof Expr.Str s) {
            return s.bytes() ? Kind.OTHER : Kind.STRING;
        }
        if (e instanceof Expr.Const k) {
            return switch (k.text()) {
                case "None" -> Kind.NONE;
                case "True", "False" -> Kind.OTHER;
                default -> null;
            };
        }
        return e instanceof Expr.Num || e instanceof Expr.Tuple || e instanceof Expr.ListExpr ? Kind.OTHER : null;
    }

    /** The kinds of the items of a literal tuple, list or set; null when one is not a literal. */
    private List<Kind> elementKinds(Expr e) {
        List<Expr> items = e instanceof Expr.Tuple t ? t.elements() : e instanceof Expr.ListExpr l ? l.elements()
                : e instanceof Expr.Opaque o && o.kind().equals("set") ? o.children() : null;
        if (items == null) {
            return null;
        }
        List<Kind> out = new ArrayList<>();
        for (Expr item : items) {
            Kind k = kind(item, 0);
            if (k == null) {
                return null;
            }
            out.add(k);
        }
        return out;
    }

    /** The operand of {@code not test}, else null. */
    private static Expr negated(Expr test) {
        return test instanceof Expr.UnaryOp u && u.op().equals("not") ? u.operand() : null;
    }

    private Condition setting(Expr test) {
        if (test instanceof Expr.Compare c && c.ops().size() == 1) {
            String op = c.ops().get(0);
            Expr value = literal(c.comparators().get(0)) ? c.comparators().get(0) : c.left();
            Expr subject = value == c.left() ? c.comparators().get(0) : c.left();
            if (literal(value)) {
                String s = "`" + subject(subject, 0) + "`";
                String v = shown(value);
                switch (op) {
                    case "==", "is" -> {
                        return new Condition.Setting(s + " is " + v, s + " is not " + v);
                    }
                    case "!=", "is not" -> {
                        return new Condition.Setting(s + " is not " + v, s + " is " + v);
                    }
                    case "in" -> {
                        return new Condition.Setting(s + " is one of " + v, s + " is none of " + v);
                    }
                    case "not in" -> {
                        return new Condition.Setting(s + " is none of " + v, s + " is one of " + v);
                    }
                    default -> {
                    }
                }
            }
        }
        if (!(test instanceof Expr.Compare) && !(test instanceof Expr.BoolOp)) {
            String s = "`" + subject(test, 0) + "`";
            return new Condition.Setting(s + " is set", s + " is not set");
        }
        String text = subject(test, 0);
        return new Condition.Setting("`" + text + "` holds", "`" + text + "` does not hold");
    }

    /** Whether every part of {@code e} is configuration or a literal. */
    private boolean settled(Expr e, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (literal(e)) {
            return true;
        }
        if (source(e)) {
            return true;
        }
        if (e instanceof Expr.Name n) {
            if (tainted.contains(n.id())) {
                return false;
            }
            Expr bound = scope.lookup(n.id());
            return bound != null && settled(bound, depth + 1);
        }
        if (e instanceof Expr.Compare c) {
            return settled(c.left(), depth + 1) && c.comparators().stream().allMatch(x -> settled(x, depth + 1));
        }
        if (e instanceof Expr.BoolOp b) {
            return b.values().stream().allMatch(x -> settled(x, depth + 1));
        }
        if (e instanceof Expr.UnaryOp u) {
            return settled(u.operand(), depth + 1);
        }
        if (e instanceof Expr.Tuple t) {
            return t.elements().stream().allMatch(x -> settled(x, depth + 1));
        }
        if (e instanceof Expr.ListExpr l) {
            return l.elements().stream().allMatch(x -> settled(x, depth + 1));
        }
        if (e instanceof Expr.Subscript s) {
            return settled(s.value(), depth + 1) && settled(s.index(), depth + 1);
        }
        if (e instanceof Expr.Call c) {
            boolean args = c.args().stream().allMatch(a -> a.star() == 0 && settled(a.value(), depth + 1));
            if (c.func() instanceof Expr.Attribute a && READS.contains(a.attr())) {
                return args && settled(a.value(), depth + 1);
            }
            return args && c.func() instanceof Expr.Name f && BUILTINS.contains(f.id()) && scope.lookup(f.id()) == null
                    && !scope.binds(f.id());
        }
        return false;
    }

    /** Whether {@code e} reads some configuration (a test of literals alone is no configuration test). */
    private boolean readsConfiguration(Expr e, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (source(e)) {
            return true;
        }
        if (e instanceof Expr.Name n && scope.lookup(n.id()) != null) {
            return readsConfiguration(scope.lookup(n.id()), depth + 1);
        }
        for (Expr c : e.children()) {
            if (readsConfiguration(c, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Configuration itself: {@code os.environ}, {@code os.getenv(...)}, a settings object's attribute or item,
     * Alembic's {@code context.get_x_argument(...)}, {@code context.config}, {@code op.get_context().config}.
     */
    private boolean source(Expr e) {
        if (e instanceof Expr.Call c) {
            String f = Names.dotted(c.func());
            if ("os.getenv".equals(f) || "context.get_x_argument".equals(f) || "context.get_tag_argument".equals(f)) {
                return c.args().stream().allMatch(a -> a.star() == 0 && literal(a.value()));
            }
            return false;
        }
        if (e instanceof Expr.Attribute a) {
            String d = Names.dotted(a);
            if ("os.environ".equals(d) || "context.config".equals(d)) {
                return rootFree(a);
            }
            if (a.value() instanceof Expr.Call c && Names.dotted(c.func()) != null
                    && Names.dotted(c.func()).endsWith("get_context") && c.args().isEmpty() && a.attr().equals("config")) {
                return true;
            }
            Expr root = a;
            while (root instanceof Expr.Attribute r) {
                root = r.value();
            }
            if (root instanceof Expr.Name n && SETTINGS_ROOTS.contains(n.id()) && !scope.binds(n.id())
                    && !tainted.contains(n.id()) && (a.value() instanceof Expr.Name || source(a.value()))) {
                return true;
            }
        }
        return (e instanceof Expr.Attribute || e instanceof Expr.Subscript) && ofConfiguration(e, 0);
    }

    /**
     * An option of a configuration object read through attributes and literal keys: {@code CONF.database.seed},
     * {@code CONF["service:central"].default_pool_id}, where {@code CONF} is bound to one ({@code CONF = cfg.CONF}).
     */
    private boolean ofConfiguration(Expr e, int depth) {
        Expr on = e;
        while (on instanceof Expr.Attribute || on instanceof Expr.Subscript) {
            if (on instanceof Expr.Subscript s && !(s.index() instanceof Expr.Str k && k.isConstant())) {
                return false;
            }
            on = on instanceof Expr.Attribute a ? a.value() : ((Expr.Subscript) on).value();
        }
        if (!(on instanceof Expr.Name n) || tainted.contains(n.id()) || depth > MAX_DEPTH) {
            return false;
        }
        Expr bound = scope.lookup(n.id());
        if (bound == null) {
            // a settings object imported by its usual name, bound to nothing in the revision
            return on != e && SETTINGS_ROOTS.contains(n.id()) && !scope.binds(n.id());
        }
        return bound != on && ofConfiguration(bound, depth + 1);
    }

    /** The root name of a dotted source ({@code os}, {@code context}) is the module, not a local. */
    private boolean rootFree(Expr.Attribute a) {
        Expr root = a;
        while (root instanceof Expr.Attribute r) {
            root = r.value();
        }
        return root instanceof Expr.Name n && !scope.binds(n.id());
    }

    private static boolean literal(Expr e) {
        if (e instanceof Expr.Str s) {
            return s.isConstant();
        }
        if (e instanceof Expr.Tuple t) {
            return t.elements().stream().allMatch(SettingTest::literal);
        }
        if (e instanceof Expr.ListExpr l) {
            return l.elements().stream().allMatch(SettingTest::literal);
        }
        return e instanceof Expr.Num || e instanceof Expr.Const;
    }

    /** A literal as a message shows it: a plain word as it is ({@code production}), else as written. */
    private static String shown(Expr e) {
        if (e instanceof Expr.Str s && s.constantText().matches("[A-Za-z0-9_.-]+")) {
            return s.constantText();
        }
        if (e instanceof Expr.Str s) {
            return "\"" + s.constantText() + "\"";
        }
        if (e instanceof Expr.Tuple t) {
            return String.join(", ", t.elements().stream().map(SettingTest::shown).toList());
        }
        if (e instanceof Expr.ListExpr l) {
            return String.join(", ", l.elements().stream().map(SettingTest::shown).toList());
        }
        return e instanceof Expr.Num n ? n.text() : e instanceof Expr.Const c ? c.text() : "a value";
    }

    /**
     * What a test reads, for a message: the environment variable ({@code NOTIFY_ENVIRONMENT}), the setting
     * ({@code settings.FEATURE}), the {@code -x} argument ({@code -x seed}), through names bound to them and the
     * string methods around them.
     */
    private String subject(Expr e, int depth) {
        if (depth > MAX_DEPTH) {
            return "a setting";
        }
        if (e instanceof Expr.Call c && "os.getenv".equals(Names.dotted(c.func())) && !c.args().isEmpty()
                && c.positional(0) instanceof Expr.Str s && s.isConstant()) {
            return s.constantText();
        }
        if (e instanceof Expr.Subscript s && "os.environ".equals(Names.dotted(s.value()))
                && s.index() instanceof Expr.Str k && k.isConstant()) {
            return k.constantText();
        }
        if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && a.attr().equals("get")
                && !c.args().isEmpty() && c.positional(0) instanceof Expr.Str k && k.isConstant()) {
            Expr on = resolved(a.value());
            if ("os.environ".equals(Names.dotted(on))) {
                return k.constantText();
            }
            if (on instanceof Expr.Call x && "context.get_x_argument".equals(Names.dotted(x.func()))) {
                return "-x " + k.constantText();
            }
            return subject(a.value(), depth + 1) + "[\"" + k.constantText() + "\"]";
        }
        if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && READS.contains(a.attr())
                && !a.attr().equals("get") && !a.attr().startsWith("get_") && !a.attr().startsWith("getboolean")) {
            return subject(a.value(), depth + 1);
        }
        if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && a.attr().startsWith("get")
                && !c.args().isEmpty() && c.args().get(c.args().size() - 1).value() instanceof Expr.Str k
                && k.isConstant() && c.args().stream().allMatch(x -> x.keyword() == null)) {
            return subject(a.value(), depth + 1) + " " + k.constantText();
        }
        if (e instanceof Expr.Call c && c.func() instanceof Expr.Name f && BUILTINS.contains(f.id())
                && c.args().size() == 1) {
            return subject(c.args().get(0).value(), depth + 1);
        }
        if (e instanceof Expr.Name n && scope.lookup(n.id()) != null && shortSubject(scope.lookup(n.id()))) {
            return subject(scope.lookup(n.id()), depth + 1);
        }
        if (e instanceof Expr.Subscript s && s.index() instanceof Expr.Str k && k.isConstant()) {
            return subject(s.value(), depth + 1) + "[\"" + k.constantText() + "\"]";
        }
        if (e instanceof Expr.Call c && "context.get_x_argument".equals(Names.dotted(c.func()))) {
            return "-x arguments";
        }
        String d = Names.dotted(e);
        if (d != null) {
            return d;
        }
        if (e instanceof Expr.Attribute a) {
            // an option of a section read by its key: CONF["service:central"].default_pool_id
            return subject(a.value(), depth + 1) + "." + a.attr();
        }
        return spelled(e);
    }

    /** {@code e}, or what the names it is bound to, one through another, are bound to at last. */
    private Expr resolved(Expr e) {
        Expr out = e;
        for (int depth = 0; depth < MAX_DEPTH && out instanceof Expr.Name n && scope.lookup(n.id()) != null; depth++) {
            out = scope.lookup(n.id());
        }
        return out;
    }

    /** A binding read through for its subject: one setting, not a test of its own. */
    private static boolean shortSubject(Expr bound) {
        return !(bound instanceof Expr.Compare) && !(bound instanceof Expr.BoolOp) && !(bound instanceof Expr.UnaryOp);
    }

    /** A test written back from its tree, short, for a message ({@code ENV == "dev" and settings.SEED}). */
    private String spelled(Expr e) {
        if (e instanceof Expr.Compare c) {
            List<String> parts = new ArrayList<>();
            parts.add(part(c.left()));
            for (int i = 0; i < c.ops().size(); i++) {
                parts.add(c.ops().get(i));
                parts.add(part(c.comparators().get(i)));
            }
            return String.join(" ", parts);
        }
        if (e instanceof Expr.BoolOp b) {
            return String.join(" " + b.op() + " ", b.values().stream().map(this::part).toList());
        }
        if (e instanceof Expr.UnaryOp u) {
            return u.op() + " " + part(u.operand());
        }
        return "a setting";
    }

    private String part(Expr e) {
        if (literal(e)) {
            return e instanceof Expr.Str s ? "\"" + s.constantText() + "\"" : shown(e);
        }
        return e instanceof Expr.Compare || e instanceof Expr.BoolOp || e instanceof Expr.UnaryOp ? spelled(e)
                : subject(e, 0);
    }
}
