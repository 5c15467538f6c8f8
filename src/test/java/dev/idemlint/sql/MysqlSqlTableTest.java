package dev.idemlint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row of {@code sql/classify-mysql.tsv} per MySQL/MariaDB statement: read into the shared operations. */
class MysqlSqlTableTest {
    static List<Arguments> rows() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = MysqlSqlTableTest.class.getResourceAsStream("/sql/classify-mysql.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] cols = lines[i].split("\t");
                if (cols.length != 2) {
                    throw new IllegalStateException("classify-mysql.tsv:" + (i + 1) + ": want sql<TAB>expected");
                }
                out.add(Arguments.of(i + 1, cols[0], cols[1]));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "classify-mysql.tsv:{0} {1}")
    @MethodSource("rows")
    void reads_mysql_statement_as_in_table(int line, String sql, String expected) {
        assertEquals(expected, SqlFixture.summary(sql), "classify-mysql.tsv:" + line);
    }

    @ParameterizedTest(name = "classify-mysql.tsv:{0} prefixes")
    @MethodSource("rows")
    void survives_every_prefix_of_the_statement(int line, String sql, String expected) {
        for (int cut = 0; cut <= sql.length(); cut++) {
            String prefix = sql.substring(0, cut);
            int fileLength = SqlFixture.file(prefix).length();
            for (Operation op : SqlFixture.classify(prefix)) {
                assertTrue(op.site().span().end() <= fileLength, "classify-mysql.tsv:" + line + " cut " + cut);
                assertFalse(op instanceof Operation.RawSql);
            }
        }
    }
}
