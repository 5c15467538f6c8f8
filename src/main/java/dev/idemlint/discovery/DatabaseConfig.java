package dev.idemlint.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a project says about its database, for {@code idemlint plan}: the URL ({@code sqlalchemy.url}
 * in alembic.ini) and the version table ({@code version_table}/{@code version_table_schema} passed to
 * {@code context.configure} in env.py, or set in alembic.ini). Values
 * built at run time (an f-string, {@code os.environ[...]}) are not read: null. An alembic.ini or env.py
 * whose real path leaves the project (and the path the user named) is not read: a warning in
 * {@code problems}.
 */
public record DatabaseConfig(Path ini, String url, String versionTable, String versionTableSchema,
        List<InputProblem> problems) {

    public DatabaseConfig {
        problems = List.copyOf(problems);
    }

    public static final String DEFAULT_VERSION_TABLE = "alembic_version";

    private static final Pattern VERSION_TABLE = Pattern.compile("\\bversion_table\\s*=\\s*[rRuU]?(['\"])([^'\"]+)\\1");
    private static final Pattern VERSION_SCHEMA = Pattern.compile(
            "\\bversion_table_schema\\s*=\\s*[rRuU]?(['\"])([^'\"]+)\\1");
    /** The placeholder of Alembic's ini templates. */
    private static final String TEMPLATE_URL = "driver://user:pass@localhost/dbname";

    /**
     * Reads the project around {@code versionsDir}: the nearest alembic.ini in {@code start} or above
     * the versions directory (up to the project root), and env.py next to the versions directory.
     */
    public static DatabaseConfig read(Path start, Path versionsDir, Path projectRoot) {
        Confinement confinement = Confinement.naming(start == null ? List.of() : List.of(start));
        Path ini = findIni(start, versionsDir, projectRoot);
        if (ini != null && !confinement.mayRead(ini, projectRoot)) {
            ini = null;
        }
        String url = null;
        String table = null;
        String schema = null;
        if (ini != null) {
            try {
                Map<String, String> alembic = AlembicIni.parse(Files.readString(ini, StandardCharsets.UTF_8))
                        .getOrDefault("alembic", Map.of());
                String raw = alembic.get("sqlalchemy.url");
                if (raw != null && !raw.isBlank() && !raw.contains("%(") && !raw.trim().equals(TEMPLATE_URL)) {
                    url = raw.trim().replace("%%", "%");
                }
                if (alembic.get("version_table") != null) {
                    table = alembic.get("version_table").trim();
                }
                if (alembic.get("version_table_schema") != null) {
                    schema = alembic.get("version_table_schema").trim();
                }
            } catch (IOException e) {
                // an unreadable ini names no database; the caller says what is missing
            }
        }
        if (versionsDir != null && versionsDir.getParent() != null) {
            Path env = versionsDir.getParent().resolve("env.py");
            try {
                if (Files.isRegularFile(env) && confinement.mayRead(env, projectRoot)) {
                    String text = Files.readString(env, StandardCharsets.UTF_8);
                    Matcher t = VERSION_TABLE.matcher(text);
                    if (t.find()) {
                        table = t.group(2);
                    }
                    Matcher s = VERSION_SCHEMA.matcher(text);
                    if (s.find()) {
                        schema = s.group(2);
                    }
                }
            } catch (IOException e) {
                // env.py unreadable: Alembic's default table
            }
        }
        return new DatabaseConfig(ini, url, table == null ? DEFAULT_VERSION_TABLE : table, schema,
                confinement.refused());
    }

    private static Path findIni(Path start, Path versionsDir, Path projectRoot) {
        if (start != null && start.getFileName() != null && start.getFileName().toString().equals("alembic.ini")
                && Files.isRegularFile(start)) {
            return start;
        }
        for (Path from : List.of(start == null ? Path.of(".") : start, versionsDir == null ? Path.of(".") : versionsDir)) {
            Path root = projectRoot == null ? null : projectRoot.toAbsolutePath().normalize();
            for (Path d = from.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve("alembic.ini"))) {
                    return d.resolve("alembic.ini");
                }
                if (root != null && d.equals(root) || d.getNameCount() == 0) {
                    break;
                }
            }
        }
        return null;
    }
}
