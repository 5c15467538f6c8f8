package dev.idemlint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QualifiedNamesTest {
    @Test
    void a_plain_qualifier_is_folded_and_a_quoted_one_kept() {
        assertEquals("audit", QualifiedNames.qualifierOf("CREATE INDEX ix ON Audit . events (a)", "events"));
        assertEquals("Audit", QualifiedNames.qualifierOf("CREATE INDEX ix ON \"Audit\".\"Events\" (a)", "events"));
        assertEquals("s", QualifiedNames.qualifierOf("ALTER TABLE s.t ADD COLUMN c int", "T"));
    }

    @Test
    void names_in_literals_and_comments_and_other_names_are_no_qualifier() {
        assertNull(QualifiedNames.qualifierOf("INSERT INTO t VALUES ('s.t') -- s.t", "t"));
        assertNull(QualifiedNames.qualifierOf("ALTER TABLE s.tt ADD COLUMN c int", "t"));
        assertNull(QualifiedNames.qualifierOf("ALTER TABLE t ADD COLUMN c int", "t"));
    }

    @Test
    void a_very_long_identifier_is_read_in_one_pass() {
        // the regex this replaces tried a qualifier at every position of a long word: quadratic
        String sql = "CREATE TABLE " + "a".repeat(2_000_000) + " (id int)";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertNull(QualifiedNames.qualifierOf(sql, "t")),
                "hang guard only");
    }
}
