package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.ConstraintNames.Kind;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.pg.PgCluster.TempDatabase;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The names PostgreSQL gives unnamed constraints, indexes and sequences, against {@link ConstraintNames}. */
@Tag("postgres")
class PostgresNamesFactsTest {

    private static final String LONG_TABLE = "abcdefghij".repeat(6) + "_long";
    private static final String LONG_COL = "colcolcolcolcolcolcolcolcolcolcolcolcolcolcolcolcolcolcol_x";

    private TempDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = PgCluster.require().createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void unnamed_objects_get_the_names_constraint_names_computes() {
        String sql = """
                CREATE TABLE u (x int, y int, PRIMARY KEY (x, y));
                CREATE TABLE t (id int PRIMARY KEY, a int, b int, c text);
                ALTER TABLE t ADD UNIQUE (a, b);
                ALTER TABLE t ADD UNIQUE (a, b);
                ALTER TABLE t ADD FOREIGN KEY (a, b) REFERENCES u (x, y);
                ALTER TABLE t ADD CHECK (a > 0);
                ALTER TABLE t ADD CHECK (a > 0);
                ALTER TABLE t ADD CHECK (a > b);
                CREATE INDEX ON t (a, b);
                CREATE INDEX ON t (a);
                CREATE INDEX ON t (a);
                CREATE TABLE %1$s (%2$s int UNIQUE, id serial PRIMARY KEY);
                CREATE INDEX ON %1$s (%2$s);
                CREATE INDEX ON %1$s (%2$s);
                """.formatted(LONG_TABLE, LONG_COL);
        assertTrue(db.exec(sql).ok(), "the schema is created");
        String table = ConstraintNames.postgresTruncate(LONG_TABLE);
        Set<String> constraints = new TreeSet<>();
        Set<String> relations = new TreeSet<>();
        constraints.add(ConstraintNames.postgresDefault(Kind.PRIMARY_KEY, "u", List.of("x", "y")));
        constraints.add(ConstraintNames.postgresDefault(Kind.PRIMARY_KEY, "t", List.of("id")));
        String key = ConstraintNames.postgresDefault(Kind.UNIQUE, "t", List.of("a", "b"));
        String key1 = ConstraintNames.postgresDefault(Kind.UNIQUE, "t", List.of("a", "b"), key::equals);
        constraints.add(key);
        constraints.add(key1);
        constraints.add(ConstraintNames.postgresDefault(Kind.FOREIGN_KEY, "t", List.of("a", "b")));
        String check = ConstraintNames.postgresDefault(Kind.CHECK, "t", List.of("a"));
        constraints.add(check);
        constraints.add(ConstraintNames.postgresDefault(Kind.CHECK, "t", List.of("a"), check::equals));
        constraints.add(ConstraintNames.postgresDefault(Kind.CHECK, "t", List.of("a", "b")));
        String longKey = ConstraintNames.postgresDefault(Kind.UNIQUE, table, List.of(LONG_COL));
        constraints.add(longKey);
        constraints.add(ConstraintNames.postgresDefault(Kind.PRIMARY_KEY, table, List.of("id")));
        relations.addAll(constraints.stream().filter(n -> n.matches(".*_(p?key|key1)")).toList()); // index-backed
        relations.add(ConstraintNames.postgresDefault(Kind.INDEX, "t", List.of("a", "b")));
        String idx = ConstraintNames.postgresDefault(Kind.INDEX, "t", List.of("a"));
        relations.add(idx);
        relations.add(ConstraintNames.postgresDefault(Kind.INDEX, "t", List.of("a"), idx::equals));
        String longIdx = ConstraintNames.postgresDefault(Kind.INDEX, table, List.of(LONG_COL));
        relations.add(longIdx);
        relations.add(ConstraintNames.postgresDefault(Kind.INDEX, table, List.of(LONG_COL), longIdx::equals));
        relations.add(ConstraintNames.postgresDefault(Kind.SEQUENCE, table, List.of("id")));

        assertNames("SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace", constraints);
        assertNames("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('i', 'S')",
                relations);
    }

    @Test
    void every_builtin_function_taking_a_whole_row_is_a_row_function() {
        String known = String.join(",", new TreeSet<>(PostgresFacts.rowFunctions()));
        SqlOutcome o = db.exec("""
                DO $$ DECLARE missing text; BEGIN
                  SELECT string_agg(DISTINCT p.proname, ',') INTO missing FROM pg_proc p
                  WHERE p.pronargs >= 1 AND p.pronargs - p.pronargdefaults <= 1
                    AND p.proargtypes[0] IN ('"any"'::regtype, 'anyelement'::regtype, 'anycompatible'::regtype,
                        'anynonarray'::regtype, 'anycompatiblenonarray'::regtype, 'record'::regtype)
                    AND p.proname <> ALL (string_to_array('%s', ','));
                  IF missing IS NOT NULL THEN RAISE EXCEPTION 'not in PostgresFacts.rowFunctions: %%', missing; END IF;
                END $$;
                """.formatted(known));
        assertTrue(o.ok(), o::toString);
        assertTrue(db.exec("CREATE TABLE t (id int); INSERT INTO t VALUES (1)").ok());
        assertTrue(db.exec("SELECT t.count FROM t").ok(), "t.count is count(t)");
        SqlOutcome rank = db.exec("SELECT t.rank FROM t");
        assertEquals("42809", rank.sqlstate(), rank::toString);
        SqlOutcome title = db.exec("SELECT t.title FROM t");
        assertEquals("42703", title.sqlstate(), title::toString);
        assertFalse(PostgresFacts.rowFunction("title"));
    }

    /** Fails with the server's list when the names {@code query} returns are not exactly {@code expected}. */
    private void assertNames(String query, Set<String> expected) {
        String want = String.join(",", expected);
        SqlOutcome o = db.exec("""
                DO $$ DECLARE got text; BEGIN
                  SELECT string_agg(n, ',' ORDER BY n COLLATE "C") INTO got FROM (%s) AS q(n);
                  IF got IS DISTINCT FROM '%s' THEN RAISE EXCEPTION 'server has %%', got; END IF;
                END $$;
                """.formatted(query, want));
        assertTrue(o.ok(), () -> "expected " + want + "\n" + o);
    }
}
