package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.source.RandomText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written docstring field scan finds what the pattern it replaced finds. */
class DocFieldsTest {
    private static final Pattern DOC_FIELD =
            Pattern.compile("(?m)^[ \\t]*(Revision ID|Revises|Create Date)[ \\t]*:[ \\t]*(.*?)[ \\t]*$");

    private static List<DocFields.Field> byRegex(String text) {
        List<DocFields.Field> out = new ArrayList<>();
        Matcher m = DOC_FIELD.matcher(text);
        while (m.find()) {
            out.add(new DocFields.Field(m.group(1), m.start(2), m.end(2)));
        }
        return out;
    }

    @Test
    void finds_the_fields_of_an_alembic_docstring() {
        String doc = "add players\n\nRevision ID: 0021d0a67c74\nRevises: 29fd2adbac74\nCreate Date: 2018-05-03\n";
        List<DocFields.Field> f = DocFields.scan(doc);
        assertEquals(3, f.size());
        assertEquals("0021d0a67c74", doc.substring(f.get(0).start(), f.get(0).end()));
        assertEquals("Revises", f.get(1).key());
        assertEquals(byRegex(doc), f);
    }

    @Test
    void matches_the_pattern_on_random_docstrings() {
        String[] pieces = {"Revision ID", "Revises", "Create Date", "Revision", "Rev", ":", " ", "\t", "\n", "\r",
            "\r\n", "\u0085", "\u2028", "\u2029", "abc", "0021d0a67c74", "x:", "  Revises:", "\f", ""};
        Random random = new Random(17);
        int fields = 0;
        for (int i = 0; i < 100_000; i++) {
            String text = RandomText.of(random, pieces, 14);
            List<DocFields.Field> expected = byRegex(text);
            assertEquals(expected, DocFields.scan(text), () -> text.replace("\n", "\\n").replace("\r", "\\r"));
            fields += expected.size();
        }
        assertTrue(fields > 10_000, "fields generated: " + fields);
    }
}
