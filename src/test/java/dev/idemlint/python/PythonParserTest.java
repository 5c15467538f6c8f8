package dev.idemlint.python;

import static dev.idemlint.python.ParseSupport.body;
import static dev.idemlint.python.ParseSupport.dump;
import static dev.idemlint.python.ParseSupport.expr;
import static dev.idemlint.python.ParseSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonParserTest {

    @Test
    void parses_op_call_with_positional_and_keyword_args() {
        String code = "op.add_column('players', sa.Column('c', sa.Text(), nullable=True), schema=None)\n";
        var call = (Expr.Call) expr(code);
        assertEquals("op.add_column(Str['players'], sa.Column(Str['c'], sa.Text(), nullable=True), schema=None)",
                NodeDump.of(call));
        assertEquals(new Span(0, code.length() - 1), call.span());
        assertEquals(new Span(code.indexOf('('), code.length() - 1), call.argsSpan());
        var attr = (Expr.Attribute) call.func();
        assertEquals(new Span(3, 13), attr.attrSpan());
        Arg schema = call.keyword("schema");
        assertEquals(new Span(code.indexOf("schema="), code.indexOf("None") + 4), schema.span());
        assertEquals(2, call.args().stream().filter(a -> a.keyword() == null && a.star() == 0).count());
    }

    @Test
    void marks_star_and_double_star_arguments() {
        var call = (Expr.Call) expr("f(a, *b, k=1, **c)\n");
        assertEquals(List.of(0, 1, 0, 2), call.args().stream().map(Arg::star).toList());
        assertTrue(call.hasStarArgs());
    }

    @Test
    void turns_a_generator_argument_into_one_positional_opaque() {
        var call = (Expr.Call) expr("sum(x.y for x in xs if x)\n");
        assertEquals(1, call.args().size());
        assertEquals("genexp(x.y, xs, x)", NodeDump.of(call.positional(0)));
    }

    @Test
    void parses_batch_alter_table_with_block() {
        String code = "def upgrade():\n"
                + "    with op.batch_alter_table('t', schema=None) as batch_op:\n"
                + "        batch_op.add_column(sa.Column('c', sa.Integer()))  # note\n"
                + "\n";
        var def = (Stmt.FunctionDef) body(code).get(0);
        var with = (Stmt.With) def.body().get(0);
        assertEquals("with op.batch_alter_table(Str['t'], schema=None) as batch_op {"
                + "batch_op.add_column(sa.Column(Str['c'], sa.Integer()))}", NodeDump.of(with));
        int start = code.indexOf("with");
        assertEquals(new Span(start, code.indexOf(":\n", start) + 1), with.header());
        assertEquals(new Span(start, code.indexOf("  # note")), with.span());
        assertEquals(new Span(0, code.indexOf(":\n") + 1), def.header());
        assertEquals(with.span().end(), def.span().end());
    }

    @Test
    void statement_spans_exclude_newlines_comments_and_dedents() {
        String code = "if x:\n    a = 1  # c\n\n# trailing\nb = 2";
        var stmts = body(code);
        assertEquals(new Span(0, code.indexOf("  # c")), stmts.get(0).span());
        assertEquals(new Span(code.indexOf("b = 2"), code.length()), stmts.get(1).span());
    }

    @Test
    void splits_semicolon_separated_statements() {
        assertEquals("a = 1; b += 2; pass()", dump("a = 1; b += 2; pass\n"));
    }

    @Test
    void chains_elif_as_nested_if_in_orelse() {
        String code = "if a:\n    x()\nelif b:\n    y()\nelif c:\n    z()\nelse:\n    w()\n";
        var outer = (Stmt.If) body(code).get(0);
        assertFalse(outer.elif());
        assertEquals("if a {x()} else {elif b {y()} else {elif c {z()} else {w()}}}", NodeDump.of(outer));
        var firstElif = (Stmt.If) outer.orelse().get(0);
        assertTrue(firstElif.elif());
        assertEquals(new Span(code.indexOf("elif b"), code.length() - 1), firstElif.span());
    }

    @Test
    void keeps_decorators_on_functions_and_classes() {
        var stmts = body("@a.b(1)\n@c\ndef f(x, *args, y=2, **kw):\n    pass\n@dataclass\nclass C(Base, metaclass=M):\n    z: int\n");
        assertEquals("def f[x, *args, y, **kw] @(a.b(1), c) {pass()}", NodeDump.of(stmts.get(0)));
        assertEquals("class C(Base) @(dataclass) {z: int}", NodeDump.of(stmts.get(1)));
        var f = (Stmt.FunctionDef) stmts.get(0);
        assertEquals(f.span().start(), "@a.b(1)\n@c\n".length());
    }

    @Test
    void flags_async_def_for_and_with() {
        String code = "async def f():\n    async with a() as b:\n        async for x in b:\n            await x\n";
        assertEquals("async def f[] {async with a() as b {async for x in b {await(x)}}}", dump(code));
    }

    @Test
    void parses_assignments_of_every_kind() {
        assertEquals("a = b = Tuple(1, 2)", dump("a = b = 1, 2\n"));
        assertEquals("x: int = 5; y: Str['list']", dump("x: int = 5\ny: 'list'\n"));
        assertEquals("Tuple(a, starred(rest)) = List(1, 2)", dump("a, *rest = [1, 2]\n"));
        assertEquals("x //= 2", dump("x //= 2\n"));
    }

    @Test
    void parses_imports_including_relative_and_star() {
        assertEquals("import os,sqlalchemy as sa; import .:models; import ..pkg.mod:a as b,c; import os.path:*",
                dump("import os, sqlalchemy as sa\nfrom . import models\nfrom ..pkg.mod import (a as b, c,)\n"
                        + "from os.path import *\n"));
        assertEquals("import ...:x", dump("from ... import x\n"));
    }

    @Test
    void models_boolean_unary_and_comparison_operators() {
        assertEquals("(not a)", NodeDump.of(expr("not a\n")));
        assertEquals("(a not in b)", NodeDump.of(expr("a not in b\n")));
        assertEquals("(a is not None)", NodeDump.of(expr("a is not None\n")));
        assertEquals("(0 <= a < 10)", NodeDump.of(expr("0 <= a < 10\n")));
        assertEquals("(a or (b and (not c)))", NodeDump.of(expr("a or b and not c\n")));
        assertEquals("(- (a ** 2))", NodeDump.of(expr("-a ** 2\n")));
        assertEquals("((a + (b * c)) - d)", NodeDump.of(expr("a + b * c - d\n")));
        assertEquals("(a ** (b ** c))", NodeDump.of(expr("a ** b ** c\n")));
        assertEquals("((2 ** (- 1)) * x)", NodeDump.of(expr("2 ** -1 * x\n")));
        assertEquals("((a | (b & c)) | d)", NodeDump.of(expr("a | b & c | d\n")));
    }

    @Test
    void keeps_sub_expressions_of_opaque_expressions() {
        assertEquals("ifexp(a, b, c)", NodeDump.of(expr("a if b else c\n")));
        assertEquals("lambda(2, (x + y))", NodeDump.of(expr("lambda x, y=2: x + y\n")));
        assertEquals("listcomp(f(x), xs, (x > 1))", NodeDump.of(expr("[f(x) for x in xs if x > 1]\n")));
        assertEquals("dictcomp(k, v, d.items())", NodeDump.of(expr("{k: v for k, v in d.items()}\n")));
        assertEquals("setcomp(x, xs)", NodeDump.of(expr("{x for x in xs}\n")));
        assertEquals("List(1, starred(x))", NodeDump.of(expr("[1, *x]\n")));
        assertEquals("set(1, 2)", NodeDump.of(expr("{1, 2}\n")));
        assertEquals("Dict(Str['a']: 1, **d)", NodeDump.of(expr("{'a': 1, **d}\n")));
        assertEquals("walrus(x, f())", NodeDump.of(expr("(x := f())\n")));
        assertEquals("s[slice(1, 2)]", NodeDump.of(expr("s[1:2]\n")));
        assertEquals("s[Tuple(a, slice(b))]", NodeDump.of(expr("s[a, b:]\n")));
        assertEquals("Tuple()", NodeDump.of(expr("()\n")));
        assertEquals("Tuple(1)", NodeDump.of(expr("(1,)\n")));
        assertEquals("x", NodeDump.of(expr("(x)\n")));
        assertEquals("...", NodeDump.of(expr("...\n")));
    }

    @Test
    void turns_simple_keyword_statements_into_opaque_statements() {
        assertEquals("raise(E(), cause)", dump("raise E() from cause\n"));
        assertEquals("assert(x, Str['m'])", dump("assert x, 'm'\n"));
        assertEquals("del(a, b)", dump("del a, b\n"));
        assertEquals("global(a, b)", dump("global a, b\n"));
        assertEquals("pass(); break(); continue()", dump("pass; break; continue\n"));
    }

    @Test
    void parses_try_with_handlers_else_and_finally() {
        String code = "try:\n    a()\nexcept (E, F) as e:\n    b()\nexcept:\n    raise\nelse:\n    c()\nfinally:\n    d()\n";
        assertEquals("try {a()} except Tuple(E, F) as e {b()} except  {raise()} else {c()} finally {d()}", dump(code));
    }

    @Test
    void parses_match_statement_and_soft_keywords_used_as_names() {
        String code = "match = 1\nmatch(x)\ntype = case\nmatch command:\n    case [a, *rest] if a:\n        go(a)\n"
                + "    case _:\n        pass\n";
        assertEquals("match = 1; match(x); type = case; match(command) {case(a) {go(a)}; case() {pass()}}", dump(code));
    }

    @Test
    void parses_parenthesized_with_items() {
        assertEquals("with a() as x, b() {pass()}", dump("with (\n    a() as x,\n    b(),\n):\n    pass\n"));
        assertEquals("with Tuple(a, b) as c {pass()}", dump("with (a, b) as c:\n    pass\n"));
    }

    @Test
    void ignores_comments_blank_lines_and_newlines_in_brackets() {
        String code = "x = [\n    1,  # one\n\n    # alone\n    2,\n]\n\n\n# end\n";
        assertEquals("x = List(1, 2)", dump(code));
    }

    @Test
    void handles_tabs_crlf_bom_and_missing_final_newline() {
        assertEquals("if x {a = 1; if a {b = 2}}", dump("if x:\r\n\ta = 1\r\n\tif a:\r\n\t        b = 2"));
        var module = parse("\uFEFFimport os\n");
        assertEquals(new Span(1, 10), module.body().get(0).span());
        assertEquals("", dump(""));
        assertEquals("", dump("# only a comment"));
        assertEquals("", dump("\n\n  \n"));
    }

    @Test
    void joins_backslash_continued_lines() {
        assertEquals("x = (1 + 2)", dump("x = 1 + \\\n    2\n"));
    }

    @Test
    void is_safe_to_share_between_threads() throws Exception {
        String code = ParseSupport.read(ParseSupport.resource("valid/alembic_typical.py"));
        String expected = NodeDump.of(body(code));
        List<Thread> threads = new java.util.ArrayList<>();
        List<String> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    results.add(NodeDump.of(body(code)));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(100, results.size());
        assertTrue(results.stream().allMatch(expected::equals));
    }

    @Test
    void returns_null_for_absent_optional_parts() {
        var ret = (Stmt.Return) ((Stmt.FunctionDef) body("def f():\n    return\n").get(0)).body().get(0);
        assertNull(ret.value());
        var ann = (Stmt.AnnAssign) body("x: int\n").get(0);
        assertNull(ann.value());
        assertInstanceOf(Expr.Name.class, ann.target());
    }

    /** CPython 3.11 compiles 2,990 terms and refuses 2,999 or more (python/NestingLimit). */
    @Test
    void parses_concatenation_chains_as_long_as_cpython_compiles_them() {
        StringBuilder code = new StringBuilder("x = 'a'");
        for (int i = 0; i < 2_990; i++) {
            code.append(" + 'a'");
        }
        var assign = (Stmt.Assign) body(code.append('\n').toString()).get(0);
        assertEquals("+", ((Expr.BinOp) assign.value()).op());
        String longer = "x = 'a'" + " + 'a'".repeat(20_000) + "\n";
        PythonSyntaxError e = ParseSupport.error(longer);
        assertTrue(e.getMessage().startsWith("expression nested 3,000 levels deep"), e.getMessage());
        assertTrue(e.offset() >= 4 && e.offset() < longer.length(), "inside the chain: " + e.offset());
    }

    @Test
    void reports_absurd_nesting_as_a_syntax_error_instead_of_crashing() {
        String code = "x = " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + "\n";
        PythonSyntaxError e = ParseSupport.error(code);
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
    }
}
