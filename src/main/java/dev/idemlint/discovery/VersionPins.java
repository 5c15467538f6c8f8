package dev.idemlint.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the project's Alembic and SQLAlchemy versions in its pin files.
 *
 * <p>Directories are searched from the versions dir up to the project root, nearest first (pins
 * often sit next to the Alembic project: polar's {@code server/uv.lock}, Open-Assistant's
 * {@code backend/requirements.txt}); within a directory the most precise file first: uv.lock,
 * poetry.lock, Pipfile.lock, requirements*.txt (and requirements/), pyproject.toml, setup.cfg,
 * setup.py. When nothing on that path names the package, the nearest pin file anywhere in the
 * project is used (Mailu's {@code core/base/requirements-prod.txt}), except in folders of another
 * Alembic project. A range counts by its lower
 * bound, because a kwarg is only safe when every allowed version supports it; but when a lock
 * file further up (a uv or Poetry workspace root) pins a version inside the range, the lock wins,
 * since that is what gets installed.
 */
public final class VersionPins {
    /** A version and where it came from. */
    public record Pin(Version version, PinSource source, boolean exact) {
    }

    /** What was found; a null pin means unknown (treat as latest). */
    public record Pins(Pin alembic, Pin sqlalchemy) {
        public Version alembicVersion() {
            return alembic == null ? Version.LATEST : alembic.version();
        }

        public Version sqlalchemyVersion() {
            return sqlalchemy == null ? Version.LATEST : sqlalchemy.version();
        }
    }

    static final String ALEMBIC = "alembic";
    static final String SQLALCHEMY = "sqlalchemy";

    private static final List<String> LOCKS = List.of("uv.lock", "poetry.lock", "Pipfile.lock");
    private static final Set<String> SKIP_DIRS = Set.of(".git", "node_modules", ".venv", "venv", "site-packages",
            "__pycache__", "build", "dist", ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".idemlint_cache");
    // Possessive wherever giving characters back cannot help (the next part cannot start with them): a
    // backtracking run of spaces before a line's stray '@' was retried at every split, cubic in its length.
    private static final Pattern REQUIREMENT = Pattern.compile(
            "^\\s*+([A-Za-z0-9][A-Za-z0-9._-]*+)\\s*+(\\[[^\\]]*+\\])?\\s*+(\\(?[^;@#]*+\\)?)\\s*+(;.*)?$");
    private static final Pattern CLAUSE = Pattern.compile("(===|==|~=|!=|<=|>=|<|>|\\^|~|=)?\\s*(\\d[\\w.*+!-]*)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]*)\"|'([^'\\n]*)'");
    private static final Pattern INCLUDE = Pattern.compile("^(?:-r|--requirement|-c|--constraint)[\\s=]*(\\S+)");
    private static final Pattern COMMENT = Pattern.compile("\\s#");

    private final Map<Path, Map<String, Pin>> cache = new HashMap<>();
    /** Each project root's folders, walked once. */
    private final Map<Path, ProjectFolders> folders = new HashMap<>();
    /** Each folder's pin files, listed once. */
    private final Map<Path, List<Path>> pinFiles = new HashMap<>();
    /** What may be read; null: anything. */
    private final Confinement confinement;

    public VersionPins() {
        this(null);
    }

    VersionPins(Confinement confinement) {
        this.confinement = confinement;
    }

    /** Pins for the revision tree at {@code versionsDir} inside {@code projectRoot}. */
    public Pins find(Path versionsDir, Path projectRoot) {
        Path root = projectRoot.toAbsolutePath().normalize();
        List<Path> chain = new ArrayList<>();
        for (Path d = versionsDir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (!d.startsWith(root)) {
                break;
            }
            chain.add(d);
            if (d.equals(root)) {
                break;
            }
        }
        if (chain.isEmpty() || !chain.get(chain.size() - 1).equals(root)) {
            chain.add(root);
        }
        List<Path> onPath = new ArrayList<>();
        for (Path d : chain) {
            onPath.addAll(pinFilesOf(d));
        }
        List<Path> elsewhere = null;
        Pin[] found = new Pin[2];
        String[] names = {ALEMBIC, SQLALCHEMY};
        for (int i = 0; i < names.length; i++) {
            found[i] = firstIn(onPath, names[i], root);
            if (found[i] == null) {
                if (elsewhere == null) {
                    elsewhere = pinFilesNear(root, versionsDir.toAbsolutePath().normalize(), onPath);
                }
                found[i] = firstIn(elsewhere, names[i], root);
            }
        }
        return new Pins(found[0], found[1]);
    }

    private Pin firstIn(List<Path> files, String name, Path root) {
        for (int i = 0; i < files.size(); i++) {
            Pin p = pinsOf(files.get(i), root).get(name);
            if (p == null) {
                continue;
            }
            if (!p.exact()) {
                for (Path later : files.subList(i + 1, files.size())) {
                    if (LOCKS.contains(later.getFileName().toString())) {
                        Pin locked = pinsOf(later, root).get(name);
                        if (locked != null && locked.version().compareTo(p.version()) >= 0) {
                            return locked;
                        }
                    }
                }
            }
            return p;
        }
        return null;
    }

    /** The pin files of one directory, most precise first. */
    static List<Path> pinFilesIn(Path dir) {
        List<Path> out = new ArrayList<>();
        for (String lock : LOCKS) {
            addIfFile(out, dir.resolve(lock));
        }
        out.addAll(requirementFiles(dir));
        Path reqDir = dir.resolve("requirements");
        if (Files.isDirectory(reqDir)) {
            try (Stream<Path> s = Files.walk(reqDir, 2)) {
                out.addAll(s.filter(p -> p.toString().endsWith(".txt") && Files.isRegularFile(p))
                        .sorted(REQUIREMENTS_ORDER).toList());
            } catch (IOException | RuntimeException e) {
                // an unreadable requirements/ folder just contributes nothing
            }
        }
        addIfFile(out, dir.resolve("pyproject.toml"));
        addIfFile(out, dir.resolve("setup.cfg"));
        addIfFile(out, dir.resolve("setup.py"));
        return out;
    }

    private static List<Path> requirementFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith("requirements") && n.endsWith(".txt") && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        out.sort(REQUIREMENTS_ORDER);
        return List.copyOf(out);
    }

    // requirements.txt, then production sets, then the rest (dev, docs, tests) by name
    private static final Comparator<Path> REQUIREMENTS_ORDER = new Comparator<>() {
        @Override
        public int compare(Path a, Path b) {
            int c = Integer.compare(rank(a), rank(b));
            return c != 0 ? c : a.toString().compareTo(b.toString());
        }

        private int rank(Path p) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.equals("requirements.txt")) {
                return 0;
            }
            if (n.contains("prod") || n.contains("base") || n.contains("main")) {
                return 1;
            }
            return n.contains("dev") || n.contains("test") || n.contains("doc") || n.contains("lint") ? 3 : 2;
        }
    };

    private static void addIfFile(List<Path> out, Path p) {
        if (Files.isRegularFile(p)) {
            out.add(p);
        }
    }

    /**
     * A project's folders to depth 5 (skipped folders pruned), with those that may hold a pin file and
     * those that hold an alembic.ini: walked once per project root, however many trees it has.
     */
    private record ProjectFolders(List<Path> dirs, Set<Path> mayHoldPins, Set<Path> withIni) {
    }

    private static ProjectFolders walk(Path root) {
        List<Path> dirs = new ArrayList<>();
        Set<Path> mayHoldPins = new HashSet<>();
        Set<Path> mayHoldIni = new HashSet<>();
        if (Discovery.revisionsFolder(root)) {
            // a tree linted with no project around it is its own project root: only its own folder, on the path
            return new ProjectFolders(dirs, mayHoldPins, mayHoldIni);
        }
        try {
            // skipped folders are pruned, not walked and filtered: a .git or node_modules holds
            // more entries than the whole project (the walk was 0.1 s of a 50-file lint)
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), 5,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d,
                                BasicFileAttributes attrs) {
                            if (!d.equals(root) && (SKIP_DIRS.contains(d.getFileName().toString()) || Discovery.revisionsFolder(d))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            dirs.add(d);
                            if (!d.equals(root) && d.getFileName().toString().equals("requirements")) {
                                mayHoldPins.add(d.getParent());
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f,
                                BasicFileAttributes attrs) {
                            String name = f.getFileName().toString();
                            if (attrs.isDirectory()) {
                                // folders at the depth limit arrive here, unopened: they may hold anything
                                if (!SKIP_DIRS.contains(name) && !Discovery.revisionsFolder(f)) {
                                    dirs.add(f);
                                    mayHoldPins.add(f);
                                    mayHoldIni.add(f);
                                }
                                if (name.equals("requirements")) {
                                    mayHoldPins.add(f.getParent());
                                }
                            } else if (name.equals("alembic.ini")) {
                                mayHoldIni.add(f.getParent());
                            } else if (PIN_FILES.contains(name) || name.startsWith("requirements")) {
                                mayHoldPins.add(f.getParent());
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // a walk that fails keeps whatever it had found
        }
        Set<Path> withIni = new HashSet<>();
        for (Path d : mayHoldIni) {
            if (Files.isRegularFile(d.resolve("alembic.ini"))) {
                withIni.add(d);
            }
        }
        return new ProjectFolders(dirs, mayHoldPins, withIni);
    }

    /** The names {@link #pinFilesIn} looks for, besides requirements*.txt and requirements/. */
    private static final Set<String> PIN_FILES = Stream.concat(LOCKS.stream(),
            Stream.of("pyproject.toml", "setup.cfg", "setup.py")).collect(Collectors.toUnmodifiableSet());

    /** {@link #pinFilesIn}, each folder listed once per run. */
    private List<Path> pinFilesOf(Path dir) {
        return pinFiles.computeIfAbsent(dir, VersionPins::pinFilesIn);
    }

    /** Pin files anywhere in the project (depth 5), nearest to the versions dir first. */
    private List<Path> pinFilesNear(Path root, Path versionsDir, List<Path> already) {
        ProjectFolders project = folders.computeIfAbsent(root, VersionPins::walk);
        // a folder holding another Alembic project pins that project, not ours (Open-Assistant's
        // backend/ and inference/server/ each have their own requirements.txt)
        List<Path> foreign = new ArrayList<>();
        for (Path d : project.withIni()) {
            if (!versionsDir.startsWith(d)) {
                foreign.add(d);
            }
        }
        List<Path> dirs = new ArrayList<>();
        for (Path d : project.dirs()) {
            boolean inForeign = false;
            for (Path f : foreign) {
                inForeign |= d.startsWith(f);
            }
            if (!inForeign && project.mayHoldPins().contains(d)) {
                dirs.add(d);
            }
        }
        dirs.sort(new Comparator<Path>() {
            @Override
            public int compare(Path a, Path b) {
                int c = Integer.compare(treeDistance(a, versionsDir), treeDistance(b, versionsDir));
                return c != 0 ? c : a.toString().compareTo(b.toString());
            }
        });
        Set<Path> out = new LinkedHashSet<>();
        for (Path d : dirs) {
            for (Path f : pinFilesOf(d)) {
                if (!already.contains(f)) {
                    out.add(f);
                }
            }
        }
        return List.copyOf(out);
    }

    private static int treeDistance(Path a, Path b) {
        int common = 0;
        int n = Math.min(a.getNameCount(), b.getNameCount());
        while (common < n && a.getName(common).equals(b.getName(common))) {
            common++;
        }
        return (a.getNameCount() - common) + (b.getNameCount() - common);
    }

    private Map<String, Pin> pinsOf(Path file, Path root) {
        Map<String, Pin> pins = cache.get(file);
        if (pins == null) {
            if (confinement != null && !confinement.mayRead(file, root)) {
                return Map.of();
            }
            pins = read(file, root, confinement == null ? f -> true : f -> confinement.mayRead(f, root));
            cache.put(file, pins);
        }
        return pins;
    }

    /**
     * The alembic and sqlalchemy pins one file states (others are ignored); a requirements include
     * {@code mayRead} refuses is skipped.
     */
    static Map<String, Pin> read(Path file, Path root, Predicate<Path> mayRead) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        String shown = display(file, root);
        String name = file.getFileName().toString();
        Map<String, Pin> out = new LinkedHashMap<>();
        if (name.equals("uv.lock") || name.equals("poetry.lock")) {
            readTomlLock(text, shown, out);
        } else if (name.equals("Pipfile.lock")) {
            readPipfileLock(text, shown, out);
        } else if (name.endsWith(".txt")) {
            readRequirements(file, text, shown, out, true, root, mayRead);
        } else if (name.equals("pyproject.toml")) {
            readPyproject(text, shown, out);
        } else if (name.equals("setup.cfg")) {
            readSetupCfg(text, shown, out);
        } else if (name.equals("setup.py")) {
            readQuotedRequirements(text, shown, out);
        }
        return out;
    }

    private static String display(Path file, Path root) {
        Path abs = file.toAbsolutePath().normalize();
        return root != null && abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    /** PEP 503 normalized name. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    private static boolean wanted(String normalized) {
        return normalized.equals(ALEMBIC) || normalized.equals(SQLALCHEMY);
    }

    private static final Pattern LOCK_NAME = Pattern.compile("(?m)^name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern LOCK_VERSION = Pattern.compile("(?m)^version\\s*=\\s*\"([^\"]+)\"");

    // Both lock formats are [[package]] blocks with name and version; a block-wise scan is enough
    // and survives TOML this reader might not know.
    private static void readTomlLock(String text, String shown, Map<String, Pin> out) {
        int from = 0;
        while (true) {
            int start = text.indexOf("[[package]]", from);
            if (start < 0) {
                return;
            }
            int end = text.indexOf("[[package]]", start + 11);
            String block = text.substring(start, end < 0 ? text.length() : end);
            Matcher n = LOCK_NAME.matcher(block);
            Matcher v = LOCK_VERSION.matcher(block);
            if (n.find() && v.find()) {
                String pkg = normalize(n.group(1));
                if (wanted(pkg)) {
                    int line = lineAt(text, start + v.start());
                    Pin pin = new Pin(Version.parse(v.group(1)), new PinSource(shown, line, pkg + " " + v.group(1)), true);
                    // resolution forks can lock two versions; the older one bounds what is safe
                    out.merge(pkg, pin, (a, b) -> a.version().compareTo(b.version()) <= 0 ? a : b);
                }
            }
            if (end < 0) {
                return;
            }
            from = end;
        }
    }

    private static void readPipfileLock(String text, String shown, Map<String, Pin> out) {
        for (String pkg : List.of(ALEMBIC, SQLALCHEMY)) {
            Matcher m = Pattern.compile("\"" + pkg + "\"\\s*:\\s*\\{[^}]*?\"version\"\\s*:\\s*\"==([^\"]+)\"",
                    Pattern.CASE_INSENSITIVE).matcher(text);
            if (m.find()) {
                out.putIfAbsent(pkg, new Pin(Version.parse(m.group(1)),
                        new PinSource(shown, lineAt(text, m.start()), pkg + "==" + m.group(1)), true));
            }
        }
    }

    private static void readRequirements(Path file, String text, String shown, Map<String, Pin> out,
            boolean followIncludes, Path root, Predicate<Path> mayRead) {
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            StringBuilder sb = new StringBuilder(lines[i]);
            while (sb.toString().stripTrailing().endsWith("\\") && i + 1 < lines.length) {
                String s = sb.toString().stripTrailing();
                sb.setLength(0);
                sb.append(s, 0, s.length() - 1).append(' ').append(lines[++i]);
            }
            String line = stripComment(sb.toString()).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("-")) {
                Matcher inc = INCLUDE.matcher(line);
                if (inc.find() && followIncludes) {
                    Path included = file.toAbsolutePath().getParent().resolve(inc.group(1)).normalize();
                    if (Files.isRegularFile(included) && mayRead.test(included)) {
                        try {
                            Map<String, Pin> nested = new LinkedHashMap<>();
                            readRequirements(included, Files.readString(included, StandardCharsets.UTF_8),
                                    display(included, root), nested, false, root, mayRead);
                            nested.forEach(out::putIfAbsent);
                        } catch (IOException | RuntimeException e) {
                            // an unreadable include contributes nothing
                        }
                    }
                }
                continue;
            }
            // hash-pinned lines carry "--hash=..." options after the requirement
            int opt = line.indexOf(" --");
            addRequirement(opt >= 0 ? line.substring(0, opt) : line, shown, lineNo, out);
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        if (hash == 0) {
            return "";
        }
        Matcher m = COMMENT.matcher(line);
        return m.find() ? line.substring(0, m.start()) : line;
    }

    /** Parses a PEP 508 requirement and records it when it is alembic or sqlalchemy. */
    static void addRequirement(String requirement, String shown, int line, Map<String, Pin> out) {
        Matcher m = REQUIREMENT.matcher(requirement);
        if (!m.matches()) {
            return;
        }
        String pkg = normalize(m.group(1));
        if (!wanted(pkg) || out.containsKey(pkg)) {
            return;
        }
        String spec = m.group(3) == null ? "" : m.group(3).replace("(", "").replace(")", "").strip();
        Bound b = bound(spec);
        if (b != null) {
            out.put(pkg, new Pin(b.version(), new PinSource(shown, line, requirement.strip()), b.exact()));
        }
    }

    /** A specifier's meaning for us: the exact version, or the lower bound of a range. */
    record Bound(Version version, boolean exact) {
    }

    /** The lowest version a specifier admits (pip and Poetry syntax); null when unbounded below. */
    static Bound bound(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (s.isEmpty() || s.equals("*")) {
            return null;
        }
        if (s.contains("||")) {
            Bound lowest = null;
            for (String alt : s.split("\\|\\|")) {
                Bound b = bound(alt);
                if (b == null) {
                    return null;
                }
                if (lowest == null || b.version().compareTo(lowest.version()) < 0) {
                    lowest = new Bound(b.version(), false);
                }
            }
            return lowest;
        }
        Matcher m = CLAUSE.matcher(s);
        Version lower = null;
        while (m.find()) {
            String op = m.group(1) == null ? "" : m.group(1);
            String ver = m.group(2);
            Version v;
            try {
                v = Version.parse(ver.replace(".*", "").replace("*", ""));
            } catch (IllegalArgumentException e) {
                continue;
            }
            switch (op) {
                case "==", "===", "=", "" -> {
                    // "==1.13.*" admits 1.13.0 and up within 1.13: its floor is 1.13.0
                    return new Bound(v, !ver.contains("*"));
                }
                case "~=", ">=", ">", "^", "~" -> {
                    if (lower == null || v.compareTo(lower) > 0) {
                        lower = v;
                    }
                }
                default -> {
                    // <, <=, != bound nothing from below
                }
            }
        }
        return lower == null ? null : new Bound(lower, false);
    }

    private static void readPyproject(String text, String shown, Map<String, Pin> out) {
        TomlReader.Document doc;
        try {
            doc = TomlReader.parse(text);
        } catch (TomlReader.TomlException e) {
            readQuotedRequirements(text, shown, out);
            return;
        }
        List<String> pep508 = new ArrayList<>();
        collectStrings(doc.get("project.dependencies"), pep508);
        collectStrings(doc.get("project.optional-dependencies"), pep508);
        collectStrings(doc.get("dependency-groups"), pep508);
        collectStrings(doc.get("tool.uv.dev-dependencies"), pep508);
        for (String r : pep508) {
            addRequirement(r, shown, lineOf(text, r), out);
        }
        List<Map<?, ?>> poetryTables = new ArrayList<>();
        addMap(poetryTables, doc.get("tool.poetry.dependencies"));
        addMap(poetryTables, doc.get("tool.poetry.dev-dependencies"));
        if (doc.get("tool.poetry.group") instanceof Map<?, ?> groups) {
            for (Object g : groups.values()) {
                if (g instanceof Map<?, ?> gm) {
                    addMap(poetryTables, gm.get("dependencies"));
                }
            }
        }
        for (Map<?, ?> deps : poetryTables) {
            for (Map.Entry<?, ?> e : deps.entrySet()) {
                String pkg = normalize(String.valueOf(e.getKey()));
                if (!wanted(pkg) || out.containsKey(pkg)) {
                    continue;
                }
                Object v = e.getValue();
                String spec = v instanceof String s ? s
                        : v instanceof Map<?, ?> m && m.get("version") instanceof String s2 ? s2 : null;
                if (spec == null) {
                    continue;
                }
                Bound b = bound(spec);
                if (b != null) {
                    int line = lineOfKey(text, String.valueOf(e.getKey()));
                    out.put(pkg, new Pin(b.version(), new PinSource(shown, line, e.getKey() + " = \"" + spec + "\""),
                            b.exact()));
                }
            }
        }
    }

    private static void addMap(List<Map<?, ?>> out, Object o) {
        if (o instanceof Map<?, ?> m) {
            out.add(m);
        }
    }

    private static void collectStrings(Object o, List<String> out) {
        if (o instanceof String s) {
            out.add(s);
        } else if (o instanceof List<?> l) {
            l.forEach(x -> collectStrings(x, out));
        } else if (o instanceof Map<?, ?> m) {
            m.values().forEach(x -> collectStrings(x, out));
        }
    }

    private static void readSetupCfg(String text, String shown, Map<String, Pin> out) {
        Map<String, Map<String, String>> ini = AlembicIni.parse(text);
        Map<String, String> options = ini.getOrDefault("options", Map.of());
        List<String> reqs = new ArrayList<>();
        if (options.containsKey("install_requires")) {
            reqs.addAll(List.of(options.get("install_requires").split("\\n")));
        }
        ini.getOrDefault("options.extras_require", Map.of()).values()
                .forEach(v -> reqs.addAll(List.of(v.split("\\n"))));
        for (String r : reqs) {
            if (!r.isBlank()) {
                addRequirement(r.strip(), shown, lineOf(text, r.strip()), out);
            }
        }
    }

    // setup.py and unparsable pyproject.toml: any quoted string that reads as a requirement
    private static void readQuotedRequirements(String text, String shown, Map<String, Pin> out) {
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            String s = m.group(1) != null ? m.group(1) : m.group(2);
            String lower = s.toLowerCase(Locale.ROOT).strip();
            if (lower.startsWith(ALEMBIC) || lower.startsWith(SQLALCHEMY)) {
                addRequirement(s, shown, lineAt(text, m.start()), out);
            }
        }
    }

    private static int lineOf(String text, String needle) {
        int i = text.indexOf(needle);
        return i < 0 ? 0 : lineAt(text, i);
    }

    private static int lineOfKey(String text, String key) {
        Matcher m = Pattern.compile("(?mi)^\\s*\"?" + Pattern.quote(key) + "\"?\\s*=").matcher(text);
        return m.find() ? lineAt(text, m.start()) : 0;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
