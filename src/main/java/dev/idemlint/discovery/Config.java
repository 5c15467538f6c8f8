package dev.idemlint.discovery;

import dev.idemlint.source.IoFailure;
import dev.idemlint.source.Spelling;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.PatternSyntaxException;

/**
 * The user's settings from {@code .idemlint.toml} or {@code [tool.idemlint]} in pyproject.toml:
 * which rules run and at what severity, explicit versions dirs, the Alembic/SQLAlchemy/PostgreSQL
 * versions, the baseline, the failure threshold and excluded paths. Paths are resolved against the
 * config file's directory. A bad entry becomes a located {@link InputProblem} and its default is
 * kept, so a typo never stops a run. Precedence: CLI flags over config over pins.
 *
 * <pre>
 * select = ["ALL"]                 # or categories, rule names, prefixes (RuleSelector); default all
 * ignore = ["multiple-heads"]
 * versions = ["migrations/versions"]
 * alembic-version = "1.8.1"
 * sqlalchemy-version = "1.4.46"
 * postgres-version = 15
 * dialect = "mariadb:10.11"        # postgresql | mysql | mariadb [:VERSION]; default: sqlalchemy.url, else postgresql
 * baseline = ".idemlint-baseline.json"
 * fail-on = "error"                # error | warning | never
 * exclude = ["legacy/**"]
 * upgrade = "heads"                # head | heads: what the deploy runs (`alembic upgrade heads`); default: read from
 *                                  # the project's Dockerfiles, compose files, scripts and CI (DeployCommands)
 *
 * [severity]
 * drop-column-not-idempotent = "warning"   # error | warning | info | off
 * </pre>
 */
public record Config(Path file, List<String> select, List<String> ignore, Map<String, String> severity,
        List<Path> versions, Version alembic, Version sqlalchemy, Integer postgresMajor, Path baseline,
        String failOn, List<String> exclude, List<InputProblem> problems, Map<String, Integer> lines,
        Dialect dialect, String upgrade) {

    public static final String FILE_NAME = ".idemlint.toml";
    /** Compiled globs: {@link #excludes} runs for every file (twice), and compiling one is a regex compile. */
    private static final Map<String, PathMatcher> MATCHERS = new ConcurrentHashMap<>();

    public static final Config DEFAULT = new Config(null, List.of(), List.of(), Map.of(), List.of(), null, null,
            null, null, null, List.of(), List.of(), Map.of(), null, null);

    // equals and hashCode written out, as Settings' are (see there); RecordMethodsTest holds them to every component
    @Override
    public boolean equals(Object other) {
        return other instanceof Config o && Objects.equals(file, o.file) && Objects.equals(select, o.select)
                && Objects.equals(ignore, o.ignore) && Objects.equals(severity, o.severity)
                && Objects.equals(versions, o.versions) && Objects.equals(alembic, o.alembic)
                && Objects.equals(sqlalchemy, o.sqlalchemy) && Objects.equals(postgresMajor, o.postgresMajor)
                && Objects.equals(baseline, o.baseline) && Objects.equals(failOn, o.failOn)
                && Objects.equals(exclude, o.exclude) && Objects.equals(problems, o.problems)
                && Objects.equals(lines, o.lines) && Objects.equals(dialect, o.dialect)
                && Objects.equals(upgrade, o.upgrade);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, select, ignore, severity, versions, alembic, sqlalchemy, postgresMajor, baseline,
                failOn, exclude, problems, lines, dialect, upgrade);
    }

    private static final Set<String> SEVERITIES = Set.of("error", "warning", "info", "off");
    private static final Set<String> FAIL_ON = Set.of("error", "warning", "never");
    private static final Set<String> KEYS = Set.of("select", "ignore", "severity", "versions",
            "alembic-version", "sqlalchemy-version", "postgres-version", "baseline", "fail-on", "exclude", "dialect",
            "upgrade");

    public Config {
        select = List.copyOf(select);
        ignore = List.copyOf(ignore);
        severity = Map.copyOf(severity);
        versions = List.copyOf(versions);
        exclude = List.copyOf(exclude);
        problems = List.copyOf(problems);
        lines = Map.copyOf(lines);
    }

    /** Whether the rule of this category runs: selected (no select list selects all) and not ignored. */
    public boolean isEnabled(String rule, Supplier<String> category) {
        boolean selected = select.isEmpty() || select.stream().anyMatch(s -> RuleSelector.matches(s, rule, category));
        boolean ignored = ignore.stream().anyMatch(s -> RuleSelector.matches(s, rule, category))
                || "off".equals(severity.get(rule));
        return selected && !ignored;
    }

    /** The configured severity for the rule, or null to keep the rule's own. */
    public String severityFor(String rule) {
        return severity.get(rule);
    }

    /** Problems for selectors in select/ignore and rule names in severity that name no rule of {@code known}. */
    public List<InputProblem> checkRuleNames(Map<String, String> known) {
        List<InputProblem> out = new ArrayList<>();
        for (String key : List.of("select", "ignore")) {
            for (String r : key.equals("select") ? select : ignore) {
                if (!RuleSelector.known(r, known)) {
                    out.add(new InputProblem(file, lines.getOrDefault(key, 0), "unknown rule '" + r + "' in " + key
                            + RuleSelector.nearest(r, known).map(n -> "; did you mean '" + n + "'?").orElse("")));
                }
            }
        }
        for (String r : severity.keySet()) {
            if (!known.containsKey(r)) {
                out.add(new InputProblem(file, lines.getOrDefault("severity." + r, 0),
                        "unknown rule '" + r + "' in [severity]" + Spelling.nearest(r, known.keySet())
                                .map(n -> "; did you mean '" + n + "'?").orElse("")));
            }
        }
        return out;
    }

    /** Whether the path falls under an {@code exclude} glob (relative to the config's directory). */
    public boolean excludes(Path path) {
        if (exclude.isEmpty() || file == null) {
            return false;
        }
        return matchesAny(exclude, file.toAbsolutePath().normalize().getParent(), path);
    }

    /** This config with {@code exclude} in place of its own. */
    public Config withExclude(List<String> globs) {
        return new Config(file, select, ignore, severity, versions, alembic, sqlalchemy, postgresMajor, baseline,
                failOn, globs, problems, lines, dialect, upgrade);
    }

    /** Null when {@code glob} is a usable exclude pattern, else what is wrong with it. */
    public static String globProblem(String glob) {
        if (glob.isBlank()) {
            return "empty pattern";
        }
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob.replace('\\', '/'));
            return null;
        } catch (PatternSyntaxException e) {
            return "bad pattern '" + glob + "': " + e.getDescription();
        }
    }

    /**
     * Whether {@code path} falls under one of {@code globs}, taken relative to {@code base}: a glob with
     * a slash matches the path or one of its parent folders from {@code base}; a bare name or pattern
     * matches any path component, as in .gitignore. A path outside {@code base} matches nothing.
     */
    public static boolean matchesAny(List<String> globs, Path base, Path path) {
        if (globs.isEmpty()) {
            return false;
        }
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(base)) {
            return false;
        }
        Path rel = base.relativize(abs);
        for (String glob : globs) {
            String g = glob.replace('\\', '/');
            while (g.startsWith("./")) {
                g = g.substring(2);
            }
            if (g.endsWith("/")) {
                g = g.substring(0, g.length() - 1);
            }
            PathMatcher m = MATCHERS.computeIfAbsent(g, k -> FileSystems.getDefault().getPathMatcher("glob:" + k));
            if (!g.contains("/")) {
                for (Path part : rel) {
                    if (m.matches(part)) {
                        return true;
                    }
                }
                continue;
            }
            for (int i = 1; i <= rel.getNameCount(); i++) {
                if (m.matches(rel.subpath(0, i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Reads {@code .idemlint.toml} in the directory, else {@code [tool.idemlint]} of its
     * pyproject.toml; {@link #DEFAULT} when neither exists. A file {@code mayRead} refuses is taken as absent.
     */
    static Config load(Path projectRoot, Predicate<Path> mayRead) {
        Path dedicated = projectRoot.resolve(FILE_NAME);
        if (Files.isRegularFile(dedicated) && mayRead.test(dedicated)) {
            return read(dedicated, false);
        }
        Path pyproject = projectRoot.resolve("pyproject.toml");
        if (Files.isRegularFile(pyproject) && mayRead.test(pyproject) && mentionsToolTable(pyproject)) {
            return read(pyproject, true);
        }
        return DEFAULT;
    }

    /**
     * The nearest config from {@code start} up to {@code stop} (inclusive; null = start only):
     * the first directory with {@code .idemlint.toml} or a pyproject.toml with [tool.idemlint]. A file
     * {@code mayRead} refuses is taken as absent.
     */
    static Config find(Path start, Path stop, Predicate<Path> mayRead) {
        Path dir = start.toAbsolutePath().normalize();
        Path end = stop == null ? dir : stop.toAbsolutePath().normalize();
        while (dir != null) {
            Config c = load(dir, mayRead);
            if (c.file() != null) {
                return c;
            }
            if (dir.equals(end) || !dir.startsWith(end)) {
                break;
            }
            dir = dir.getParent();
        }
        return DEFAULT;
    }

    private static boolean mentionsToolTable(Path pyproject) {
        try {
            return Files.readString(pyproject, StandardCharsets.UTF_8).contains("tool.idemlint");
        } catch (IOException e) {
            return true; // let read() report the failure at the file
        }
    }

    /** Parses one config file; {@code inPyproject} reads the [tool.idemlint] table. */
    public static Config read(Path file, boolean inPyproject) {
        Builder b = new Builder(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            b.problem(0, "not valid UTF-8");
            return b.build();
        } catch (IOException e) {
            b.problem(0, "cannot read: " + IoFailure.describe(e));
            return b.build();
        }
        TomlReader.Document doc;
        try {
            doc = TomlReader.parse(text);
        } catch (TomlReader.TomlException e) {
            b.problem(e.line(), "invalid TOML: " + e.getMessage());
            return b.build();
        }
        String prefix = inPyproject ? "tool.idemlint" : "";
        Object table = inPyproject ? doc.get(prefix) : doc.root();
        if (table == null) {
            return b.build();
        }
        if (!(table instanceof Map<?, ?> map)) {
            b.problem(doc.lineOf(prefix), "[tool.idemlint] must be a table");
            return b.build();
        }
        b.fill(map, doc, prefix.isEmpty() ? "" : prefix + ".");
        return b.build();
    }

    private static final class Builder {
        final Path file;
        List<String> select = List.of();
        List<String> ignore = List.of();
        Map<String, String> severity = new LinkedHashMap<>();
        List<Path> versions = List.of();
        Version alembic;
        Version sqlalchemy;
        Integer postgres;
        Dialect dialect;
        String upgrade;
        Path baseline;
        String failOn;
        List<String> exclude = List.of();
        final List<InputProblem> problems = new ArrayList<>();
        final Map<String, Integer> lines = new LinkedHashMap<>();

        Builder(Path file) {
            this.file = file;
        }

        void problem(int line, String message) {
            problems.add(new InputProblem(file, line, message));
        }

        void fill(Map<?, ?> table, TomlReader.Document doc, String prefix) {
            Path base = file.toAbsolutePath().normalize().getParent();
            for (Map.Entry<?, ?> e : table.entrySet()) {
                String rawKey = (String) e.getKey();
                String key = rawKey.replace('_', '-').toLowerCase(Locale.ROOT);
                int line = doc.lineOf(prefix + rawKey);
                lines.put(key, line);
                Object v = e.getValue();
                if (!KEYS.contains(key)) {
                    problem(line, "unknown key '" + rawKey + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
                    continue;
                }
                switch (key) {
                    case "select" -> select = strings(v, key, line);
                    case "ignore" -> ignore = strings(v, key, line);
                    case "exclude" -> exclude = globs(strings(v, key, line), line);
                    case "versions" -> versions = strings(v, key, line).stream()
                            .map(s -> base.resolve(s).normalize()).toList();
                    case "alembic-version" -> alembic = version(v, key, line);
                    case "sqlalchemy-version" -> sqlalchemy = version(v, key, line);
                    case "postgres-version" -> postgres = postgres(v, line);
                    case "dialect" -> {
                        try {
                            dialect = Dialect.parse(v instanceof String s ? s : String.valueOf(v));
                        } catch (IllegalArgumentException ex) {
                            problem(line, ex.getMessage());
                        }
                    }
                    case "upgrade" -> {
                        if (v instanceof String u && (u.equals("head") || u.equals("heads"))) {
                            upgrade = u;
                        } else {
                            problem(line, "upgrade must be \"head\" or \"heads\" (the revision the deploy passes to"
                                    + " `alembic upgrade`)");
                        }
                    }
                    case "baseline" -> {
                        if (v instanceof String s && !s.isBlank()) {
                            baseline = base.resolve(s).normalize();
                        } else {
                            problem(line, "baseline must be a path string");
                        }
                    }
                    case "fail-on" -> {
                        if (v instanceof String s && FAIL_ON.contains(s.toLowerCase(Locale.ROOT))) {
                            failOn = s.toLowerCase(Locale.ROOT);
                        } else {
                            problem(line, "fail-on must be one of \"error\", \"warning\", \"never\"");
                        }
                    }
                    case "severity" -> severities(v, doc, prefix + rawKey, line);
                    default -> throw new IllegalStateException(key);
                }
            }
        }

        List<String> strings(Object v, String key, int line) {
            if (v instanceof String s) {
                return List.of(s);
            }
            if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
                return l.stream().map(x -> (String) x).toList();
            }
            problem(line, key + " must be an array of strings");
            return List.of();
        }

        /** The globs that compile; each one that does not is a problem at its line, and is dropped. */
        List<String> globs(List<String> given, int line) {
            List<String> out = new ArrayList<>();
            for (String g : given) {
                String bad = globProblem(g);
                if (bad == null) {
                    out.add(g);
                } else {
                    problem(line, "exclude: " + bad);
                }
            }
            return out;
        }

        Version version(Object v, String key, int line) {
            String text = v instanceof String s ? s : (v instanceof Number ? v.toString() : null);
            if (text != null && text.trim().matches("\\d+(\\.\\d+)*")) {
                return Version.parse(text);
            }
            if (text != null && text.trim().equalsIgnoreCase("latest")) {
                return Version.LATEST;
            }
            problem(line, key + " must be a version string such as \"1.13.1\"");
            return null;
        }

        Integer postgres(Object v, int line) {
            Long n = null;
            if (v instanceof Long l) {
                n = l;
            } else if (v instanceof String s && s.trim().matches("\\d+(\\.\\d+)?")) {
                n = (long) Version.parse(s).parts().get(0);
            }
            if (n == null || n < 9 || n > 99) {
                problem(line, "postgres-version must be a PostgreSQL major version such as 15");
                return null;
            }
            return n.intValue();
        }

        void severities(Object v, TomlReader.Document doc, String path, int line) {
            if (!(v instanceof Map<?, ?> m)) {
                problem(line, "severity must be a table of rule = \"error\" | \"warning\" | \"info\" | \"off\"");
                return;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String rule = (String) e.getKey();
                int l = doc.lineOf(path + "." + rule);
                lines.put("severity." + rule, l);
                if (e.getValue() instanceof String s && SEVERITIES.contains(s.toLowerCase(Locale.ROOT))) {
                    severity.put(rule, s.toLowerCase(Locale.ROOT));
                } else {
                    problem(l, "severity of '" + rule + "' must be \"error\", \"warning\", \"info\" or \"off\"");
                }
            }
        }

        Config build() {
            return new Config(file, select, ignore, severity, versions, alembic, sqlalchemy, postgres, baseline,
                    failOn, exclude, problems, lines, dialect, upgrade);
        }
    }
}
