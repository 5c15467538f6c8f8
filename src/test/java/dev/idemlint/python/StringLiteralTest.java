package dev.idemlint.python;

import static dev.idemlint.python.ParseSupport.expr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.Span;
import org.junit.jupiter.api.Test;

class StringLiteralTest {

    private static Expr.Str str(String code) {
        Expr e = expr(code);
        if (e instanceof Expr.Call call) {
            e = call.positional(0);
        }
        return (Expr.Str) e;
    }

    @Test
    void maps_sql_text_back_to_the_char_after_the_quote() {
        String code = "op.execute(\"ALTER TABLE t ADD COLUMN c int\")\n";
        Expr.Str s = str(code);
        StrPiece p = s.pieces().get(0);
        assertEquals("ALTER TABLE t ADD COLUMN c int", p.text());
        assertEquals(code.indexOf('"') + 1, p.sourceOffset(0));
        assertEquals(code.indexOf("c int"), p.sourceOffset(p.text().indexOf("c int")));
        assertEquals(code.lastIndexOf('"'), p.sourceOffset(p.text().length()));
        assertEquals(new Span(code.indexOf('"'), code.lastIndexOf('"') + 1), p.token());
        assertEquals(p.token(), s.span());
        assertEquals("", p.prefix());
        assertEquals("\"", p.quote());
        assertTrue(s.isConstant());
    }

    @Test
    void splits_f_string_into_literal_dynamic_literal_pieces() {
        String code = "op.execute(f\"ALTER TABLE {t} ADD COLUMN x\")\n";
        Expr.Str s = str(code);
        assertEquals(3, s.pieces().size());
        StrPiece a = s.pieces().get(0);
        StrPiece field = s.pieces().get(1);
        StrPiece b = s.pieces().get(2);
        assertEquals("ALTER TABLE ", a.text());
        assertFalse(a.dynamic());
        assertEquals(code.indexOf("ALTER"), a.sourceOffset(0));
        assertEquals(code.indexOf('{'), a.sourceOffset(a.text().length()));
        assertTrue(field.dynamic());
        assertEquals("{t}", field.text());
        assertNull(field.sourceOffsets());
        var name = assertInstanceOf(Expr.Name.class, field.expr());
        assertEquals("t", name.id());
        assertEquals(new Span(code.indexOf("{t}") + 1, code.indexOf("{t}") + 2), name.span());
        assertEquals(" ADD COLUMN x", b.text());
        assertEquals(code.indexOf(" ADD"), b.sourceOffset(0));
        assertEquals("f", b.prefix());
        assertFalse(s.isConstant());
        assertEquals("ALTER TABLE  ADD COLUMN x", s.constantText());
    }

    @Test
    void maps_triple_quoted_string_with_escapes() {
        String code = "op.execute(\"\"\"\n    UPDATE t\\tSET a = '\\x41'\\\n    WHERE b\\n\"\"\")\n";
        StrPiece p = str(code).pieces().get(0);
        assertEquals("\n    UPDATE t\tSET a = 'A'    WHERE b\n", p.text());
        int tab = p.text().indexOf('\t');
        assertEquals(code.indexOf("\\t"), p.sourceOffset(tab));
        assertEquals(code.indexOf("SET"), p.sourceOffset(tab + 1));
        assertEquals(code.indexOf("\\x41"), p.sourceOffset(p.text().indexOf('A', tab)));
        assertEquals(code.indexOf("    WHERE"), p.sourceOffset(p.text().indexOf("    WHERE")));
        assertEquals(code.indexOf("\"\"\")"), p.sourceOffset(p.text().length()));
        assertEquals("\"\"\"", p.quote());
    }

    @Test
    void keeps_backslashes_in_raw_strings() {
        StrPiece p = str("x = r'a\\d\\n'\n".substring(4)).pieces().get(0);
        assertEquals("a\\d\\n", p.text());
        assertTrue(p.raw());
        assertEquals("r", p.prefix());
    }

    @Test
    void decodes_every_escape_kind() {
        String code = "'\\\\ \\' \\\" \\x41 \\u00e9 \\U0001F600 \\N{BULLET} \\101 \\0 \\z \\a'\n";
        StrPiece p = str(code).pieces().get(0);
        assertEquals("\\ ' \" A \u00e9 \uD83D\uDE00 \u2022 A \0 \\z \u0007", p.text());
        int emoji = p.text().indexOf('\uD83D');
        assertEquals(code.indexOf("\\U"), p.sourceOffset(emoji));
        assertEquals(code.indexOf("\\U"), p.sourceOffset(emoji + 1));
        assertEquals(code.indexOf("\\z"), p.sourceOffset(p.text().indexOf("\\z")));
        assertEquals(code.indexOf("z"), p.sourceOffset(p.text().indexOf("\\z") + 1));
    }

    @Test
    void joins_implicitly_concatenated_literals_into_one_str() {
        String code = "('ALTER TABLE t '\n  \"ADD COLUMN c\"  # comment\n  f'{x}')\n";
        Expr.Str s = str(code);
        assertEquals(3, s.pieces().size());
        assertEquals("ALTER TABLE t ADD COLUMN c", s.constantText());
        assertEquals(code.indexOf("ADD"), s.pieces().get(1).sourceOffset(0));
        assertEquals(new Span(1, code.lastIndexOf(')')), s.span());
    }

    @Test
    void marks_bytes_literals() {
        Expr.Str s = str("b'\\x00\\xff'\n");
        assertTrue(s.bytes());
        assertEquals("\u0000\u00ff", s.pieces().get(0).text());
        assertFalse(str("'x'\n").bytes());
    }

    @Test
    void unescapes_doubled_braces_in_f_strings() {
        String code = "f'{{a}} {b!r:>10} {c=}'\n";
        Expr.Str s = str(code);
        assertEquals("Str['{a} '+{b}+' '+'c='+{c}]", NodeDump.of(s));
        StrPiece lit = s.pieces().get(0);
        assertEquals(code.indexOf("a}}"), lit.sourceOffset(1));
        assertEquals("{b!r:>10}", s.pieces().get(1).text());
    }

    @Test
    void parses_nested_f_string_fields_with_other_and_same_quotes() {
        assertEquals("Str['a'+{ifexp(Str['x'], c, Str['y'])}]", NodeDump.of(str("f\"a{'x' if c else 'y'}\"\n")));
        assertEquals("Str[{d[Str['k']]}]", NodeDump.of(str("f\"{d[\"k\"]}\"\n")));
        assertEquals("Str[{Str['in'+{1}]}]", NodeDump.of(str("f\"{f'in{1}'}\"\n")));
        assertEquals("Str[{Str[', '].join(genexp(x, xs))}]", NodeDump.of(str("f\"{', '.join(x for x in xs)}\"\n")));
    }

    @Test
    void parses_multiline_f_string_fields_with_file_offsets() {
        String code = "f\"\"\"sql {\n    a +\n    b\n} end\"\"\"\n";
        StrPiece field = str(code).pieces().get(1);
        var bin = assertInstanceOf(Expr.BinOp.class, field.expr());
        assertEquals(new Span(code.indexOf("a +"), code.indexOf("b\n") + 1), bin.span());
    }

    @Test
    void keeps_an_unparsable_f_string_field_opaque() {
        StrPiece field = str("f'{}'\n").pieces().get(0);
        assertTrue(field.dynamic());
        assertEquals("fstring-field", ((Expr.Opaque) field.expr()).kind());
    }

    @Test
    void decodes_crlf_inside_triple_quoted_strings_as_newline() {
        String code = "x = '''a\r\nb'''\r\n";
        var assign = (Stmt.Assign) ParseSupport.body(code).get(0);
        StrPiece p = ((Expr.Str) assign.value()).pieces().get(0);
        assertEquals("a\nb", p.text());
        assertArrayEquals(new int[] {7, 8, 10, 11}, p.sourceOffsets());
    }

    @Test
    void drops_backslash_newline_inside_non_raw_strings() {
        String code = "'ab\\\ncd'\n";
        StrPiece p = str(code).pieces().get(0);
        assertEquals("abcd", p.text());
        assertEquals(code.indexOf("cd"), p.sourceOffset(2));
    }

    @Test
    void splits_fields_nested_in_format_specs_and_comments_in_fields() {
        assertEquals("Str[{x}]", NodeDump.of(str("f\"{x:{'>'}10}\"\n")));
        String code = "f\"\"\"{\n    a  # } and : in a comment\n}\"\"\"\n";
        assertEquals("Str[{a}]", NodeDump.of(str(code)));
    }

    @Test
    void keeps_named_unicode_escapes_out_of_f_string_fields() {
        assertEquals("Str['\u2022 '+{x}]", NodeDump.of(str("f'\\N{BULLET} {x}'\n")));
    }

    @Test
    void maps_astral_chars_to_utf16_offsets() {
        String code = "('\uD83D\uDE00x', y)\n";
        var tuple = (Expr.Tuple) expr(code);
        StrPiece p = ((Expr.Str) tuple.elements().get(0)).pieces().get(0);
        assertEquals(code.indexOf('x'), p.sourceOffset(2));
        assertEquals(new Span(code.indexOf('y'), code.indexOf('y') + 1), tuple.elements().get(1).span());
    }

    @Test
    void a_literal_that_decodes_to_its_source_maps_char_for_char_and_one_that_does_not_keeps_exact_offsets() {
        // plain (decoded by a substring): a raw string keeps its backslashes, a bytes literal its text
        for (String lit : new String[] {"'SELECT 1'", "r'a\\d+'", "b'xyz'", "''", "f'no fields'"}) {
            String code = "f(" + lit + ")\n";
            StrPiece p = str(code).pieces().get(0);
            int content = code.indexOf(lit) + lit.indexOf('\'') + 1;
            assertEquals(code.substring(content, code.lastIndexOf('\'')), p.text(), lit);
            for (int i = 0; i <= p.text().length(); i++) {
                assertEquals(content + i, p.sourceOffset(i), lit + " char " + i);
            }
        }
        // not plain: an escape, a CR line break, a doubled f-string brace each shift the map
        String code = "g(f'a{{b\\n')\n";
        StrPiece p = str(code).pieces().get(0);
        assertEquals("a{b\n", p.text());
        int a = code.indexOf("a{{");
        assertArrayEquals(new int[] {a, a + 1, a + 3, a + 4, a + 6}, p.sourceOffsets());
        String crlf = "g('''a\r\nb''')\n";
        StrPiece q = str(crlf).pieces().get(0);
        assertEquals("a\nb", q.text());
        int qa = crlf.indexOf("a\r");
        assertArrayEquals(new int[] {qa, qa + 1, qa + 3, qa + 4}, q.sourceOffsets());
    }

    @Test
    void bulk_offsets_are_the_offsets_one_by_one_for_every_storage() {
        // one run, a few runs (start/delta pairs) and many runs (a plain array) store offsets differently
        java.util.Random random = new java.util.Random(5);
        int[] shapes = new int[3];
        for (int k = 0; k < 3_000; k++) {
            int n = 1 + random.nextInt(40);
            int[] a = new int[n];
            int jumps = k % 3 == 0 ? 0 : k % 3 == 1 ? 1 + random.nextInt(3) : n;
            a[0] = random.nextInt(1000);
            for (int i = 1; i < n; i++) {
                a[i] = a[i - 1] + 1 + (random.nextInt(n) < jumps ? 1 + random.nextInt(3) : 0);
            }
            StrPiece p = new StrPiece("x".repeat(n - 1), false, null, a, new Span(0, 1), "", "'");
            int[] dst = new int[n + 5];
            java.util.Arrays.fill(dst, -7);
            p.copySourceOffsets(dst, 3);
            for (int i = 0; i < n - 1; i++) {
                assertEquals(p.sourceOffset(i), dst[3 + i], "entry " + i + " of " + java.util.Arrays.toString(a));
                assertEquals(a[i], dst[3 + i]);
            }
            assertEquals(-7, dst[2]);
            assertEquals(-7, dst[3 + n - 1]);
            int runs = 0;
            for (int i = 1; i < n; i++) {
                runs += a[i] - a[i - 1] != 1 ? 1 : 0;
            }
            shapes[runs == 0 ? 0 : runs * 2 >= n ? 2 : 1]++; // as StrPiece.Offsets.of stores them
        }
        assertTrue(shapes[0] > 500 && shapes[1] > 300 && shapes[2] > 500, java.util.Arrays.toString(shapes));
    }

    @Test
    void a_name_written_again_in_the_same_file_is_the_same_string_object() {
        // names repeat in a migration (a table in every call, again in the downgrade) and the model
        // keeps them to the end of the run: one copy, whatever the quotes (RecentTexts)
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 300; i++) { // 300 names, each met four times in a row
            code.append("op.f(\"tbl_").append(i).append("\", 'tbl_").append(i).append("', r\"tbl_").append(i)
                    .append("\", \"\"\"tbl_").append(i).append("\"\"\")\n");
        }
        code.append("op.f(\"a\\tb\", \"a\\tb\", \"\", \"\")\n");
        var body = ParseSupport.body(code.toString());
        assertEquals(301, body.size());
        for (int i = 0; i < 300; i++) {
            Expr.Call call = (Expr.Call) ((Stmt.ExprStmt) body.get(i)).expr();
            String first = text(call, 0);
            assertEquals("tbl_" + i, first);
            for (int k = 1; k < 4; k++) {
                assertTrue(first == text(call, k), "literal " + k + " of line " + (i + 1) + " is another copy");
            }
            assertEquals("\"\"\"", k3(call));
        }
        Expr.Call last = (Expr.Call) ((Stmt.ExprStmt) body.get(300)).expr();
        assertEquals("a\tb", text(last, 0)); // escapes decode as before (not shared: decoded, not as written)
        assertEquals("a\tb", text(last, 1));
        assertEquals("", text(last, 2));
        assertEquals("'", str("x('y')\n").pieces().get(0).quote());
        assertEquals("'''", str("x('''y''')\n").pieces().get(0).quote());
    }

    @Test
    void a_long_text_or_one_of_more_names_than_the_table_has_slots_keeps_its_value() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 5000; i++) { // more distinct names than RecentTexts has slots: slots are taken over
            code.append("op.f(\"n").append(i).append("\", \"n").append(i).append("\")\n");
        }
        String longName = "x".repeat(65);
        code.append("op.f(\"").append(longName).append("\", \"").append(longName).append("\")\n");
        var body = ParseSupport.body(code.toString());
        for (int i = 0; i < 5000; i++) {
            Expr.Call call = (Expr.Call) ((Stmt.ExprStmt) body.get(i)).expr();
            assertEquals("n" + i, text(call, 0));
            assertEquals("n" + i, text(call, 1));
        }
        Expr.Call call = (Expr.Call) ((Stmt.ExprStmt) body.get(5000)).expr();
        assertEquals(longName, text(call, 0));
        assertEquals(longName, text(call, 1));
    }

    private static String text(Expr.Call call, int arg) {
        return ((Expr.Str) call.positional(arg)).pieces().get(0).text();
    }

    private static String k3(Expr.Call call) {
        return ((Expr.Str) call.positional(3)).pieces().get(0).quote();
    }
}
