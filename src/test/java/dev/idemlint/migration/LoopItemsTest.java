package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.Stmt;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoopItemsTest {
    /** The items of the last statement's expression, with the module's earlier assignments in scope. */
    private static List<Expr> items(String module) throws Exception {
        SourceFile f = SourceFile.of(Path.of("x.py"), "x.py", module);
        PythonModule m = new PythonParser().parse(f);
        Scope scope = new Scope(null);
        Expr last = null;
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.Assign a && a.targets().get(0) instanceof Expr.Name n) {
                scope.bind(n.id(), a.value());
            } else if (s instanceof Stmt.ExprStmt e) {
                last = e.expr();
            }
        }
        return LoopItems.of(last, scope, f.text());
    }

    private static List<String> strings(List<Expr> items, String module) throws Exception {
        return items.stream().map(e -> e instanceof Expr.Tuple t
                ? t.elements().stream().map(x -> StringResolver.constant(x, new Scope(null))).collect(Collectors.joining(","))
                : StringResolver.constant(e, new Scope(null))).toList();
    }

    @Test
    void reads_lists_joined_with_plus_and_one_clause_comprehensions() throws Exception {
        String module = """
                a = [(t, "id") for t in ["instance", "volume"]]
                b = [("%s_history" % t, "revision") for t, c in a]
                c = [("metric", "id")]
                a + b + c
                """;
        assertEquals(List.of("instance,id", "volume,id", "instance_history,revision", "volume_history,revision",
                "metric,id"), strings(items(module), module));
    }

    @Test
    void comprehensions_with_a_condition_or_a_call_on_the_loop_name_are_unknown() throws Exception {
        assertNull(items("[t for t in ['a', 'b'] if t]\n"));
        assertNull(items("[f(t) for t in ['a', 'b']]\n"));
        assertNull(items("[f\"ix_{t}\" for t in ['a', 'b']]\n"));
        assertNull(items("[t for t in range(3)]\n"));
        assertNull(items("[x for x, y in ['a', 'b']]\n"));
    }

    @Test
    void past_the_bound_the_items_are_unknown() throws Exception {
        String list200 = IntStream.range(0, 200).mapToObj(i -> "'t" + i + "'").collect(Collectors.joining(", "));
        assertEquals(200, items("[" + list200 + "]\n").size());
        assertNull(items("[" + list200 + ", 'one_more']\n"));
        assertNull(items("a = [" + list200 + "]\na + ['x']\n"));
        // a long chain of small lists: joined in a loop, cut at the number of terms
        assertNull(items(IntStream.range(0, 100).mapToObj(i -> "[]").collect(Collectors.joining(" + ")) + "\n"));
        // each name doubling the one before: cut by the item bound, not walked to 2^40
        StringBuilder doubling = new StringBuilder("a0 = ['x']\n");
        for (int i = 1; i <= 40; i++) {
            doubling.append("a").append(i).append(" = a").append(i - 1).append(" + a").append(i - 1).append('\n');
        }
        assertNull(items(doubling + "a40\n"));
    }
}
