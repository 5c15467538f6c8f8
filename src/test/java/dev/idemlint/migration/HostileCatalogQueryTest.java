package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.idemlint.migration.Guard.Condition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A catalog query guarding a statement is read the same with long runs of whitespace and long select lists: its
 * patterns once retried every split of a whitespace run (cubic in its length) and recursed per list item
 * (StackOverflowError). The timeout is a hang guard, not a speed target.
 */
class HostileCatalogQueryTest {
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final String W = " ".repeat(100_000);

    /** The condition guarding the CREATE TYPE that {@code query} (a Python expression) guards. */
    private static Condition guardOf(String query) throws Exception {
        Migration m = assertTimeoutPreemptively(HANG, () -> MigrationReaderTest.read("def upgrade():\n"
                + "    conn = op.get_bind()\n"
                + "    if not conn.execute(text(" + query + ")).scalar():\n"
                + "        op.execute(\"CREATE TYPE mood AS ENUM ('a')\")\n"));
        Operation create = m.upgrade().stream().filter(o -> o.site().sql() != null
                && o.site().sql().text().startsWith("CREATE")).findFirst().orElseThrow();
        assertEquals(GuardKind.CATALOG_QUERY, create.site().guard().kind());
        return create.site().guard().condition();
    }

    private static final Condition NO_MOOD = new Condition.Not(new Condition.Exists(ObjectKind.TYPE, null, null, "mood",
            false));

    private static final Condition OPAQUE = new Condition.Not(new Condition.Opaque("a catalog query"));

    @Test
    void long_whitespace_between_the_words_of_a_catalog_query() throws Exception {
        assertEquals(NO_MOOD, guardOf("\"SELECT" + W + "1 FROM pg_type WHERE typname" + W + "= 'mood'" + W + ";" + W + "\""));
        assertEquals(OPAQUE, guardOf("\"SELECT 1 FROM pg_type WHERE typname = 'mood'" + W + "x\""));
        assertEquals(OPAQUE, guardOf("\"SELECT to_regtype('mood')" + W + "x\""));
        assertEquals(NO_MOOD, guardOf("\"SELECT to_regtype('mood')" + W + "IS NOT NULL" + W + "\""));
    }

    @Test
    void a_select_list_of_twenty_thousand_names() throws Exception {
        assertEquals(NO_MOOD, guardOf("\"SELECT a" + ", a".repeat(20_000) + " FROM pg_type WHERE typname = 'mood'\""));
    }
}
