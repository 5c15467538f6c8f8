package dev.idemlint.migration;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A tree's values from its leaves up, each node read once and without recursion: a migration's {@code elif} chain,
 * its statements and the guards they carry, nests as deep as it is long.
 */
public final class PostOrder {
    private PostOrder() {
    }

    /**
     * The value of {@code root}, where a node's value is {@code value(node, its children)}, made once every child's
     * value is in {@code known}. {@code known} keeps each node's value for later calls; a null value counts as known.
     */
    public static <N, V> V fold(N root, Function<N, List<N>> children, Map<N, V> known,
            BiFunction<N, List<N>, V> value) {
        ArrayDeque<N> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            N node = work.peek();
            if (known.containsKey(node)) {
                work.pop();
                continue;
            }
            List<N> inner = children.apply(node);
            boolean ready = true;
            for (N child : inner) {
                if (!known.containsKey(child)) {
                    work.push(child);
                    ready = false;
                }
            }
            if (ready) {
                work.pop();
                known.put(node, value.apply(node, inner));
            }
        }
        return known.get(root);
    }
}
