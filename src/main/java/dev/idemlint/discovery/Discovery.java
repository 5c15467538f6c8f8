package dev.idemlint.discovery;

import dev.idemlint.source.Background;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns command-line paths into {@link LintTarget}s, one per revision tree, each with its
 * settings (CLI overrides, then config, then the project's pins).
 *
 * <p>An input may be a .py file (linted in the context of its whole tree, only it reported), a
 * versions directory or a folder of it (the whole tree as context), an Alembic script directory
 * (env.py + versions/), a lone alembic.ini, or a project root. In a project root, trees come from
 * the config's {@code versions} when given; otherwise from every alembic.ini down to depth 4
 * ({@code script_location}/{@code version_locations}), then from any {@code versions} folder next
 * to an env.py, then from any folder holding revision files (CTFd's plugin migrations). A versions
 * directory with subfolders that hold revisions is one tree when its alembic.ini says
 * {@code recursive_version_locations = true} (and the pinned Alembic, 1.10 or later, honours it);
 * otherwise Alembic does not read the subfolders by itself, and {@link RevisionLinks} splits the
 * tree into the environments the subfolders form: those whose revisions link into the top's graph
 * join it (Neutron's {@code versions/<release>/{expand,contract}}, listed in version_locations by its
 * CLI), a folder nothing links is a target of its own (Prefect's {@code versions/postgresql} and
 * {@code versions/sqlite}, chosen by env.py at run time).
 *
 * <p>Never throws for bad input: a missing path, an unreadable directory, a symlink loop or a bad
 * config becomes an {@link InputProblem} and the rest goes on.
 */
public final class Discovery {
    public record Result(List<LintTarget> targets, List<InputProblem> problems) {
    }

    /** Stands for "no deploy command found" in a root's cache entry. */
    private static final PinSource NO_DEPLOY = new PinSource("", "");

    /**
     * Whether {@code dir} is named as a folder of revisions ({@code versions}, {@code *_versions}): it holds
     * revisions only, so the walks for a project's pin and deploy files pass it by.
     */
    static boolean revisionsFolder(Path dir) {
        Path name = dir.getFileName();
        return name != null && (name.toString().equals("versions") || name.toString().endsWith("_versions"));
    }

    static final Set<String> SKIP_DIRS = Set.of(".git", ".hg", ".svn", "node_modules", ".venv", "venv",
            "site-packages", "__pycache__", "build", "dist", ".tox", ".nox", ".mypy_cache", ".pytest_cache",
            ".ruff_cache", ".eggs");
    private static final String VERSIONS_NOT_FOUND = "versions directory not found: ";
    private static final int INI_DEPTH = 4;
    private static final int SCAN_DEPTH = 12;
    private static final int HEADER_BYTES = 8192;
    // a value starting with a template placeholder ({revision}, ${...}) is a file generator's text, not a revision
    private static final Pattern REVISION = Pattern.compile("(?m)^revision\\s*(:[^=\\n]*)?=[ \\t]*[^\\s{$%<]");
    private static final Pattern DOWN_REVISION = Pattern.compile("(?m)^down_revision\\s*(:[^=\\n]*)?=[ \\t]*[^\\s{$%<]");
    private static final List<String> PROJECT_MARKERS = List.of("pyproject.toml", "setup.py", "setup.cfg",
            "requirements.txt", "uv.lock", "poetry.lock", "Pipfile.lock", "Pipfile", "alembic.ini", Config.FILE_NAME);

    private final SettingsOverrides overrides;
    /** {@code --config FILE}: the settings of every tree, in place of the project's own config. */
    private Path configFile;
    /** {@code --force-exclude}: a named file that is not a revision, or is excluded, is skipped without a word. */
    private boolean forceExclude;
    private boolean followLinks;
    /**
     * {@code --exclude}: globs in place of the configs' {@code exclude}; null keeps the configs'. Held
     * relative to the file system's root (see {@link #rooted}).
     */
    private List<String> exclude;
    /** {@code --extend-exclude}: globs excluded on top of the configs' (or {@code --exclude}'s). */
    private List<String> extendExclude = List.of();
    private static final Path FS_ROOT = Path.of("").toAbsolutePath().getRoot();

    /** False makes every listing walk the file system (tests compare the two). */
    boolean replayWalks = true;
    /** Listings served by replaying a recorded walk, counted for tests. */
    int replays;

    public Discovery(SettingsOverrides overrides) {
        this.overrides = overrides == null ? SettingsOverrides.NONE : overrides;
    }

    /** Compatibility: values that differ from {@link Settings#DEFAULT} count as CLI overrides. */
    public Discovery(Settings overrides) {
        this(overrides == null ? SettingsOverrides.NONE : new SettingsOverrides(
                overrides.alembic().isLatest() ? null : overrides.alembic(),
                overrides.sqlalchemy().isLatest() ? null : overrides.sqlalchemy(),
                overrides.postgresMajor() == Settings.DEFAULT.postgresMajor() ? null : overrides.postgresMajor(),
                overrides.dialect().equals(Settings.DEFAULT.dialect()) ? null : overrides.dialect()));
    }

    public Discovery() {
        this(SettingsOverrides.NONE);
    }

    /**
     * Reads the settings from {@code file} (a {@code .idemlint.toml}, or a {@code pyproject.toml}
     * with {@code [tool.idemlint]}) for every tree, in place of the config found beside each one;
     * the user named it, so it may lie outside the project.
     */
    public Discovery withConfig(Path file) {
        this.configFile = file == null ? null : file.toAbsolutePath().normalize();
        return this;
    }

    /**
     * Skips a named {@code .py} file that is not a revision (outside every versions directory, with no
     * {@code revision}/{@code down_revision}) silently instead of reporting it: pre-commit passes every
     * staged file, application code and {@code env.py} included.
     */
    public Discovery withForceExclude(boolean on) {
        this.forceExclude = on;
        return this;
    }

    /**
     * Reads what a named path that is (or passes through) a symbolic link out of its project leads to
     * ({@code --follow-links}); by default such a path is refused like any link out of the project.
     */
    public Discovery withFollowLinks(boolean on) {
        this.followLinks = on;
        return this;
    }

    /**
     * Globs from the command line, relative to the current folder: {@code exclude} (null: none given)
     * replaces every config's {@code exclude}; {@code extendExclude} adds to it. Named files are
     * linted even when excluded, unless {@link #withForceExclude} is on.
     */
    public Discovery withExcludes(List<String> exclude, List<String> extendExclude) {
        this.exclude = exclude == null ? null : rooted(exclude);
        this.extendExclude = rooted(extendExclude);
        return this;
    }

    /**
     * Command-line globs made relative to the file system's root: {@code legacy/**} given in
     * {@code /srv/app} becomes {@code srv/app/legacy/**}; absolute ones lose their leading slash; a bare
     * name or pattern ({@code legacy}, {@code *_draft.py}) stays as it is and matches any path component.
     */
    private static List<String> rooted(List<String> globs) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        List<String> out = new ArrayList<>();
        for (String g : globs) {
            String glob = g.replace('\\', '/');
            if (glob.startsWith("/")) {
                out.add(glob.substring(1));
            } else if (glob.contains("/")) {
                try {
                    out.add(FS_ROOT.relativize(cwd.resolve(glob).normalize()).toString().replace('\\', '/'));
                } catch (InvalidPathException e) {
                    out.add(glob);
                }
            } else {
                out.add(glob);
            }
        }
        return out;
    }

    private boolean excluded(Config config, Path path) {
        if (exclude == null ? config.excludes(path) : Config.matchesAny(exclude, FS_ROOT, path)) {
            return true;
        }
        return Config.matchesAny(extendExclude, FS_ROOT, path);
    }

    public Result discover(List<Path> inputs) {
        return new Run().discover(inputs);
    }

    /**
     * The target of one .py file whose text comes from elsewhere (stdin, an editor's buffer): found as
     * {@link #discover} finds a file named on the command line, in the context of its versions
     * directory, but the file itself need not exist on disk (a buffer not saved yet); its folder must.
     */
    public Result discoverText(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (Files.exists(abs) || dir == null || !Files.isDirectory(dir) || !abs.toString().endsWith(".py")) {
            return discover(List.of(abs));
        }
        return new Run().discoverAbsent(abs);
    }

    /**
     * The file names Alembic loads from a version location: {@code re.match(r"(?!\.\#|__init__)(.*\.py)$", name)}
     * ({@code _only_source_rev_file} in alembic/script/base.py, the same from 0.9 to 1.19), where {@code .} is any
     * character but a line feed and {@code $} allows one line feed at the end. Names beginning with {@code __init__}
     * or {@code .#} (an editor's lock file) are passed by; every other {@code .py} file, {@code _helpers.py} and
     * {@code .hidden.py} included, is imported as a revision, and without {@code revision} in it every command fails.
     */
    private static final Pattern ALEMBIC_LOADS = Pattern.compile("(?!\\.#|__init__)[^\n]*\\.py\n?");

    /** Whether Alembic loads a file of this name in a version location as a revision ({@link #ALEMBIC_LOADS}). */
    public static boolean alembicLoads(String fileName) {
        return ALEMBIC_LOADS.matcher(fileName).matches();
    }

    /** Whether the file's first 8 KB assign {@code revision} and {@code down_revision} at top level. */
    static boolean isRevisionFile(Path file) {
        String text = head(file, StandardCharsets.ISO_8859_1);
        return text != null && REVISION.matcher(text).find() && DOWN_REVISION.matcher(text).find();
    }

    /** Whether a file's text (an editor's buffer) assigns {@code revision} and {@code down_revision} at top level. */
    public static boolean declaresRevision(String text) {
        String head = text.length() > HEADER_BYTES ? text.substring(0, HEADER_BYTES) : text;
        return REVISION.matcher(head).find() && DOWN_REVISION.matcher(head).find();
    }

    /** The file's first 8 KB (where a revision header sits) as text, or null when it cannot be read. */
    static String head(Path file, Charset charset) {
        byte[] head = new byte[HEADER_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
                n += r;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return new String(head, 0, n, charset);
    }

    /** One discover() call: the trees found so far and the problems met. */
    private final class Run {
        private final Map<Path, Tree> trees = new LinkedHashMap<>();
        private final Set<InputProblem> problems = new LinkedHashSet<>();
        private final Map<Path, Config> configs = new LinkedHashMap<>();
        /** The version locations listed by the alembic.ini in each folder, for files named one by one. */
        private final Map<Path, List<Path>> iniLocations = new HashMap<>();
        /** What may be read: set from the inputs when the run starts. */
        private Confinement confinement = Confinement.naming(List.of());
        private VersionPins pins = new VersionPins();
        /** Each folder a walk of this run read in full: its entries in the order met. */
        private final Map<Path, List<Entry>> listings = new HashMap<>();
        /** Each project root's deploy files read ({@link #upgradesHeads}), on the thread that settles the trees. */
        private final Map<Path, PinSource> deploys = new HashMap<>();
        Result discover(List<Path> inputs) {
            confinement = Confinement.naming(inputs, followLinks);
            pins = new VersionPins(confinement);
            for (Path in : inputs) {
                try {
                    input(in);
                } catch (RuntimeException e) {
                    // last line of defence: a bug here must not cost the other inputs
                    problems.add(new InputProblem(in, "cannot discover: " + e));
                }
            }
            // Each tree's settings (pins read from requirement files up to its project root) are worked
            // out on the pool's worker while this thread lists the trees' files (a stat per entry):
            // neither reads what the other writes.
            List<Tree> ts = List.copyOf(trees.values());
            Background<Void> settling = Background.run(new Runnable() {
                @Override
                public void run() {
                    for (Tree t : ts) {
                        settle(t);
                    }
                }
            });
            List<Set<Path>> listed = new ArrayList<>();
            List<RuntimeException> failed = new ArrayList<>();
            for (Tree t : ts) {
                try {
                    listed.add(list(t));
                    failed.add(null);
                } catch (RuntimeException e) {
                    listed.add(null);
                    failed.add(e);
                }
            }
            settling.join();
            // pin files, configs and env.py refused for leading out of the project
            for (InputProblem w : confinement.refused()) {
                if (!problems.contains(new InputProblem(w.path(), w.line(), w.message(), false))) {
                    problems.add(w);
                }
            }
            List<LintTarget> targets = new ArrayList<>();
            for (int i = 0; i < ts.size(); i++) {
                Tree t = ts.get(i);
                RuntimeException e = failed.get(i) != null ? failed.get(i) : t.settingsFailure;
                if (e == null) {
                    try {
                        targets.addAll(build(t, listed.get(i)));
                    } catch (RuntimeException late) {
                        e = late;
                    }
                }
                if (e != null) {
                    problems.add(new InputProblem(t.versionsDir, "cannot list: " + e));
                } else if (t.settings.unmodelledBackend() != null) {
                    problems.add(unmodelled(t));
                }
            }
            return new Result(List.copyOf(targets), List.copyOf(problems));
        }

        /** The note of a tree whose backend idemlint has no facts for: which rules are left out, and why. */
        private InputProblem unmodelled(Tree t) {
            PinSource from = t.provenance.get("dialect");
            return new InputProblem(t.versionsDir, 0, "backend " + t.settings.unmodelledBackend() + " is not modelled"
                    + (from == null ? "" : " (" + from.file() + (from.line() > 0 ? ":" + from.line() : "") + ": " + from.spec() + ")")
                    + "; database rules skipped, graph rules still run", true);
        }

        Result discoverAbsent(Path file) {
            try {
                fileInput(file);
            } catch (RuntimeException e) {
                problems.add(new InputProblem(file, "cannot discover: " + e));
            }
            return discover(List.of());
        }

        private void input(Path in) {
            Path abs = in.toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                problems.add(new InputProblem(in, missingMessage(abs)));
                return;
            }
            if (!Files.isReadable(abs)) {
                problems.add(new InputProblem(in, "permission denied"));
                return;
            }
            Path from = Files.isDirectory(abs) ? abs : abs.getParent();
            if (from != null && !allowed(abs, inferProjectRoot(from))) {
                // a named path that leads out of its project: a pull request's changed-file list names it
                problems.add(new InputProblem(in, 0, Confinement.LINK_OUT + " (--follow-links reads it)", false));
                return;
            }
            if (Files.isDirectory(abs)) {
                directoryInput(abs);
            } else if (abs.getFileName().toString().equals("alembic.ini")) {
                Path root = inferProjectRoot(abs.getParent());
                iniTrees(abs, root, config(abs.getParent(), root));
            } else if (abs.getFileName().toString().endsWith(".py")) {
                fileInput(abs);
            } else {
                problems.add(new InputProblem(in, "not a .py file, alembic.ini or directory"));
            }
        }

        private String missingMessage(Path abs) {
            if (Files.isSymbolicLink(abs)) {
                try {
                    abs.toRealPath();
                } catch (FileSystemException e) {
                    String reason = String.valueOf(e.getReason()).toLowerCase();
                    if (e instanceof FileSystemLoopException || reason.contains("levels of symbolic links")) {
                        return "symlink loop";
                    }
                } catch (IOException e) {
                    // fall through
                }
                return "broken symlink";
            }
            return "no such file or directory";
        }

        private void fileInput(Path file) {
            Path dir = file.getParent();
            Path enclosing = enclosingVersionsDir(dir);
            Path listed = listedLocation(file, inferProjectRoot(enclosing != null ? enclosing : dir));
            // a folder named versions that no alembic.ini lists and no env.py sits beside (app/versions/ of the
            // application's own code) is not read by Alembic: its modules are revisions only if they say so
            Path treeRoot = listed != null ? listed
                    : enclosing != null && Files.isRegularFile(enclosing.resolveSibling("env.py")) ? enclosing : null;
            boolean recursive = true;
            if (treeRoot == null && enclosing != null) {
                String head = head(file, StandardCharsets.ISO_8859_1);
                treeRoot = head != null && !declaresRevision(head) ? null : enclosing;
            }
            if (treeRoot == null) {
                String head = head(file, StandardCharsets.ISO_8859_1);
                if (head != null && !declaresRevision(head)) {
                    if (!forceExclude) {
                        problems.add(new InputProblem(file, 0, "not a revision file (no revision and"
                                + " down_revision, and not in a versions directory Alembic reads); not linted", true));
                    }
                    return;
                }
                treeRoot = dir;
                // a lone script elsewhere gets its own folder as context, not the subfolders
                recursive = hasRevisionFiles(dir);
            }
            Path root = inferProjectRoot(treeRoot);
            Config config = config(file.getParent(), root);
            if (forceExclude && excluded(config, file)) {
                return;
            }
            addTree(List.of(treeRoot), root, config, List.of(file), recursive);
        }

        /**
         * The version location Alembic reads that holds {@code file}, as the alembic.ini files at or above its
         * folder (up to {@code root}) list them ({@code script_location}'s versions, {@code version_locations}), or
         * as idemlint's config names them ({@code versions}); the deepest when several do, null when none does.
         */
        private Path listedLocation(Path file, Path root) {
            List<Path> locations = new ArrayList<>(config(file.getParent(), root).versions());
            for (Path d = file.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
                locations.addAll(iniLocations.computeIfAbsent(d, folder -> listedBy(folder.resolve("alembic.ini"), root)));
            }
            Path best = null;
            for (Path l : locations) {
                Path abs = l.toAbsolutePath().normalize();
                if (file.startsWith(abs) && !file.equals(abs) && allowed(abs, root)
                        && (best == null || abs.getNameCount() > best.getNameCount())) {
                    best = abs;
                }
            }
            return best;
        }

        /** The version locations an alembic.ini lists; none when there is none or it cannot be read (said elsewhere). */
        private List<Path> listedBy(Path ini, Path root) {
            if (!Files.isRegularFile(ini) || !confinement.mayRead(ini, root)) {
                return List.of();
            }
            try {
                AlembicIni parsed = AlembicIni.read(ini, root);
                return parsed == null ? List.of() : parsed.versionDirs();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }

        private void directoryInput(Path dir) {
            Path enclosing = enclosingVersionsDir(dir);
            boolean hasEnv = Files.isRegularFile(dir.resolve("env.py"));
            if (enclosing != null && !hasEnv) {
                Path root = inferProjectRoot(enclosing);
                List<Path> focus = enclosing.equals(dir) ? null : List.of(dir);
                addTree(List.of(enclosing), root, config(dir, root), focus, true);
            } else if (hasEnv && Files.isDirectory(dir.resolve("versions"))) {
                scriptDirInput(dir);
            } else if (!hasEnv && hasRevisionFiles(dir)) {
                Path root = inferProjectRoot(dir);
                addTree(List.of(dir), root, config(dir, root), null, true);
            } else {
                projectInput(dir, dir, config(dir, dir));
            }
        }

        private void iniTrees(Path ini, Path root, Config config) {
            long errorsBefore = errors();
            AlembicIni parsed = readIni(ini, root);
            if (parsed == null) {
                return;
            }
            List<Path> dirs = existing(parsed, parsed.versionDirs(), root, config);
            if (!dirs.isEmpty()) {
                addTree(dirs, root, config, null, true);
                return;
            }
            // a location outside the project is only a warning: finding nothing then needs its error
            boolean explained = errors() > errorsBefore;
            // a location filled in by code ({alembic_dir} in jupyterhub): look around the ini
            int before = trees.size();
            Set<InputProblem> seen = new LinkedHashSet<>(problems);
            projectInput(ini.getParent(), root, config);
            if (trees.size() == before) {
                problems.clear();
                problems.addAll(seen);
                if (!explained) {
                    problems.add(new InputProblem(ini, "no versions directory: script_location is missing or unresolvable"));
                }
            }
        }

        private void scriptDirInput(Path script) {
            Path root = inferProjectRoot(script);
            Config config = config(script, root);
            // an ini that points at this script dir may move its versions elsewhere
            for (Path ini : List.of(script.resolve("alembic.ini"), script.getParent().resolve("alembic.ini"))) {
                if (Files.isRegularFile(ini) && confinement.mayRead(ini, root)) {
                    AlembicIni parsed = readIni(ini, root);
                    if (parsed != null && script.equals(parsed.scriptLocation()) && !parsed.versionDirs().isEmpty()) {
                        addTree(existing(parsed, parsed.versionDirs(), root, config), root, config, null, true);
                        return;
                    }
                }
            }
            addTree(List.of(script.resolve("versions")), root, config, null, true);
        }

        /** Trees under {@code dir}, with pins and config of the project at {@code root}. */
        private void projectInput(Path dir, Path root, Config config) {
            if (!config.versions().isEmpty()) {
                for (Path v : config.versions()) {
                    if (!allowed(v, root)) {
                        problems.add(new InputProblem(config.file(), config.lines().getOrDefault("versions", 0),
                                "versions directory outside the project, not read: " + v, true));
                    } else if (Files.isDirectory(v)) {
                        addTree(List.of(v), root, config, null, true);
                    } else {
                        problems.add(new InputProblem(config.file(), config.lines().getOrDefault("versions", 0),
                                VERSIONS_NOT_FOUND + v));
                    }
                }
                return;
            }
            Scan scan = scan(dir, root, config);
            // alembic.ini says what Alembic reads; the layouts only fill in what no ini covers
            List<List<Path>> kept = new ArrayList<>();
            List<InputProblem> notFound = new ArrayList<>();
            List<Path> scriptDirs = new ArrayList<>();
            for (Path ini : scan.inis) {
                AlembicIni parsed = readIni(ini, root);
                if (parsed != null) {
                    // an ini for a deployment (script_location = /usr/share/app/alembic) names a folder
                    // of the machine it is installed on: it is not read (a warning), and the layouts
                    // below find the tree here
                    List<Path> dirs = existing(parsed, parsed.versionDirs(), root, config, notFound::add);
                    if (!dirs.isEmpty() && !kept.contains(dirs)) {
                        kept.add(dirs);
                    }
                    Path script = parsed.scriptLocation() == null ? null
                            : parsed.scriptLocation().toAbsolutePath().normalize();
                    // a script location that is the folder linted itself says nothing about its other folders
                    if (!dirs.isEmpty() && script != null && !script.equals(dir.toAbsolutePath().normalize())) {
                        scriptDirs.add(script);
                    }
                }
            }
            List<Path> guessed = new ArrayList<>();
            for (Path v : scan.versionsDirs) {
                if (scan.envDirs.contains(v.getParent())) {
                    guessed.add(v);
                    if (!v.getParent().toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                        scriptDirs.add(v.getParent().toAbsolutePath().normalize());
                    }
                }
            }
            for (Path d : scan.revisionDirs) {
                // release folders below a versions folder belong to its tree, even without env.py
                Path enclosing = enclosingVersionsDir(d);
                Path tree = enclosing != null && enclosing.startsWith(dir) ? enclosing : d;
                // in a script directory (an ini's script location, a folder of env.py and versions/), Alembic reads
                // its version locations: revision-like files in another folder there (data migrations a script of
                // the project loads one by one) are no chain; a *_versions folder env.py may choose at run time is
                if (revisionsFolder(tree) || scriptDirs.stream().noneMatch(tree.toAbsolutePath().normalize()::startsWith)) {
                    guessed.add(tree);
                }
            }
            for (Path d : guessed) {
                // a folder inside a tree (Neutron's release folders) or above one is that tree
                if (!overlapsAny(kept, d)) {
                    kept.add(List.of(d));
                }
            }
            for (List<Path> locations : kept) {
                addTree(locations, root, config, null, true);
            }
            // an ini found beside the trees whose versions folder is not there (a template, a section the
            // project never runs, a chain with no revision yet, which git does not keep) holds nothing to
            // lint: said, without failing the run that lints the trees that are there
            for (InputProblem q : notFound) {
                problems.add(new InputProblem(q.path(), q.line(), q.message(), !kept.isEmpty()));
            }
            if (kept.isEmpty() && scan.problemCount == 0) {
                problems.add(new InputProblem(dir, "no Alembic versions directory found"));
            }
        }

        /**
         * The locations of {@code dirs} that exist and may be read. One outside the project (absolute,
         * or climbing out with {@code ..} or a symlink) is not read unless the user named it: the ini
         * may come from a pull request, and the folder may be a deployment's; a warning at its line.
         */
        private List<Path> existing(AlembicIni parsed, List<Path> dirs, Path root, Config config) {
            return existing(parsed, dirs, root, config, problems::add);
        }

        /** As above, with a location that is not there given to {@code notFound}. */
        private List<Path> existing(AlembicIni parsed, List<Path> dirs, Path root, Config config,
                Consumer<InputProblem> notFound) {
            Path ini = parsed.file();
            List<Path> out = new ArrayList<>();
            for (Path d : dirs) {
                if (!allowed(d, root)) {
                    problems.add(new InputProblem(ini, parsed.lineOf(d), "version location outside the project, not read: "
                            + d, true));
                } else if (Files.isDirectory(d)) {
                    if (!excluded(config, d)) {
                        out.add(d);
                    }
                } else {
                    notFound.accept(new InputProblem(ini, parsed.lineOf(d), VERSIONS_NOT_FOUND + d));
                }
            }
            return out;
        }

        private AlembicIni readIni(Path ini, Path root) {
            try {
                AlembicIni parsed = AlembicIni.read(ini, root);
                if (parsed != null) {
                    problems.addAll(parsed.problems());
                }
                return parsed;
            } catch (IOException e) {
                problems.add(InputProblem.of(ini, e));
                return null;
            } catch (RuntimeException e) {
                problems.add(new InputProblem(ini, "cannot read: " + e.getMessage()));
                return null;
            }
        }

        /** The settings for {@code start}; with {@code --exclude}, its globs stand for the config's. */
        private Config config(Path start, Path root) {
            Config c = readConfig(start, root);
            return exclude == null || c.exclude().isEmpty() ? c : c.withExclude(List.of());
        }

        private Config readConfig(Path start, Path root) {
            if (configFile != null) {
                Config c = configs.get(configFile);
                if (c == null) {
                    c = Config.read(configFile, configFile.getFileName().toString().equals("pyproject.toml"));
                    configs.put(configFile, c);
                    problems.addAll(c.problems());
                }
                return c;
            }
            Path git = gitRoot(start);
            Path stop = git != null ? git : root;
            if (!start.startsWith(stop)) {
                stop = start;
            }
            Path key = start;
            Config c = configs.get(key);
            if (c == null) {
                Path confinedTo = stop;
                c = Config.find(start, stop, f -> confinement.mayRead(f, confinedTo));
                configs.put(key, c);
                problems.addAll(c.problems());
            }
            return c;
        }

        private void addTree(List<Path> given, Path root, Config config, List<Path> focus, boolean recursive) {
            List<Path> locations = new ArrayList<>();
            for (Path l : given) {
                if (allowed(l, root)) {
                    locations.add(l);
                } else {
                    refuse(l, false);
                }
            }
            if (locations.isEmpty()) {
                return;
            }
            Path key = realPath(locations.get(0));
            Tree t = trees.get(key);
            if (t == null) {
                t = new Tree(locations, root, config, recursive);
                t.focus = focus == null ? null : new TreeSet<>(focus);
                t.recursionDeclared = recursionDeclared(locations, root);
                trees.put(key, t);
            } else if (t.focus != null) {
                if (focus == null) {
                    t.focus = null;
                } else {
                    t.focus.addAll(focus);
                }
                t.recursive |= recursive;
            }
        }

        /** The tree's files, in path order. */
        private Set<Path> list(Tree t) {
            Set<Path> files = new TreeSet<>();
            for (Path location : t.locations) {
                files.addAll(list(location, t.root, t.config, t.recursive));
            }
            return files;
        }

        /** The tree's settings and where they came from, or what went wrong working them out. */
        private void settle(Tree t) {
            try {
                Map<String, PinSource> provenance = new LinkedHashMap<>();
                t.settings = settings(versionsDirOf(t), t.root, t.config, provenance)
                        .withEnvMayAutocommit(EnvScript.mayAutocommit(versionsDirOf(t), t.root,
                                f -> confinement.mayRead(f, t.root)))
                        .withEnvTimeouts(EnvTimeouts.of(versionsDirOf(t), t.root, f -> confinement.mayRead(f, t.root)));
                t.provenance = provenance;
            } catch (RuntimeException e) {
                t.settingsFailure = e;
            }
        }

        private Path versionsDirOf(Tree t) {
            return t.locations.size() == 1 ? t.locations.get(0) : commonAncestor(t.locations);
        }

        /**
         * The tree's targets: one, or, when Alembic would not read its subfolders by itself, one per
         * environment they form ({@link RevisionLinks}); a target none of whose files the user named is
         * dropped.
         */
        private List<LintTarget> build(Tree t, Set<Path> files) {
            List<Path> focus = new ArrayList<>();
            if (t.focus != null) {
                for (Path f : t.focus) {
                    if (Files.isDirectory(f)) {
                        for (Path p : files) {
                            if (p.startsWith(f)) {
                                focus.add(p);
                            }
                        }
                    } else {
                        files.add(f);
                        focus.add(f);
                    }
                }
            }
            focus.sort(null);
            Set<Path> top = new HashSet<>();
            for (Path f : files) {
                if (t.locations.contains(f.getParent())) {
                    top.add(f);
                }
            }
            if (top.size() == files.size() || readsSubfolders(t)) {
                return List.of(new LintTarget(t.root, versionsDirOf(t), List.copyOf(files), t.settings,
                        List.copyOf(focus), t.config, t.provenance));
            }
            List<LintTarget> out = new ArrayList<>();
            for (List<Path> env : RevisionLinks.environments(List.copyOf(files), top)) {
                List<Path> envFocus = focus.stream().filter(env::contains).toList();
                if (t.focus != null && envFocus.isEmpty()) {
                    continue;
                }
                boolean hasTop = env.stream().anyMatch(top::contains);
                Path dir = hasTop ? versionsDirOf(t) : RevisionLinks.commonFolder(env);
                Settings settings = t.settings;
                Map<String, PinSource> provenance = t.provenance;
                String folder = dir.getFileName() == null ? "" : dir.getFileName().toString();
                Optional<Dialect> named = Dialect.fromUrl(folder + "://");
                Optional<String> other = Dialect.unmodelledBackend(folder + "://");
                if (!hasTop && settings != null && t.locations.contains(dir.getParent())
                        && (named.isPresent() || other.isPresent())
                        && overrides.dialect() == null && (t.config == null || t.config.dialect() == null)) {
                    // a folder named for a backend, which env.py picks at run time (Prefect's versions/postgresql and
                    // versions/sqlite): its revisions run on that backend only
                    settings = settings.withDialect(named.orElse(Dialect.POSTGRESQL)).withUnmodelledBackend(other.orElse(null));
                    provenance = new LinkedHashMap<>(provenance);
                    provenance.put("dialect", new PinSource(display(dir, t.root), "versions folder " + folder));
                    if (other.isPresent()) {
                        problems.add(new InputProblem(dir, 0, "backend " + other.get() + " is not modelled (" + display(dir,
                                t.root) + ": versions folder " + folder + "); database rules skipped, graph rules still run",
                                true));
                    }
                }
                out.add(new LintTarget(t.root, dir, env, settings, envFocus, t.config, provenance));
            }
            return out;
        }

        /**
         * Whether Alembic reads the tree's subfolders itself: {@code recursive_version_locations = true}
         * in its alembic.ini, with an Alembic that knows the option (1.10 and later; the pinned one, or
         * any when the pin is unknown).
         */
        private boolean readsSubfolders(Tree t) {
            return t.recursionDeclared && (t.settings == null || t.settings.alembic().atLeast("1.10.0"));
        }

        /**
         * Whether an alembic.ini, or a pyproject.toml's {@code [tool.alembic]} (Alembic 1.16+), at most three
         * folders above a location makes Alembic read it recursively.
         */
        private boolean recursionDeclared(List<Path> locations, Path root) {
            for (Path location : locations) {
                Path d = location.getParent();
                // nothing above the project is read
                for (int i = 0; i < 3 && d != null && d.startsWith(root); i++, d = d.getParent()) {
                    Path ini = d.resolve("alembic.ini");
                    if (Files.isRegularFile(ini) && confinement.mayRead(ini, root)) {
                        AlembicIni parsed = readIni(ini, root);
                        if (parsed != null && parsed.recursiveVersionLocations()
                                && parsed.versionDirs().contains(location)) {
                            return true;
                        }
                    }
                    Path pyproject = d.resolve("pyproject.toml");
                    if (confinement.mayRead(pyproject, root) && AlembicIni.pyprojectRecursive(pyproject, location)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private Settings settings(Path versionsDir, Path root, Config config, Map<String, PinSource> provenance) {
            VersionPins.Pins found = pins.find(versionsDir, root);
            String configName = config.file() == null ? null : display(config.file(), root);
            Version alembic = Version.LATEST;
            String range = null;
            if (overrides.alembic() != null) {
                alembic = overrides.alembic();
                provenance.put("alembic", new PinSource("--alembic-version", alembic.toString()));
            } else if (config.alembic() != null) {
                alembic = config.alembic();
                provenance.put("alembic", new PinSource(configName, config.lines().getOrDefault("alembic-version", 0),
                        "alembic-version = \"" + alembic + "\""));
            } else if (found.alembic() != null) {
                alembic = found.alembic().version();
                provenance.put("alembic", found.alembic().source());
                range = found.alembic().exact() ? null : found.alembic().source().spec();
            }
            Version sqlalchemy = Version.LATEST;
            if (overrides.sqlalchemy() != null) {
                sqlalchemy = overrides.sqlalchemy();
                provenance.put("sqlalchemy", new PinSource("--sqlalchemy-version", sqlalchemy.toString()));
            } else if (config.sqlalchemy() != null) {
                sqlalchemy = config.sqlalchemy();
                provenance.put("sqlalchemy", new PinSource(configName,
                        config.lines().getOrDefault("sqlalchemy-version", 0), "sqlalchemy-version = \"" + sqlalchemy + "\""));
            } else if (found.sqlalchemy() != null) {
                sqlalchemy = found.sqlalchemy().version();
                provenance.put("sqlalchemy", found.sqlalchemy().source());
            }
            int pg = Settings.DEFAULT.postgresMajor();
            if (overrides.postgresMajor() != null) {
                pg = overrides.postgresMajor();
                provenance.put("postgres", new PinSource("--postgres-version", String.valueOf(pg)));
            } else if (config.postgresMajor() != null) {
                pg = config.postgresMajor();
                provenance.put("postgres", new PinSource(configName, config.lines().getOrDefault("postgres-version", 0),
                        "postgres-version = " + pg));
            }
            Backend backend = dialect(versionsDir, root, config, configName, provenance);
            return new Settings(alembic, sqlalchemy, pg, false, range, backend.dialect(), backend.unmodelled(),
                    upgradesHeads(root, config, configName, provenance), null);
        }

        /**
         * Where the project says it deploys with {@code alembic upgrade heads}: the config's {@code upgrade}
         * (whose {@code "head"} says it does not), else the deploy files under the project root when every
         * command found there says {@code heads} ({@link DeployCommands}, read once per root); null otherwise.
         * What states the command, {@code heads} or {@code head}, goes to {@code provenance} as {@code upgrade}.
         */
        private PinSource upgradesHeads(Path root, Config config, String configName, Map<String, PinSource> provenance) {
            if (config.upgrade() != null) {
                PinSource said = new PinSource(configName, config.lines().getOrDefault("upgrade", 0),
                        "upgrade = \"" + config.upgrade() + "\"");
                provenance.put("upgrade", said);
                return config.upgrade().equals("heads") ? said : null;
            }
            if (root == null) {
                return null;
            }
            PinSource found = deploys.computeIfAbsent(root, r -> DeployCommands.deploys(r)
                    .map(u -> new PinSource(u.file(), u.line(), "alembic upgrade " + u.revision()))
                    .orElse(NO_DEPLOY));
            if (found == NO_DEPLOY) {
                return null;
            }
            provenance.put("upgrade", found);
            return found.spec().equals("alembic upgrade heads") ? found : null;
        }

        /** The dialect a tree is linted for, or the backend idemlint does not model that it runs on. */
        private record Backend(Dialect dialect, String unmodelled) {
        }

        /**
         * {@code --dialect}, else the config's {@code dialect}, else the backend env.py picks this folder for
         * ({@code set_main_option("version_locations", f"{backend}_versions")}, {@link EnvUrl#versionsFolder}), else
         * the backend of the URL env.py builds ({@link EnvUrl}), else that of alembic.ini's sqlalchemy.url, else
         * PostgreSQL.
         */
        private Backend dialect(Path versionsDir, Path root, Config config, String configName,
                Map<String, PinSource> provenance) {
            if (overrides.dialect() != null) {
                provenance.put("dialect", new PinSource("--dialect", overrides.dialect().toString()));
                return new Backend(overrides.dialect(), null);
            }
            if (config.dialect() != null) {
                provenance.put("dialect", new PinSource(configName, config.lines().getOrDefault("dialect", 0),
                        "dialect = \"" + config.dialect() + "\""));
                return new Backend(config.dialect(), null);
            }
            // env.py read once: the backend it picks this folder for (f"{database_type}_versions"), else its own URL,
            // the one Alembic connects with, which wins over alembic.ini's
            String folder = versionsDir == null || versionsDir.getFileName() == null ? ""
                    : versionsDir.getFileName().toString();
            EnvFound env = versionsDir == null ? null
                    : nearestEnv(versionsDir, root, text -> EnvUrl.versionsFolder(text, folder).or(() -> EnvUrl.read(text)));
            if (env != null) {
                provenance.put("dialect", new PinSource(env.file(), env.found().line(), env.found().shown()));
                // a backend without facts is linted for its graph only; the parser still reads PostgreSQL's SQL
                return env.found().dialect() != null ? new Backend(env.found().dialect(), null)
                        : new Backend(Dialect.POSTGRESQL, env.found().unmodelled());
            }
            if (versionsDir != null) {
                DatabaseConfig db = DatabaseConfig.read(versionsDir, versionsDir, root);
                Dialect fromUrl = Dialect.fromUrl(db.url()).orElse(null);
                // alembic.ini's sqlite URL is mostly a placeholder (nova's `sqlite:///nova.db`, quay's
                // `sqlite:///will/be/overridden`) for a server-backed deploy: only Oracle and SQL Server count
                String other = fromUrl != null ? null
                        : Dialect.unmodelledBackend(db.url()).filter(b -> !b.equals("sqlite")).orElse(null);
                if (fromUrl != null || other != null) {
                    // only the backend is shown: the URL may carry a password
                    provenance.put("dialect", new PinSource(display(db.ini(), root), "sqlalchemy.url = "
                            + db.url().substring(0, db.url().indexOf("://") + 3) + "..."));
                    return new Backend(fromUrl != null ? fromUrl : Dialect.POSTGRESQL, other);
                }
            }
            return new Backend(Dialect.POSTGRESQL, null);
        }

        private record EnvFound(String file, EnvUrl.Found found) {
        }

        /** What {@code reader} finds in the nearest env.py at or up to three folders above the versions directory. */
        private EnvFound nearestEnv(Path versionsDir, Path root,
                Function<String, Optional<EnvUrl.Found>> reader) {
            Path env = EnvScript.nearest(versionsDir, root);
            if (env == null || !confinement.mayRead(env, root)) {
                return null;
            }
            try {
                return reader.apply(Files.readString(env, StandardCharsets.UTF_8))
                        .map(f -> new EnvFound(display(env, root), f)).orElse(null);
            } catch (IOException | RuntimeException e) {
                // an unreadable env.py names no database
                return null;
            }
        }

        /**
         * The .py files of a tree: those at its top and, when recursive, those of each subfolder
         * that holds a revision somewhere below it (helpers folders without revisions stay out).
         */
        private List<Path> list(Path location, Path root, Config config, boolean recursive) {
            if (Files.exists(location) && !allowed(location, root)) {
                // a versions folder that is, or passes through, a link out of the project (one named on the
                // command line without --follow-links): its revisions are missing from the tree
                refuse(location, true);
                return List.of();
            }
            Map<Path, List<Path>> bySubfolder = new LinkedHashMap<>();
            Set<Path> withRevisions = new LinkedHashSet<>();
            List<Path> top = new ArrayList<>();
            SimpleFileVisitor<Path> visitor = new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(location) && (skipped(dir) || excluded(config, dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile() || !file.getFileName().toString().endsWith(".py")
                            || excluded(config, file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (file.getParent().equals(location)) {
                        top.add(file);
                    } else {
                        Path sub = location.resolve(location.relativize(file).getName(0));
                        List<Path> inSub = bySubfolder.get(sub);
                        if (inSub == null) {
                            inSub = new ArrayList<>();
                            bySubfolder.put(sub, inSub);
                        }
                        inSub.add(file);
                        if (!withRevisions.contains(sub) && isRevisionFile(file)) {
                            withRevisions.add(sub);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            };
            // the project scan has usually walked this tree already: replay what it met instead of
            // asking the file system again (a stat per entry; ~20 ms for 3,700 files)
            int depth = recursive ? SCAN_DEPTH : 1;
            if (replayWalks && replay(location, depth, visitor)) {
                replays++;
            } else {
                walk(location, root, depth, visitor, false);
            }
            List<Path> out = new ArrayList<>(top);
            for (Path sub : withRevisions) {
                out.addAll(bySubfolder.get(sub));
            }
            return out;
        }

        private Scan scan(Path root, Path projectRoot, Config config) {
            Scan scan = new Scan();
            long before = errors();
            walk(root, projectRoot, SCAN_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && (skipped(dir) || excluded(config, dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (dir.getFileName() != null && dir.getFileName().toString().equals("versions")) {
                        scan.versionsDirs.add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    Path parent = file.getParent();
                    if (name.equals("alembic.ini") && root.relativize(parent).getNameCount() <= INI_DEPTH) {
                        scan.inis.add(file);
                    } else if (name.equals("env.py")) {
                        scan.envDirs.add(parent);
                    } else if (name.endsWith(".py") && attrs.isRegularFile() && !scan.revisionDirs.contains(parent)
                            && !excluded(config, file) && isRevisionFile(file)) {
                        scan.revisionDirs.add(parent);
                    }
                    return FileVisitResult.CONTINUE;
                }
            }, true);
            // a warning (a link out of the project not followed) does not explain finding nothing
            scan.problemCount = (int) (errors() - before);
            return scan;
        }

        /**
         * Walks following links; loops and unreadable folders become problems, the walk goes on.
         * Every folder read to its end without a failure is recorded in {@link #listings}. A symlink
         * to a place outside the project ({@link #allowed}) is neither followed nor read, whatever it
         * is named: a folder the visitor would enter, a .py file or an alembic.ini. It is reported
         * ({@link #refuse}): as a warning while the project is searched ({@code searching}), as an
         * error when it is part of a revision tree (the tree is then incomplete).
         */
        private void walk(Path start, Path root, int depth, SimpleFileVisitor<Path> visitor, boolean searching) {
            Map<Path, List<Entry>> open = new HashMap<>();
            Set<Path> failed = new HashSet<>();
            try {
                Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        if (!dir.equals(start) && !skipped(dir) && Files.isSymbolicLink(dir) && !allowed(dir, root)) {
                            recordRefused(open, dir, true);
                            refuse(dir, !searching);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        record(open, dir, true, false);
                        FileVisitResult r = visitor.preVisitDirectory(dir, attrs);
                        if (r == FileVisitResult.CONTINUE) {
                            open.put(dir, new ArrayList<>());
                        }
                        return r;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (!attrs.isDirectory() && readable(file) && Files.isSymbolicLink(file) && !allowed(file, root)) {
                            recordRefused(open, file, false);
                            refuse(file, !searching);
                            return FileVisitResult.CONTINUE;
                        }
                        record(open, file, attrs.isDirectory(), attrs.isRegularFile());
                        if (attrs.isDirectory()) {
                            return FileVisitResult.CONTINUE; // at the depth limit
                        }
                        return visitor.visitFile(file, attrs);
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        if (file.getParent() != null) {
                            failed.add(file.getParent());
                        }
                        if (!skipped(file)) {
                            problems.add(InputProblem.of(file, exc));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                        List<Entry> entries = open.remove(dir);
                        if (exc != null) {
                            problems.add(InputProblem.of(dir, exc));
                        } else if (entries != null && !failed.contains(dir)) {
                            listings.putIfAbsent(dir, List.copyOf(entries));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                problems.add(InputProblem.of(start, e));
            }
        }

        private long errors() {
            return problems.stream().filter(p -> !p.warning()).count();
        }

        /** Whether a walk's visitors read the file: a .py file (a revision?) or an alembic.ini. */
        private static boolean readable(Path file) {
            String name = file.getFileName().toString();
            return name.endsWith(".py") || name.equals("alembic.ini");
        }

        /**
         * Whether {@code p}, links resolved, is inside the project at {@code root} or inside a path the
         * user named: nothing else is read. A pull request controls the files and the alembic.ini, not
         * the command line.
         */
        private boolean allowed(Path p, Path root) {
            return confinement.allowed(p, root);
        }

        /**
         * Reports a symlink that leads out of the project, once: an error when a revision tree holds it
         * (its revisions are missing from the graph), else a warning (met while searching the project).
         */
        private void refuse(Path link, boolean error) {
            String message = Confinement.LINK_OUT;
            InputProblem warning = new InputProblem(link, 0, message, true);
            InputProblem failure = new InputProblem(link, 0, message, false);
            if (error) {
                problems.remove(warning);
                problems.add(failure);
            } else if (!problems.contains(failure)) {
                problems.add(warning);
            }
        }

        /** Records a refused link in its folder's listing, so a replay reports it as the walk did. */
        private static void recordRefused(Map<Path, List<Entry>> open, Path path, boolean directory) {
            List<Entry> entries = path.getParent() == null ? null : open.get(path.getParent());
            if (entries != null) {
                entries.add(new Entry(path, directory, false, true));
            }
        }

        /** Adds {@code path} to its folder's listing when that folder is being read in full. */
        private static void record(Map<Path, List<Entry>> open, Path path, boolean directory, boolean regular) {
            List<Entry> entries = path.getParent() == null ? null : open.get(path.getParent());
            if (entries != null) {
                entries.add(new Entry(path, directory, regular, false));
            }
        }

        /**
         * What {@link #walk} would show {@code visitor} from {@code start} to {@code depth}, replayed
         * from {@link #listings}: true if every folder the visitor enters was recorded (then the
         * visitor has seen it all), false without a single visit otherwise. A dry run asks the
         * visitor's {@code preVisitDirectory} (which must have no side effects) which folders it
         * would enter before anything is visited.
         */
        private boolean replay(Path start, int depth, SimpleFileVisitor<Path> visitor) {
            try {
                if (!replay(start, 0, depth, visitor, true)) {
                    return false;
                }
                replay(start, 0, depth, visitor, false);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private boolean replay(Path dir, int level, int depth, SimpleFileVisitor<Path> visitor, boolean dry)
                throws IOException {
            if (visitor.preVisitDirectory(dir, Entry.DIRECTORY) != FileVisitResult.CONTINUE) {
                return true; // not entered (node_modules, an excluded folder): nothing to replay
            }
            List<Entry> entries = listings.get(dir);
            if (entries == null) {
                return false;
            }
            for (Entry e : entries) {
                if (e.refused()) {
                    // a tree's listing (the only walk replayed) reports a link out of the project as an error
                    boolean entered = e.directory() && level + 1 < depth
                            && visitor.preVisitDirectory(e.path(), Entry.DIRECTORY) == FileVisitResult.CONTINUE;
                    if (!dry && (entered || !e.directory() && e.path().toString().endsWith(".py"))) {
                        refuse(e.path(), true);
                    }
                } else if (e.directory() && level + 1 < depth) {
                    if (!replay(e.path(), level + 1, depth, visitor, dry)) {
                        return false;
                    }
                } else if (!e.directory() && !dry) {
                    visitor.visitFile(e.path(), e);
                }
            }
            return true;
        }
    }

    /**
     * One entry of a folder as a walk met it (links followed, or {@code refused}: a link out of the
     * project), standing in for its attributes when the walk is replayed; only the kind is known.
     */
    private record Entry(Path path, boolean directory, boolean regular, boolean refused) implements BasicFileAttributes {
        static final Entry DIRECTORY = new Entry(null, true, false, false);

        @Override
        public boolean isDirectory() {
            return directory;
        }

        @Override
        public boolean isRegularFile() {
            return regular;
        }

        @Override
        public boolean isSymbolicLink() {
            return false;
        }

        @Override
        public boolean isOther() {
            return !directory && !regular;
        }

        @Override
        public FileTime lastModifiedTime() {
            throw new UnsupportedOperationException("a replayed walk knows only the entry's kind");
        }

        @Override
        public FileTime lastAccessTime() {
            throw new UnsupportedOperationException("a replayed walk knows only the entry's kind");
        }

        @Override
        public FileTime creationTime() {
            throw new UnsupportedOperationException("a replayed walk knows only the entry's kind");
        }

        @Override
        public long size() {
            throw new UnsupportedOperationException("a replayed walk knows only the entry's kind");
        }

        @Override
        public Object fileKey() {
            return null;
        }
    }

    private static final class Scan {
        final Set<Path> inis = new TreeSet<>();
        final Set<Path> envDirs = new TreeSet<>();
        final Set<Path> versionsDirs = new TreeSet<>();
        final Set<Path> revisionDirs = new TreeSet<>();
        int problemCount;
    }

    private static final class Tree {
        final List<Path> locations;
        final Path root;
        final Config config;
        /** Whether subfolders holding revisions are listed (false for a lone file's folder). */
        boolean recursive;
        /** Whether an alembic.ini governing the tree says {@code recursive_version_locations = true}. */
        boolean recursionDeclared;
        /** null = report every file; otherwise files or folders to report on. */
        Set<Path> focus;
        final Path versionsDir;
        /** Worked out on the pool's worker while the files are listed (see Run.discover). */
        Settings settings;
        Map<String, PinSource> provenance;
        RuntimeException settingsFailure;

        Tree(List<Path> locations, Path root, Config config, boolean recursive) {
            this.locations = List.copyOf(locations);
            this.root = root;
            this.config = config;
            this.recursive = recursive;
            this.versionsDir = locations.get(0);
        }
    }

    private static boolean skipped(Path dir) {
        Path name = dir.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString();
        if (n.equals("target") && Files.exists(dir.resolveSibling("pom.xml"))) {
            return true; // Maven output: copies of test resources
        }
        return SKIP_DIRS.contains(n) || (n.startsWith(".") && n.length() > 1 && !n.equals(".."));
    }

    private static boolean hasRevisionFiles(Path dir) {
        Path real = realPath(dir);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                // a link out of the folder is not read (a walk of the tree reports it)
                if (p.toString().endsWith(".py") && Files.isRegularFile(p)
                        && !(Files.isSymbolicLink(p) && !realPath(p).startsWith(real)) && isRevisionFile(p)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code d} is inside, or holds, a location of one of the {@code kept} trees. */
    private static boolean overlapsAny(List<List<Path>> kept, Path d) {
        for (List<Path> locations : kept) {
            for (Path k : locations) {
                if (d.startsWith(k) || k.startsWith(d)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The nearest folder named versions at or above {@code dir} (three levels at most). */
    private static Path enclosingVersionsDir(Path dir) {
        Path d = dir;
        for (int i = 0; i < 4 && d != null; i++, d = d.getParent()) {
            Path name = d.getFileName();
            if (name != null && name.toString().equals("versions")) {
                return d;
            }
        }
        return null;
    }

    static Path gitRoot(Path start) {
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return null;
    }

    /**
     * The project a path belongs to: the git root when there is one; otherwise the farthest of the
     * six nearest ancestors that holds a project file (pyproject.toml, requirements.txt,
     * alembic.ini, a lock...), else the path itself.
     */
    static Path inferProjectRoot(Path start) {
        Path git = gitRoot(start);
        if (git != null) {
            return git;
        }
        Path best = start;
        Path d = start;
        for (int i = 0; i <= 6 && d != null; i++, d = d.getParent()) {
            for (String marker : PROJECT_MARKERS) {
                if (Files.exists(d.resolve(marker))) {
                    best = d;
                    break;
                }
            }
        }
        return best;
    }

    private static Path realPath(Path p) {
        return Confinement.realPath(p);
    }

    private static Path commonAncestor(List<Path> paths) {
        Path common = paths.get(0);
        for (Path p : paths) {
            while (common != null && !p.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common == null ? paths.get(0) : common;
    }

    private static String display(Path file, Path root) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }
}
