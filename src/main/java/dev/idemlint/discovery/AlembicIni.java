package dev.idemlint.discovery;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The part of an alembic.ini that says where revisions live: {@code [alembic] script_location}
 * and {@code version_locations}, resolved to directories.
 *
 * <p>Alembic resolves relative locations against the working directory, which is usually the
 * ini's directory but not always (h runs {@code alembic -c conf/alembic.ini} from the repository
 * root), so relative paths are tried against the ini's directory and then each ancestor up to the
 * project root; the first that exists wins. Flask-Migrate writes an ini without script_location
 * into the script directory itself and passes the directory in code; a script_location left in such an
 * ini that names no folder is that directory when env.py is Flask-Migrate's ({@link #flaskMigrateEnv}).
 */
public record AlembicIni(Path file, Path scriptLocation, List<Path> versionLocations, boolean recursiveVersionLocations,
        int scriptLine, int locationsLine, List<InputProblem> problems) {

    public AlembicIni {
        versionLocations = List.copyOf(versionLocations);
        problems = List.copyOf(problems);
    }

    /** The 1-based line of the ini that names {@code location} (one of {@link #versionDirs}), 0 when none does. */
    public int lineOf(Path location) {
        return versionLocations.contains(location) ? locationsLine : scriptLine;
    }

    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s[#;]");
    private static final Pattern INTERPOLATION = Pattern.compile("%\\(([^)]+)\\)s");
    // package:resource, as in "myapp:migrations" (but not a Windows drive such as C:\)
    private static final Pattern PACKAGE_RESOURCE = Pattern.compile("([A-Za-z_][\\w.]+):([^/\\\\].*)");

    /** The directories revisions are read from, in the ini's order. */
    public List<Path> versionDirs() {
        if (!versionLocations.isEmpty()) {
            return versionLocations;
        }
        if (scriptLocation != null) {
            return List.of(scriptLocation.resolve("versions"));
        }
        return List.of();
    }

    /**
     * Reads the ini; null when it has no usable [alembic] section or cannot be read. A location that
     * names no directory (an interpolation the ini does not define, a package resource not in the
     * project, {@code $HOME}, which Alembic does not expand) is one of its {@link #problems}, located
     * at its line; one filled in by code ({@code {alembic_dir}}) is not.
     */
    public static AlembicIni read(Path ini, Path projectRoot) throws IOException {
        String text = Files.readString(ini, StandardCharsets.UTF_8);
        Map<String, Map<String, String>> sections = parse(text);
        Path dir = ini.toAbsolutePath().normalize().getParent();
        Map<String, String> alembic = sections.get("alembic");
        if (alembic == null) {
            return null;
        }
        Map<String, String> vars = new LinkedHashMap<>(sections.getOrDefault("DEFAULT", Map.of()));
        vars.putAll(alembic);
        vars.put("here", dir.toString());

        Path file = ini.toAbsolutePath().normalize();
        List<InputProblem> problems = new ArrayList<>();
        int scriptLine = lineOf(text, "script_location");
        int locationsLine = lineOf(text, "version_locations");
        Path script = null;
        String rawScript = alembic.get("script_location");
        if (rawScript != null && !rawScript.isBlank()) {
            String value = interpolate(rawScript.trim(), vars);
            script = resolve(value, dir, projectRoot);
            if (script == null && !templated(value) && flaskMigrateEnv(dir)) {
                // Flask-Migrate reads <directory>/alembic.ini and sets script_location to <directory>
                // (flask_migrate/__init__.py, Migrate.get_config): the ini's own value is never used
                script = dir;
            } else if (script == null && !templated(value)) {
                problems.add(new InputProblem(file, scriptLine, unresolved("script_location", value, dir, projectRoot)));
            }
        } else if (Files.isRegularFile(dir.resolve("env.py"))) {
            script = dir;
        }

        List<Path> locations = new ArrayList<>();
        String rawLocations = alembic.get("version_locations");
        if (rawLocations != null && !rawLocations.isBlank()) {
            String sep = alembic.getOrDefault("path_separator", alembic.get("version_path_separator"));
            for (String item : split(interpolate(rawLocations, vars), sep)) {
                Path p = resolve(item, dir, projectRoot);
                if (p != null) {
                    locations.add(p);
                } else if (!templated(item)) {
                    problems.add(new InputProblem(file, locationsLine,
                            unresolved("version_locations", item, dir, projectRoot)));
                }
            }
        }
        return new AlembicIni(file, script, locations, "true".equals(alembic.get("recursive_version_locations")),
                scriptLine, locationsLine, problems);
    }

    private static final Pattern FLASK_MIGRATE = Pattern.compile(
            "extensions\\s*\\[\\s*['\"]migrate['\"]\\s*\\]|^\\s*(from|import)\\s+flask_migrate\\b", Pattern.MULTILINE);
    private static final int ENV_BYTES = 65_536;

    /**
     * Whether {@code dir} holds an env.py written for Flask-Migrate: it reads {@code current_app.extensions['migrate']}
     * (Flask-Migrate's templates) or imports {@code flask_migrate}, so it runs only under Flask-Migrate. Its first
     * 64 KiB are read, and only when the file, links resolved, is in {@code dir}.
     */
    static boolean flaskMigrateEnv(Path dir) {
        Path env = dir.resolve("env.py");
        if (!Files.isRegularFile(env) || !Confinement.realPath(env).startsWith(Confinement.realPath(dir))) {
            return false;
        }
        try (InputStream in = Files.newInputStream(env)) {
            return FLASK_MIGRATE.matcher(new String(in.readNBytes(ENV_BYTES), StandardCharsets.UTF_8)).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A value filled in by the application's code before Alembic reads it: {@code {alembic_dir}}. */
    private static boolean templated(String value) {
        return value.contains("{");
    }

    private static String unresolved(String key, String value, Path iniDir, Path projectRoot) {
        String why;
        Matcher undefined = INTERPOLATION.matcher(value);
        Matcher resource = PACKAGE_RESOURCE.matcher(value);
        if (undefined.find()) {
            why = undefined.group() + " is not defined in [alembic] or [DEFAULT]";
        } else if (value.contains("$") || value.startsWith("~")) {
            why = "Alembic does not expand environment variables or ~";
        } else if (resource.matches()) {
            Path root = projectRoot == null ? iniDir : projectRoot.toAbsolutePath().normalize();
            List<Path> several;
            try {
                several = srcLayouts(root, resourcePath(resource));
            } catch (RuntimeException e) {
                several = List.of(); // not a path on this system
            }
            why = several.size() > 1
                    ? "several src layouts hold that package folder: " + String.join(", ",
                            several.stream().limit(3).map(d -> root.relativize(d).toString()).toList())
                            + (several.size() > 3 ? ", ..." : "")
                    : "no such package folder in the project";
        } else {
            why = "no such directory";
        }
        return key + " " + value + " names no directory (" + why + ")";
    }

    /** The 1-based line of {@code key}'s first assignment in the [alembic] section, 0 when absent. */
    static int lineOf(String text, String key) {
        String[] lines = text.split("\\r?\\n", -1);
        boolean inAlembic = false;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith("[") && t.endsWith("]")) {
                inAlembic = t.substring(1, t.length() - 1).trim().equals("alembic");
            } else if (inAlembic && !lines[i].isEmpty() && !Character.isWhitespace(lines[i].charAt(0))) {
                int eq = indexOfSeparator(t);
                if (eq > 0 && t.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(key)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /**
     * Whether {@code pyproject.toml}'s {@code [tool.alembic]} (Alembic 1.16+) sets
     * {@code recursive_version_locations = true} for {@code location}: its {@code version_locations}, or
     * its {@code script_location}'s versions folder, resolved against the file's folder ({@code %(here)s}).
     * False when the file is missing or unreadable.
     */
    static boolean pyprojectRecursive(Path pyproject, Path location) {
        if (!Files.isRegularFile(pyproject)) {
            return false;
        }
        TomlReader.Document doc;
        try {
            doc = TomlReader.parse(Files.readString(pyproject, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException | TomlReader.TomlException e) {
            return false;
        }
        if (!Boolean.TRUE.equals(doc.get("tool.alembic.recursive_version_locations"))) {
            return false;
        }
        Path dir = pyproject.toAbsolutePath().normalize().getParent();
        List<String> candidates = new ArrayList<>();
        if (doc.get("tool.alembic.version_locations") instanceof List<?> l) {
            l.forEach(o -> candidates.add(String.valueOf(o)));
        } else if (doc.get("tool.alembic.script_location") instanceof String script) {
            candidates.add(script + "/versions");
        }
        for (String c : candidates) {
            String resolved = c.replace("%(here)s", dir.toString());
            try {
                if (dir.resolve(resolved).normalize().equals(location.toAbsolutePath().normalize())) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not a path
            }
        }
        return false;
    }

    static List<String> split(String value, String separator) {
        String sep = separator == null ? "" : separator.trim().toLowerCase(Locale.ROOT);
        String regex = switch (sep) {
            case "os" -> Pattern.quote(File.pathSeparator) + "|\\n";
            case "space" -> "\\s+";
            case "newline" -> "\\n";
            case ":" -> ":|\\n";
            case ";" -> ";|\\n";
            // Alembic's legacy behaviour when no separator is configured: spaces and/or commas
            default -> sep.length() == 1 ? Pattern.quote(sep) + "|\\n" : "[\\s,]+";
        };
        List<String> out = new ArrayList<>();
        for (String s : value.split(regex)) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static String interpolate(String value, Map<String, String> vars) {
        String v = value;
        for (int depth = 0; depth < 5 && v.contains("%("); depth++) {
            Matcher m = INTERPOLATION.matcher(v);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String rep = vars.get(m.group(1).toLowerCase(Locale.ROOT));
                m.appendReplacement(sb, Matcher.quoteReplacement(rep == null ? m.group() : rep));
            }
            m.appendTail(sb);
            if (sb.toString().equals(v)) {
                break;
            }
            v = sb.toString();
        }
        return v.replace("%%", "%");
    }

    /**
     * A location as a directory, or null when it is templated ({alembic_dir}) or does not exist. An
     * absolute path is returned as it is (it may name a folder of the machine the ini is deployed on;
     * the caller decides whether it may be read).
     */
    static Path resolve(String location, Path iniDir, Path projectRoot) {
        String loc = location.trim();
        if (loc.isEmpty() || loc.contains("{") || loc.contains("%(")) {
            return null;
        }
        Matcher pr = PACKAGE_RESOURCE.matcher(loc);
        Path p;
        try {
            p = pr.matches() ? resourcePath(pr) : Path.of(loc);
        } catch (RuntimeException e) {
            return null;
        }
        if (p.isAbsolute()) {
            return p.normalize();
        }
        Path root = projectRoot == null ? iniDir : projectRoot.toAbsolutePath().normalize();
        for (Path base = iniDir; base != null; base = base.getParent()) {
            Path candidate = base.resolve(p).normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            if (base.equals(root) || !base.startsWith(root)) {
                break;
            }
        }
        if (pr.matches() && iniDir.startsWith(root)) {
            List<Path> found = srcLayouts(root, p);
            if (found.size() == 1) {
                return found.get(0);
            }
        }
        return null;
    }

    /** The folder a {@code package:resource} location names inside its package, from a matched {@link #PACKAGE_RESOURCE}. */
    private static Path resourcePath(Matcher packageResource) {
        // Alembic joins each token after the package as a folder: "pkg:a:b" is pkg/a/b
        return Path.of(packageResource.group(1).replace('.', '/') + "/" + packageResource.group(2).replace(':', '/'));
    }

    /**
     * Where an installed package's resource {@code resource} ({@code <package>/<resource>}) lies in a src
     * layout of the project: {@code src/<package>/<resource>} at the root, else the same one folder down
     * ({@code backend/src/appenlight/migrations}, the package a project installs from a subfolder); of those
     * one folder down, only folders whose real path is inside the root count, each once. Two fixed levels and one listing of
     * the root: nothing recurses, so deep trees and symbolic-link loops cost one look each.
     */
    static List<Path> srcLayouts(Path root, Path resource) {
        Path top = root.resolve("src").resolve(resource).normalize();
        if (Files.isDirectory(top)) {
            return List.of(top); // the caller warns when it leads out of the project
        }
        Path realRoot = Confinement.realPath(root);
        Map<Path, Path> byReal = new LinkedHashMap<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.sorted().toList()) {
                Path name = child.getFileName();
                if (name == null || name.toString().startsWith(".") || Discovery.SKIP_DIRS.contains(name.toString())) {
                    continue;
                }
                Path candidate = child.resolve("src").resolve(resource).normalize();
                if (Files.isDirectory(candidate)) {
                    Path real = Confinement.realPath(candidate);
                    if (real.startsWith(realRoot)) {
                        byReal.putIfAbsent(real, candidate);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(byReal.values());
    }

    /** configparser's format: sections, key = value or key: value, indented continuation lines. */
    static Map<String, Map<String, String>> parse(String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String lastKey = null;
        for (String raw : text.split("\\r?\\n", -1)) {
            String trimmed = raw.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (indented && current != null && lastKey != null) {
                String before = current.get(lastKey);
                String more = "\n" + stripComment(trimmed);
                current.put(lastKey, before == null ? more : before + more);
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                String section = trimmed.substring(1, trimmed.length() - 1).trim();
                current = sections.get(section);
                if (current == null) {
                    current = new LinkedHashMap<>();
                    sections.put(section, current);
                }
                lastKey = null;
                continue;
            }
            int eq = indexOfSeparator(trimmed);
            if (current == null || eq < 0) {
                continue;
            }
            lastKey = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            current.put(lastKey, stripComment(trimmed.substring(eq + 1).strip()));
        }
        return sections;
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    // configparser keeps inline comments, but Alembic's own template writes
    // "version_path_separator = os  # Use os.pathsep." and Alembic copes; so do we.
    private static String stripComment(String value) {
        Matcher m = INLINE_COMMENT.matcher(value);
        return m.find() ? value.substring(0, m.start()).strip() : value;
    }
}
