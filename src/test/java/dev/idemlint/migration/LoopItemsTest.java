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

    @Test
    void reads_a_dict_literals_items_keys_and_values_in_the_order_written() throws Exception {
        String module = """
                m = {"corp_type": "corp_types", "fee_code": "fee_codes"}
                m.items()
                """;
        assertEquals(List.of("corp_type,corp_types", "fee_code,fee_codes"), strings(items(module), module));
        assertEquals(List.of("corp_type", "fee_code"), strings(items("m = {'corp_type': 'x', 'fee_code': 'y'}\nm\n"), ""));
        assertEquals(List.of("corp_type", "fee_code"),
                strings(items("m = {'corp_type': 'x', 'fee_code': 'y'}\nm.keys()\n"), ""));
        assertEquals(List.of("x", "y"), strings(items("{'corp_type': 'x', 'fee_code': 'y'}.values()\n"), ""));
    }

    @Test
    void a_dict_not_spelled_out_or_with_a_key_twice_or_a_spread_is_unknown() throws Exception {
        assertNull(items("mapping.items()\n"));
        assertNull(items("m = load()\nm.items()\n"));
        assertNull(items("{'a': 'x', 'a': 'y'}.items()\n"));
        assertNull(items("{'a': 'x', **other}.items()\n"));
        assertNull(items("{name: 'x'}.items()\n"));
        assertNull(items("{'a': 'x'}.items(1)\n"));
    }

    @Test
    void a_dict_of_100k_entries_is_unknown_and_read_in_linear_time() throws Exception {
        String big = IntStream.range(0, 100_000).mapToObj(i -> "'t" + i + "': 'u" + i + "'")
                .collect(Collectors.joining(", ", "{", "}"));
        long start = System.nanoTime();
        assertNull(items(big + ".items()\n"));
        assertNull(items("m = " + big + "\nm\n"));
        String dict200 = IntStream.range(0, 200).mapToObj(i -> "'t" + i + "': 'u" + i + "'")
                .collect(Collectors.joining(", ", "{", "}"));
        assertEquals(200, items(dict200 + ".items()\n").size());
        assertNull(items(dict200.substring(0, dict200.length() - 1) + ", 'x': 'y'}.items()\n"));
        org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - start < 30_000_000_000L);
    }
}
