package dev.idemlint.rules.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link SourceLayout#enclosingBatch}: read from the per-file index, the same call as the walk finds. */
class SourceLayoutBatchTest {

    private static final String NESTED = String.join("\n",
            "from alembic import op",
            "import sqlalchemy as sa",
            "",
            "",
            "def upgrade():",
            "    a = 1; b = 2",
            "    with op.batch_alter_table(\"t\") as bt: bt.add_column(x); bt.drop_column(\"y\")",
            "    with op.batch_alter_table(\"u\") as bu:",
            "        bu.add_column(x); bu.drop_column(\"z\")",
            "        if cond:",
            "            bu.create_index(\"ix\", [\"e\"])",
            "        else:",
            "            with op.batch_alter_table(\"v\") as bv:",
            "                bv.add_column(x)",
            "        with open(\"f\") as f, op.batch_alter_table(\"w\") as bw:",
            "            try:",
            "                bw.add_column(x)",
            "            except Exception:",
            "                pass",
            "            else:",
            "                bw.drop_column(\"q\")",
            "            finally:",
            "                pass",
            "        for i in range(3):",
            "            bu.alter_column(\"c\")",
            "        else:",
            "            pass",
            "        with open(\"g\") as g:",
            "            bu.alter_column(\"d\")",
            "    op.add_column(\"t\", x)",
            "",
            "",
            "class K:",
            "    def m(self):",
            "        with op.batch_alter_table(\"k\") as bk:",
            "            bk.add_column(x)",
            "");

    @Test
    void each_statement_has_the_innermost_batch_around_it_nested_or_on_one_line() {
        SourceLayout layout = layout(Path.of("nested.py"), NESTED);
        List<Stmt> all = statements(layout);
        assertEquals(31, all.size());
        for (Stmt s : all) {
            assertTrue(layout.batchIndexed(s.span()), s.toString());
            assertSame(layout.enclosingBatchByWalk(s.span()), layout.enclosingBatch(s.span()), s.toString());
        }
        assertEquals(null, table(layout, "a = 1"));
        assertEquals(null, table(layout, "b = 2"));
        assertEquals("\"t\"", table(layout, "bt.add_column(x)"));
        assertEquals("\"t\"", table(layout, "bt.drop_column(\"y\")"));
        assertEquals("\"u\"", table(layout, "bu.add_column(x)"));
        assertEquals("\"u\"", table(layout, "bu.drop_column(\"z\")"));
        assertEquals("\"u\"", table(layout, "bu.create_index(\"ix\", [\"e\"])"));
        assertEquals("\"v\"", table(layout, "bv.add_column(x)"));
        assertEquals("\"w\"", table(layout, "bw.add_column(x)"));
        assertEquals("\"w\"", table(layout, "bw.drop_column(\"q\")"));
        assertEquals("\"u\"", table(layout, "bu.alter_column(\"c\")"));
        assertEquals("\"u\"", table(layout, "bu.alter_column(\"d\")"));
        assertEquals(null, table(layout, "op.add_column(\"t\", x)"));
        assertEquals("\"k\"", table(layout, "bk.add_column(x)"));
        // a span that is no statement's is walked, as before
        Span inside = new Span(NESTED.indexOf("bt.add_column"), NESTED.indexOf("bt.add_column") + 2);
        assertNotNull(layout.enclosingBatch(inside));
        assertSame(layout.enclosingBatchByWalk(inside), layout.enclosingBatch(inside));
    }

    /** Every statement of every Python file the repository holds (fixtures, examples): index and walk agree. */
    @Test
    void the_index_agrees_with_the_walk_on_every_python_file_of_the_repository() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Stream.of("rules", "examples", "src/test/resources").map(Path::of)
                .filter(Files::isDirectory).flatMap(SourceLayoutBatchTest::walk)) {
            files = walk.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        int indexed = 0;
        int inBatch = 0;
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue; // a fixture that is not UTF-8 on purpose
            }
            SourceLayout layout = layout(f, text);
            if (layout.module() == null) {
                continue;
            }
            for (Stmt s : statements(layout)) {
                Expr.Call walked = layout.enclosingBatchByWalk(s.span());
                assertSame(walked, layout.enclosingBatch(s.span()), f + " " + s.span());
                if (layout.batchIndexed(s.span())) {
                    indexed++;
                    inBatch += walked != null ? 1 : 0;
                }
            }
        }
        assertTrue(files.size() > 500, files.size() + " files");
        assertTrue(indexed > 10_000 && inBatch > 100, indexed + " statements indexed, " + inBatch + " in a batch");
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SourceLayout layout(Path path, String text) {
        return SourceLayout.of(SourceFile.of(path, path.toString(), text));
    }

    /** The table argument's source of the batch around the statement written {@code stmt}, or null. */
    private static String table(SourceLayout layout, String stmt) {
        String text = layout.file().text();
        int at = text.indexOf(stmt);
        assertEquals(at, text.lastIndexOf(stmt), stmt);
        Span span = null;
        for (Stmt s : statements(layout)) {
            if (s.span().start() == at && s.span().end() == at + stmt.length()) {
                span = s.span();
            }
        }
        assertNotNull(span, stmt);
        Expr.Call batch = layout.enclosingBatch(span);
        return batch == null ? null : CallRewriter.source(layout.file(), CallRewriter.argument(batch, 0, "table_name"));
    }

    /** Every statement of the module outside unread ones, in pre-order. */
    private static List<Stmt> statements(SourceLayout layout) {
        List<Stmt> out = new ArrayList<>();
        collect(layout.module().body(), out);
        return out;
    }

    private static void collect(List<Stmt> body, List<Stmt> out) {
        for (Stmt s : body) {
            out.add(s);
            if (!(s instanceof Stmt.Opaque)) {
                for (List<Stmt> b : StmtParts.blockLists(s)) {
                    collect(b, out);
                }
            }
        }
    }
}
