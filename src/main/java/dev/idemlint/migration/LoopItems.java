package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items a {@code for} loop walks when the code spells them out: a list or tuple literal, names
 * bound to one, lists joined with {@code +}, and a one-clause comprehension over such a list
 * ({@code [(t, "id") for t in ["instance", "volume"]]}, its element with the loop names put in), and a
 * dict literal's keys, values or {@code (key, value)} pairs ({@code for old, new in {"a": "as"}.items():}),
 * in the order written, when its keys are distinct constant strings.
 * The loop's body then runs once per item with the names known, so {@code "ix_%s_%s" % (table, col)}
 * resolves. Bounded for hostile input: at most {@link #MAX_ITEMS} items and a fixed budget of nodes
 * visited per call; past either the items are unknown (null) and the loop stays a loop of unknown length.
 */
final class LoopItems {
    /** Items at most; a longer loop is read as one of unknown length. */
    static final int MAX_ITEMS = 200;
    /** Nodes looked at per call, whatever the input's shape. */
    private static final int BUDGET = 20_000;
    /** Nesting of comprehensions over comprehensions, and of an element's sub-expressions. */
    private static final int MAX_DEPTH = 8;
    /** {@code +} terms joined in one expression. */
    private static final int MAX_TERMS = 64;
    /** The clause between a comprehension's element and its iterable: {@code for a, b in}. */
    private static final Pattern ONE_FOR = Pattern.compile(
            "\\s*for\\s+\\(?\\s*([A-Za-z_][A-Za-z_0-9]*(?:\\s*,\\s*[A-Za-z_][A-Za-z_0-9]*)*)\\s*,?\\s*\\)?\\s+in\\s*");

    private final Scope scope;
    private final String text;
    private int budget = BUDGET;

    private LoopItems(Scope scope, String text) {
        this.scope = scope;
        this.text = text;
    }

    /**
     * The items of {@code iter}, or null when they are not all spelled out or there are more than
     * {@link #MAX_ITEMS}. {@code text} is the file's text (a comprehension's loop names are read from
     * the clause between the spans of its element and its iterable).
     */
    static List<Expr> of(Expr iter, Scope scope, String text) {
        return new LoopItems(scope, text).items(iter, 0);
    }

    private List<Expr> items(Expr e, int depth) {
        if (depth > MAX_DEPTH || --budget < 0) {
            return null;
        }
        Expr v = ColumnReader.deref(e, scope);
        if (v instanceof Expr.BinOp b && b.op().equals("+")) {
            // `a + b + c` nests to the left: walk the spine in a loop, not by recursion
            Deque<Expr> terms = new ArrayDeque<>();
            Expr left = v;
            while (left instanceof Expr.BinOp lb && lb.op().equals("+")) {
                if (terms.size() >= MAX_TERMS) {
                    return null;
                }
                terms.push(lb.right());
                left = ColumnReader.deref(lb.left(), scope);
            }
            terms.push(left);
            List<Expr> out = new ArrayList<>();
            for (Expr term : terms) {
                List<Expr> part = items(term, depth + 1);
                if (part == null || out.size() + part.size() > MAX_ITEMS) {
                    return null;
                }
                out.addAll(part);
            }
            return out;
        }
        List<Expr> elements = v instanceof Expr.ListExpr l ? l.elements() : v instanceof Expr.Tuple t ? t.elements()
                : null;
        if (elements != null) {
            if (elements.size() > MAX_ITEMS) {
                return null;
            }
            for (Expr el : elements) {
                if (el instanceof Expr.Opaque o && o.kind().equals("starred")) {
                    return null;
                }
            }
            budget -= elements.size();
            return budget < 0 ? null : elements;
        }
        if (v instanceof Expr.Opaque o && (o.kind().equals("listcomp") || o.kind().equals("genexp"))) {
            return comprehension(o, depth);
        }
        if (v instanceof Expr.Dict d) {
            return dict(d, "keys");
        }
        List<Expr> lines = SideFiles.lines(v, scope, MAX_ITEMS);
        if (lines != null) {
            // `for line in f.read().splitlines():` over a side file the revision opens (SideFiles)
            budget -= lines.size();
            return budget < 0 ? null : lines;
        }
        if (v instanceof Expr.Call c && c.args().isEmpty() && c.func() instanceof Expr.Attribute a
                && DICT_VIEWS.contains(a.attr()) && ColumnReader.deref(a.value(), scope) instanceof Expr.Dict d) {
            return dict(d, a.attr());
        }
        return null;
    }

    /** The views of a dict a loop may walk. */
    private static final Set<String> DICT_VIEWS = Set.of("keys", "values", "items");

    /**
     * A dict literal's keys, values or {@code (key, value)} tuples in insertion order; null when a key is
     * not a constant string, two keys are equal (the later value replaces the earlier one in place), or
     * an entry is a {@code **spread}.
     */
    private List<Expr> dict(Expr.Dict d, String view) {
        int n = d.keys().size();
        budget -= n;
        if (n > MAX_ITEMS || budget < 0) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        List<Expr> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Expr k = d.keys().get(i);
            String name = k == null ? null : StringResolver.constant(k, scope);
            if (name == null || !seen.add(name)) {
                return null;
            }
            Expr value = d.values().get(i);
            out.add(switch (view) {
                case "keys" -> k;
                case "values" -> value;
                default -> new Expr.Tuple(List.of(k, value), k.span());
            });
        }
        return out;
    }

    /** {@code [elt for a, b in iter]}: one clause, no {@code if}; null for anything else. */
    private List<Expr> comprehension(Expr.Opaque o, int depth) {
        if (o.children().size() != 2 || text == null) {
            return null;
        }
        Expr elt = o.children().get(0);
        Expr iter = o.children().get(1);
        int from = elt.span().end();
        int to = iter.span().start();
        if (from < 0 || to > text.length() || from > to || to - from > 200) {
            return null;
        }
        Matcher m = ONE_FOR.matcher(text.substring(from, to));
        if (!m.matches()) {
            return null;
        }
        String[] names = m.group(1).split("\\s*,\\s*");
        boolean tupleTarget = names.length > 1 || m.group(0).contains(",");
        List<Expr> source = items(iter, depth + 1);
        if (source == null) {
            return null;
        }
        List<Expr> out = new ArrayList<>(source.size());
        for (Expr item : source) {
            Map<String, Expr> bound = new HashMap<>();
            if (tupleTarget) {
                Expr it = ColumnReader.deref(item, scope);
                if (!(it instanceof Expr.Tuple t) || t.elements().size() != names.length) {
                    return null;
                }
                for (int i = 0; i < names.length; i++) {
                    bound.put(names[i], t.elements().get(i));
                }
            } else {
                bound.put(names[0], item);
            }
            Expr one = substitute(elt, bound, 0);
            if (one == null) {
                return null;
            }
            out.add(one);
        }
        return out;
    }

    /**
     * {@code e} with the loop names replaced by their items; null when a name sits somewhere this
     * does not rebuild (a call's argument, an f-string field), where its value would be lost.
     */
    private Expr substitute(Expr e, Map<String, Expr> bound, int depth) {
        if (depth > MAX_DEPTH || --budget < 0) {
            return null;
        }
        if (e instanceof Expr.Name n) {
            return bound.getOrDefault(n.id(), n);
        }
        if (e instanceof Expr.Tuple t) {
            List<Expr> els = substituteAll(t.elements(), bound, depth);
            return els == null ? null : new Expr.Tuple(els, t.span());
        }
        if (e instanceof Expr.ListExpr l) {
            List<Expr> els = substituteAll(l.elements(), bound, depth);
            return els == null ? null : new Expr.ListExpr(els, l.span());
        }
        if (e instanceof Expr.BinOp b) {
            Expr left = substitute(b.left(), bound, depth + 1);
            Expr right = left == null ? null : substitute(b.right(), bound, depth + 1);
            return right == null ? null : new Expr.BinOp(left, b.op(), right, b.span());
        }
        return mentions(e, bound) ? null : e;
    }

    private List<Expr> substituteAll(List<Expr> es, Map<String, Expr> bound, int depth) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr x : es) {
            Expr s = substitute(x, bound, depth + 1);
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        return out;
    }

    /** Whether a loop name occurs anywhere in {@code e} (walked with a stack, within the budget). */
    private boolean mentions(Expr e, Map<String, Expr> bound) {
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(e);
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            if (--budget < 0) {
                return true;
            }
            if (x instanceof Expr.Name n && bound.containsKey(n.id())) {
                return true;
            }
            for (int i = 0, c = x.childCount(); i < c; i++) {
                todo.push(x.child(i));
            }
        }
        return false;
    }
}
