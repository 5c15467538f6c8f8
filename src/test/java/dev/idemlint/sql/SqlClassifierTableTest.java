package dev.idemlint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Operation;
import dev.idemlint.source.Span;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row of {@code sql/classify.tsv} per case: SQL in, summary of the operations out. */
class SqlClassifierTableTest {
    static List<Arguments> rows() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = SqlClassifierTableTest.class.getResourceAsStream("/sql/classify.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 2) {
                    throw new IllegalStateException("classify.tsv:" + (i + 1) + ": want sql<TAB>expected");
                }
                out.add(Arguments.of(i + 1, cols[0].replace("\\n", "\n"), cols[1]));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "classify.tsv:{0} {1}")
    @MethodSource("rows")
    void classifies_statement_as_in_table(int line, String sql, String expected) {
        assertEquals(expected, SqlFixture.summary(sql), "classify.tsv:" + line);
    }

    /** Cut anywhere, a statement still classifies without throwing, and every span stays in the file. */
    @ParameterizedTest(name = "classify.tsv:{0} prefixes")
    @MethodSource("rows")
    void survives_every_prefix_of_the_statement(int line, String sql, String expected) {
        for (int cut = 0; cut <= sql.length(); cut++) {
            String prefix = sql.substring(0, cut);
            if (prefix.endsWith("{") || prefix.endsWith("{?")) {
                continue;
            }
            int fileLength = SqlFixture.file(prefix).length();
            for (Operation op : SqlFixture.classify(prefix)) {
                Span s = op.site().span();
                assertTrue(s.end() <= fileLength, "classify.tsv:" + line + " cut " + cut);
                assertFalse(op instanceof Operation.RawSql);
            }
        }
    }
}
