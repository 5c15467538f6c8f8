package dev.idemlint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
