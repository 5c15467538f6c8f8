package dev.idemlint.schema;

import dev.idemlint.migration.Migration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revisions of a tree in walk order (parents first, as {@code RevisionGraph#topologicalOrder()} gives them), with
 * each one's position, its ancestors (through {@code down_revision} and {@code depends_on}) and whether the tree holds
 * all of them. A revision whose parent is missing, or comes later in the list, has an incomplete chain. Shared by a
 * multidb chain's timelines.
 */
final class Ancestry {
    final List<Migration> order;
    private final Map<Migration, Integer> position = new IdentityHashMap<>();
    /** Per position, the positions of its ancestors (all earlier). */
    final List<BitSet> ancestors;
    private final BitSet complete = new BitSet();

    Ancestry(List<Migration> migrations) {
        this.order = List.copyOf(migrations);
        this.ancestors = new ArrayList<>(order.size());
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
            String id = order.get(i).header().revisionId();
            if (id != null) {
                byId.put(id, i);
            }
        }
        // a method per revision, which C1 compiles after a few dozen calls (this loop runs once per run)
        for (int i = 0; i < order.size(); i++) {
            add(i, order.get(i), byId);
        }
    }

    private void add(int i, Migration m, Map<String, Integer> byId) {
        BitSet anc = new BitSet();
        boolean ok = m.header().revisionId() != null;
        Set<String> parents = new LinkedHashSet<>(m.header().parents());
        parents.addAll(m.header().dependencies());
        for (String p : parents) {
            Integer q = byId.get(p);
            if (q == null || q >= i) {
                ok = false;
                continue;
            }
            anc.set(q);
            anc.or(ancestors.get(q));
            ok &= complete.get(q);
        }
        ancestors.add(anc);
        complete.set(i, ok);
    }

    /** {@code m}'s position in walk order, or null when it is not in the tree. */
    Integer position(Migration m) {
        return position.get(m);
    }

    /** Whether the revision at {@code pos} and every revision before it are in the tree, down to a base. */
    boolean complete(int pos) {
        return complete.get(pos);
    }

    /** True when {@code a} is a strict ancestor of {@code b}. */
    boolean isAncestor(Migration a, Migration b) {
        Integer pa = position.get(a);
        Integer pb = position.get(b);
        return pa != null && pb != null && ancestors.get(pb).get(pa);
    }

    /** The first revision (in walk order) that has both {@code a} and {@code b} as ancestors, or null. */
    Migration mergeOf(Migration a, Migration b) {
        Integer pa = position.get(a);
        Integer pb = position.get(b);
        if (pa == null || pb == null) {
            return null;
        }
        for (int i = Math.max(pa, pb) + 1; i < order.size(); i++) {
            if (ancestors.get(i).get(pa) && ancestors.get(i).get(pb)) {
                return order.get(i);
            }
        }
        return null;
    }
}
