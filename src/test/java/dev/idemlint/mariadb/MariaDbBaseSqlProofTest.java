package dev.idemlint.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.pg.ChainOutcome;
import dev.idemlint.pg.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mariadb/rerun.py --base-sql} (what {@code ecosystem/rerun-recall --bases} passes): a chain whose root alters
 * a table the application made with {@code create_all} walks from that schema. The base is written as
 * {@code mariadb-dump --no-data} writes one: a table created before the table its foreign key references, under the
 * dump's {@code SET FOREIGN_KEY_CHECKS=0}, which holds because the file runs in one session.
 */
@Tag("mariadb")
class MariaDbBaseSqlProofTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", "."));
    private static final String BASE = """
            /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
            CREATE TABLE `analysis` (
              `id` int(11) NOT NULL AUTO_INCREMENT,
              `user_id` int(11) DEFAULT NULL,
              PRIMARY KEY (`id`),
              KEY `user_id` (`user_id`),
              CONSTRAINT `analysis_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            CREATE TABLE `user` (
              `id` int(11) NOT NULL AUTO_INCREMENT,
              PRIMARY KEY (`id`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            /*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
            """;
    private static final String ROOT_REVISION = """
            import sqlalchemy as sa
            from alembic import op

            revision = "001"
            down_revision = None


            def upgrade():
                op.add_column("analysis", sa.Column("data_analysis", sa.String(32), nullable=True))
            """;

    @TempDir
    Path tmp;

    private record Walk(ChainOutcome outcome, String schema) {
        /** "001 ok/1060": each revision's first run and re-run, ok or the server's error number. */
        String summary() {
            return outcome.revisions().stream().map(r -> r.revision() + " " + result(r.first()) + "/"
                    + (r.rerun() == null ? "-" : result(r.rerun()))).collect(Collectors.joining("; "));
        }

        private static String result(ChainOutcome.Outcome o) {
            return o.ok() ? "ok" : String.valueOf(o.sqlstate());
        }
    }

    private Walk walk(String label, Path base) throws IOException {
        MariaDbServer server = MariaDbServer.require();
        Path versions = Files.createDirectories(tmp.resolve(label).resolve("versions"));
        Files.writeString(versions.resolve("001_alter_analysis.py"), ROOT_REVISION);
        Path out = tmp.resolve(label + ".json");
        Path schema = tmp.resolve(label + ".sql");
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                ROOT.resolve("src/test/resources/mariadb/rerun.py").toString(), versions.toString(), "--out",
                out.toString(), "--dump", schema.toString()));
        if (base != null) {
            command.addAll(List.of("--base-sql", base.toString()));
        }
        ProcessRunner.Result r = ProcessRunner.run(command, Map.of("IDEMLINT_MARIADB_HOST", server.host(),
                "IDEMLINT_MARIADB_PORT", Integer.toString(server.port()), "IDEMLINT_MARIADB_USER", server.user(),
                "PYTHONDONTWRITEBYTECODE", "1"), null, Duration.ofMinutes(3));
        assertTrue(r.succeeded() && Files.exists(out), "rerun.py: " + r.stdout() + r.stderr());
        return new Walk(ChainOutcome.fromJson(Files.readString(out)), Files.readString(schema));
    }

    @Test
    void theRootRunsOnTheBaseAndItsReRunFails() throws IOException {
        Path base = Files.writeString(tmp.resolve("base.sql"), BASE);
        Walk walk = walk("based", base);
        assertEquals("001 ok/1060", walk.summary(), "on the base, the root adds its column once: " + walk.outcome());
        assertTrue(walk.schema().contains("`data_analysis` varchar(32)")
                        && walk.schema().contains("CONSTRAINT `analysis_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `user`"),
                "the final dump holds the base's tables and the revision's column: " + walk.schema());
    }

    @Test
    void withoutTheBaseTheRootFailsOnItsFirstRun() throws IOException {
        Walk walk = walk("empty", null);
        assertEquals("001 1146/-", walk.summary(), "on an empty database the table is missing: " + walk.outcome());
    }
}
