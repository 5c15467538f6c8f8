package dev.idemlint.sql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idemlint.fixture.FuzzDeadline;
import dev.idemlint.fixture.FuzzSeeds;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.SqlText;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: any text (UTF-8; {@code {?}} stands for a dynamic part, as in {@link SqlFixture}) goes
 * through the SQL stage as an {@code op.execute} string would: {@link SqlLexer} tokens lie in order
 * inside the text, {@link StatementSplitter} statements are non-empty, ordered and disjoint,
 * {@link SqlClassifier} (with {@link StatementClassifier} and {@link DoBlockReader} behind it) gives at
 * least one operation, each located inside the file, and {@link DoBlockReader} reads the text as a DO
 * body or says it cannot. No exception is expected; an input not done within
 * {@link FuzzDeadline#LIMIT} is a finding.
 */
class SqlFuzzTest {

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void sql_stage_holds_its_invariants_on_any_input(byte[] input) throws Exception {
        String source = new String(input, StandardCharsets.UTF_8);
        FuzzDeadline.run(() -> check(source));
    }

    private static void check(String source) {
        int n = source.length();
        int prev = 0;
        for (SqlToken t : SqlLexer.tokenize(source)) {
            assertTrue(prev <= t.start() && t.start() < t.end() && t.end() <= n, () -> "token out of place: " + t);
            assertTrue(t.start() <= t.contentStart() && t.contentStart() <= t.contentEnd()
                    && t.contentEnd() <= t.end(), () -> "token content outside the token: " + t);
            prev = t.end();
        }
        prev = 0;
        for (SqlStatement s : SqlStatement.split(source)) {
            assertTrue(prev <= s.start() && s.start() < s.end() && s.end() <= n, () -> "statement out of place: " + s);
            prev = s.end();
        }
        Operation.RawSql raw = SqlFixture.raw(source);
        int fileLength = SqlFixture.file(source).length();
        List<Operation> ops = new SqlClassifier().classify(raw);
        assertFalse(ops.isEmpty(), "a raw SQL operation classifies to at least one operation");
        for (Operation op : ops) {
            Span span = op.site().span();
            assertTrue(span.start() >= 0 && span.start() <= span.end() && span.end() <= fileLength,
                    () -> "operation located outside the file: " + op);
        }
        SqlText sql = raw.site().sql();
        List<DoBlockReader.Inner> inner = DoBlockReader.read(sql, 0, sql.text().length());
        if (inner != null) {
            for (DoBlockReader.Inner i : inner) {
                if (i.tokens() != null) {
                    for (SqlToken t : i.tokens()) {
                        assertTrue(t.end() <= i.sql().text().length(), () -> "DO body token past the text: " + t);
                    }
                }
            }
        }
    }

    /** The SQL of the classifier's table and every string the fixtures and examples execute. */
    static Stream<Arguments> seeds() throws IOException {
        Set<String> sqls = new LinkedHashSet<>();
        Path table = FuzzSeeds.root().resolve("src/test/resources/sql/classify.tsv");
        for (String line : Files.readAllLines(table)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                sqls.add(line.split("\t", 2)[0].replace("\\n", "\n"));
            }
        }
        PythonParser parser = new PythonParser();
        MigrationReader reader = new MigrationReader();
        for (Arguments a : FuzzSeeds.pythonFiles().toList()) {
            @SuppressWarnings("unchecked")
            Named<byte[]> file = (Named<byte[]>) a.get()[0];
            try {
                SourceFile f = SourceFile.of(Path.of("/seed.py"), "seed.py",
                        new String(file.getPayload(), StandardCharsets.UTF_8));
                for (Operation op : reader.read(parser.parse(f)).operations()) {
                    if (op instanceof Operation.RawSql r && r.site().sql() != null) {
                        sqls.add(r.site().sql().text().replace(String.valueOf(SqlText.DYNAMIC), SqlFixture.DYNAMIC));
                    }
                }
            } catch (PythonSyntaxError e) {
                // a parse-error fixture: no SQL to take
            }
        }
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (String sql : sqls) {
            out.add(Arguments.of(Named.of("sql " + i++ + ": " + sql.lines().findFirst().orElse(""),
                    sql.getBytes(StandardCharsets.UTF_8))));
        }
        return out.stream();
    }
}
