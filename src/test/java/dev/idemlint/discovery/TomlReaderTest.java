package dev.idemlint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlReaderTest {
    @Test
    void reads_tables_dotted_keys_strings_numbers_booleans_arrays_and_comments() throws Exception {
        TomlReader.Document d = TomlReader.parse("""
                # idemlint settings
                select = ["ALL"]   # everything
                ignore = [
                    "multiple-heads",  # trailing comment
                    'enum-type-created-twice',
                ]
                postgres-version = 15
                strict = true
                ratio = 0.5
                site."dotted key".x = "a\\tb\\u00e9"
                raw = 'C:\\no\\escapes'
                text = \"\"\"
                two
                lines\"\"\"

                [severity]
                add-column-not-idempotent = "warning"

                [tool.idemlint]
                inline = { a = 1, b = [true, false] }
                """);
        assertEquals(List.of("ALL"), d.get("select"));
        assertEquals(List.of("multiple-heads", "enum-type-created-twice"), d.get("ignore"));
        assertEquals(15L, d.get("postgres-version"));
        assertEquals(true, d.get("strict"));
        assertEquals(0.5, d.get("ratio"));
        assertEquals("a\tb\u00e9", ((Map<?, ?>) ((Map<?, ?>) d.get("site")).get("dotted key")).get("x"));
        assertEquals("C:\\no\\escapes", d.get("raw"));
        assertEquals("two\nlines", d.get("text"));
        assertEquals("warning", d.get("severity.add-column-not-idempotent"));
        assertEquals(Map.of("a", 1L, "b", List.of(true, false)), d.get("tool.idemlint.inline"));
        assertEquals(2, d.lineOf("select"));
        assertEquals(3, d.lineOf("ignore"));
        assertEquals(17, d.lineOf("severity.add-column-not-idempotent"));
        assertEquals(16, d.lineOf("severity"));
    }

    @Test
    void reads_arrays_of_tables_as_lock_files_use_them() throws Exception {
        TomlReader.Document d = TomlReader.parse("""
                [[package]]
                name = "alembic"
                version = "1.16.4"
                source = { registry = "https://pypi.org/simple" }

                [package.optional-dependencies]
                tz = [{ name = "tzdata" }]

                [[package]]
                name = "sqlalchemy"
                version = "1.4.54"
                """);
        List<?> packages = (List<?>) d.get("package");
        assertEquals(2, packages.size());
        assertEquals("1.4.54", ((Map<?, ?>) packages.get(1)).get("version"));
        assertEquals(List.of(Map.of("name", "tzdata")),
                ((Map<?, ?>) ((Map<?, ?>) packages.get(0)).get("optional-dependencies")).get("tz"));
    }

    @Test
    void errors_carry_the_line() {
        TomlReader.TomlException e = assertThrows(TomlReader.TomlException.class,
                () -> TomlReader.parse("a = 1\nb = \"unterminated\nc = 3\n"));
        assertEquals(2, e.line());
        e = assertThrows(TomlReader.TomlException.class, () -> TomlReader.parse("a = 1\na = 2\n"));
        assertEquals(2, e.line());
        e = assertThrows(TomlReader.TomlException.class, () -> TomlReader.parse("x = [1, 2\n\n"));
        assertEquals(3, e.line());
        e = assertThrows(TomlReader.TomlException.class, () -> TomlReader.parse("\n\nx = yes\n"));
        assertEquals(3, e.line());
    }

    /** A pull request writes pyproject.toml: nesting deep enough to exhaust the stack is a located error. */
    @Test
    void arrays_nested_past_the_limit_are_a_located_error_not_a_stack_overflow() throws Exception {
        TomlReader.TomlException e = assertThrows(TomlReader.TomlException.class,
                () -> TomlReader.parse("a = 1\nx = " + "[".repeat(200_000) + "]".repeat(200_000) + "\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("nested deeper than 64"), e.getMessage());
        e = assertThrows(TomlReader.TomlException.class, () -> TomlReader.parse("x = " + "{ a = ".repeat(100) + "1"));
        assertTrue(e.getMessage().contains("nested deeper than 64"), e.getMessage());
        TomlReader.parse("x = " + "[".repeat(64) + "]".repeat(64) + "\n");
    }
}
