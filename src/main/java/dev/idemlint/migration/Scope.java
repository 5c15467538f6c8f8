package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import java.util.HashMap;
import java.util.Map;

/** Names bound to expressions: module constants, then function locals and parameters. */
final class Scope {
    private final Scope parent;
    private final Map<String, Expr> bindings = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    void bind(String name, Expr value) {
        bindings.put(name, value);
    }

    /** Marks a name as bound to something unknown, hiding outer bindings. */
    void unbind(String name) {
        bindings.put(name, null);
    }

    /**
     * Marks a name as bound to something unknown in the scope that binds it: a change a loop body or a
     * helper makes to a list outlives the body.
     */
    void forget(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.bindings.containsKey(name)) {
                s.bindings.put(name, null);
                return;
            }
        }
    }

    /** Whether the name is bound here or in an outer scope, to a value or to something unknown. */
    boolean binds(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.bindings.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    Expr lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.bindings.containsKey(name)) {
                return s.bindings.get(name);
            }
        }
        return null;
    }
}
