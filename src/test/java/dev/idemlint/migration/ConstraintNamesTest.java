package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.ConstraintNames.Kind;
import dev.idemlint.migration.ConstraintNames.Name;
import dev.idemlint.migration.ConstraintNames.Origin;
import dev.idemlint.migration.ConstraintNames.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Names against what real Alembic 1.8.1 / SQLAlchemy 1.4.46 send ({@code naming/expected-names.tsv}, written by
 * {@code naming/generate.py}), and PostgreSQL's default-name arithmetic (checked on a server by
 * {@code pg.PostgresNamesFactsTest}).
 */
class ConstraintNamesTest {

    private record Case(String convention, Target target, String expected) {
    }

    @Test
    void every_name_matches_what_alembic_and_sqlalchemy_send() throws IOException {
        String tsv;
        try (InputStream in = getClass().getResourceAsStream("/naming/expected-names.tsv")) {
            tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(List.of(), wrongNames(tsv));
    }

    /**
     * The names SQLAlchemy computes on this machine, now: {@code generate.py} run by Debian's python3 with its
     * Alembic and SQLAlchemy, compared with idemlint's names and with the checked-in expectations (which must
     * be regenerated when they differ). Skipped where that python3 has no SQLAlchemy.
     */
    @Test
    void names_match_what_the_installed_sqlalchemy_computes() throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        Path script = Path.of("src/test/resources/naming/generate.py").toAbsolutePath();
        Process p = new ProcessBuilder(python.toString(), script.toString()).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        Assumptions.assumeFalse(rc != 0 && err.contains("ModuleNotFoundError"), "python3 has no Alembic/SQLAlchemy");
        assertEquals(0, rc, err);
        String live = new String(out, StandardCharsets.UTF_8);
        assertEquals(List.of(), wrongNames(live));
        String checkedIn;
        try (InputStream in = getClass().getResourceAsStream("/naming/expected-names.tsv")) {
            checkedIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(checkedIn, live, "naming/expected-names.tsv is stale: regenerate it with generate.py");
    }

    /** The cases of an expectation file whose name idemlint computes otherwise, each with what it got. */
    private static List<String> wrongNames(String tsv) {
        Map<String, Map<String, String>> conventions = new LinkedHashMap<>();
        List<Case> cases = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("convention")) {
                conventions.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], f[3]);
            } else if (f[0].equals("case")) {
                Target t = Target.of(kind(f[2]), f[4], list(f[5])).inSchema(f[3].isEmpty() ? null : f[3]);
                if (!f[6].isEmpty()) {
                    t = t.referring(f[6], list(f[7]));
                }
                t = switch (f[8]) {
                    case "plain" -> t.named(f[9]);
                    case "conv" -> t.namedConv(f[9]);
                    default -> t;
                };
                cases.add(new Case(f[1], t, f[10]));
            }
        }
        assertTrue(cases.size() > 600, "the expectation file has its cases");
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Map<String, String> templates = conventions.get(c.convention());
            NamingConvention nc = templates == null ? NamingConvention.SQLALCHEMY_DEFAULT
                    : new NamingConvention(templates, Set.of(), null, true, "test");
            Name got = ConstraintNames.name(nc, c.target());
            boolean ok;
            if (c.expected().startsWith("ERROR:")) {
                ok = got instanceof Name.Refused;
            } else if (c.expected().equals("NONE")) {
                ok = got instanceof Name.Given g && g.origin() == Origin.POSTGRES_DEFAULT;
            } else {
                ok = got instanceof Name.Given g && g.origin() != Origin.POSTGRES_DEFAULT && g.name().equals(c.expected());
            }
            if (!ok) {
                wrong.add(c + " -> " + got);
            }
        }
        return wrong;
    }

    @Test
    void postgres_default_names_follow_make_object_name() {
        assertEquals("t_pkey", ConstraintNames.postgresDefault(Kind.PRIMARY_KEY, "t", List.of("id")));
        assertEquals("t_a_b_key", ConstraintNames.postgresDefault(Kind.UNIQUE, "t", List.of("a", "b")));
        assertEquals("t_a_b_fkey", ConstraintNames.postgresDefault(Kind.FOREIGN_KEY, "t", List.of("a", "b")));
        assertEquals("t_a_check", ConstraintNames.postgresDefault(Kind.CHECK, "t", List.of("a")));
        assertEquals("t_check", ConstraintNames.postgresDefault(Kind.CHECK, "t", List.of("a", "b")));
        assertEquals("t_a_idx1", ConstraintNames.postgresDefault(Kind.INDEX, "t", List.of("a"), "t_a_idx"::equals));
        String table = "abcdefghij".repeat(6) + "_long";
        String col = "colcolcolcolcolcolcolcolcolcolcolcolcolcolcolcolcolcolcol_x";
        // the longer part loses characters first, the table name was cut to 63 bytes when it was created
        assertEquals("abcdefghijabcdefghijabcdefghi_colcolcolcolcolcolcolcolcolco_key",
                ConstraintNames.postgresDefault(Kind.UNIQUE, table, List.of(col)));
        assertEquals("abcdefghijabcdefghijabcdefghi_colcolcolcolcolcolcolcolcolc_idx1",
                ConstraintNames.postgresDefault(Kind.INDEX, table, List.of(col),
                        "abcdefghijabcdefghijabcdefghi_colcolcolcolcolcolcolcolcolco_idx"::equals));
        assertEquals("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdef_id_seq",
                ConstraintNames.postgresDefault(Kind.SEQUENCE, table, List.of("id")));
    }

    @Test
    void multibyte_names_are_cut_on_a_character_boundary() {
        String name = "é".repeat(40); // 80 bytes
        assertEquals("é".repeat(31), ConstraintNames.postgresTruncate(name));
    }

    @Test
    void a_computed_convention_entry_makes_the_name_unknown() {
        NamingConvention nc = new NamingConvention(Map.of("uq", "uq_%(table_name)s_%(cols)s"), Set.of("cols"), null,
                true, "test");
        assertInstanceOf(Name.Unknown.class, ConstraintNames.name(nc, Target.of(Kind.UNIQUE, "t", List.of("a"))));
        NamingConvention fk = new NamingConvention(Map.of(), Set.of("fk"), null, true, "test");
        assertInstanceOf(Name.Unknown.class, ConstraintNames.name(fk, Target.of(Kind.FOREIGN_KEY, "t", List.of("a"))));
        assertInstanceOf(Name.Unknown.class, ConstraintNames.name(NamingConvention.unknown("opaque"),
                Target.of(Kind.UNIQUE, "t", List.of("a"))));
    }

    private static Kind kind(String k) {
        return Arrays.stream(Kind.values()).filter(v -> k.equals(v.conventionKey())).findFirst().orElseThrow();
    }

    private static List<String> list(String csv) {
        return csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }
}
