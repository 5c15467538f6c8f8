package dev.idemlint.discovery;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How a project runs its migrations, read from the files its deploy runs: the revision it passes to
 * {@code alembic upgrade}. Alembic's {@code upgrade head} refuses a graph with several heads ("Multiple head
 * revisions are present"); {@code upgrade heads} applies every head (Weasyl's docker-compose runs
 * {@code alembic upgrade heads} on ten heads by design). Read are Dockerfiles and Containerfiles, compose
 * files, shell scripts, Procfiles, Makefiles and justfiles, YAML (CI workflows, Helm and Kubernetes
 * manifests), fly.toml, app.json, tox.ini, pyproject.toml, package.json and Python files outside tests;
 * forms are {@code alembic [-c x.ini] upgrade heads}, the exec form {@code ["alembic", "upgrade", "heads"]},
 * {@code command.upgrade(cfg, "heads")} (or {@code revision="heads"}) and Flask-Migrate's {@code db upgrade},
 * whose default is {@code head}. A revision given by a variable says nothing.
 *
 * <p>Every file is hostile input: symbolic links are not followed (a linked file is read only when it is a
 * regular file inside the root), the walk is bounded in depth and files, each file is read to
 * {@link #MAX_BYTES} at most, a file holding a NUL byte is binary and skipped, {@link #read} lists
 * {@link #MAX_USES} uses at most and {@link #deploys} keeps none, and the matching is one linear pass per line
 * with no regular expression. Nothing is thrown: what cannot be read states nothing.
 */
public final class DeployCommands {
    /** One {@code upgrade} found: the file relative to the project root, its 1-based line, {@code head} or {@code heads}. */
    public record Use(String file, int line, String revision) {
        public boolean heads() {
            return revision.equals("heads");
        }
    }

    static final int MAX_DEPTH = 6;
    static final int MAX_FILES = 600;
    /** Entries a walk visits at most: a checkout of a million files is not listed to its end. */
    static final int MAX_ENTRIES = 100_000;
    static final int MAX_BYTES = 256 * 1024;
    /** Uses {@link #read} lists at most: 600 files of {@code upgrade head} lines would be millions. */
    static final int MAX_USES = 1_000;
    private static final int WINDOW = 200;
    private static final Set<String> SKIP = Set.of("tests", "test", "testing", "docs", "doc", "versions",
            "examples", "fixtures");
    private static final Set<String> NAMES = Set.of("procfile", "makefile", "gnumakefile", "justfile", "fly.toml",
            "app.json", "tox.ini", "pyproject.toml", "package.json", "containerfile");

    private DeployCommands() {
    }

    /**
     * The use that states how the project under {@code root} deploys: the first one found when every command
     * found says {@code heads}, else the first that says {@code head}; empty when none is found.
     */
    public static Optional<Use> deploys(Path root) {
        Use[] first = new Use[1];
        Use[] head = new Use[1];
        each(root, u -> {
            if (first[0] == null) {
                first[0] = u;
            }
            if (!u.heads()) {
                head[0] = u;
                return false; // the first head decides: no later use changes the answer
            }
            return true;
        });
        return Optional.ofNullable(head[0] != null ? head[0] : first[0]);
    }

    /**
     * Every {@code alembic upgrade head}/{@code heads} found under {@code root} (the first {@link #MAX_USES}): in
     * the deploy files, then in Python files, each in path order.
     */
    public static List<Use> read(Path root) {
        List<Use> out = new ArrayList<>();
        each(root, u -> {
            out.add(u);
            return out.size() < MAX_USES;
        });
        return out;
    }

    /** Hands each use found under {@code root}, in {@link #read}'s order, to {@code sink} until it returns false. */
    private static void each(Path root, Predicate<Use> sink) {
        if (root == null || !Files.isDirectory(root) || versionsFolder(root)) {
            return;
        }
        Path realRoot = Confinement.realPath(root);
        List<Path> candidates = new ArrayList<>();
        int[] visited = new int[1];
        try {
            // no FOLLOW_LINKS: a linked folder is not entered; a linked file is read only when it stays inside
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (dir.equals(root)) {
                                return FileVisitResult.CONTINUE;
                            }
                            String n = dir.getFileName().toString();
                            boolean hidden = n.startsWith(".") && !n.equals(".github");
                            return hidden || Discovery.SKIP_DIRS.contains(n) || SKIP.contains(n.toLowerCase(Locale.ROOT))
                                    || n.endsWith("_versions") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            // a link to a FIFO or a device would block the read or never end: regular files only
                            if (deployFile(root.relativize(file)) && (attrs.isRegularFile()
                                    || attrs.isSymbolicLink() && Confinement.realPath(file).startsWith(realRoot)
                                    && Files.isRegularFile(file))) {
                                candidates.add(file);
                            }
                            return ++visited[0] < MAX_ENTRIES ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // what was listed is read; an unreadable project states no command
        }
        // the files only a deploy runs first, then Python; each kind in path order, so the files read under
        // the cap do not depend on the order the file system lists them in
        candidates.sort(Comparator.comparing((Path f) -> f.toString().endsWith(".py"))
                .thenComparing(Comparator.naturalOrder()));
        List<Path> read = candidates.subList(0, Math.min(MAX_FILES, candidates.size()));
        for (Path f : read) {
            String text = text(f);
            if (text != null && !scan(text, root.relativize(f).toString().replace(File.separatorChar, '/'), sink)) {
                return;
            }
        }
    }

    /**
     * Whether {@code root} is a versions folder, skipped below a project root and so also as the root itself:
     * a tree linted with no project around it (no project marker or repository up its path) has its own
     * folder as the project root, and its revisions deploy nothing.
     */
    private static boolean versionsFolder(Path root) {
        return Discovery.revisionsFolder(root.toAbsolutePath().normalize());
    }

    /** Whether a file at {@code rel} (relative to the root) may hold a deploy command. */
    static boolean deployFile(Path rel) {
        String name = rel.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith("lock.yaml") || name.endsWith("lock.yml")) {
            return false; // pnpm-lock.yaml and the like: large, generated, never a command
        }
        if (NAMES.contains(name) || name.startsWith("dockerfile") || name.endsWith(".dockerfile")
                || name.startsWith("containerfile") || name.startsWith("procfile") || name.endsWith(".mk")
                || name.endsWith(".sh") || name.endsWith(".yml") || name.endsWith(".yaml")) {
            return true;
        }
        return name.endsWith(".py") && !name.startsWith("test_") && !name.endsWith("_test.py")
                && !name.equals("conftest.py");
    }

    /**
     * The file's first {@link #MAX_BYTES} as text, or null when it cannot be read, is binary or never says
     * {@code upgrade}. Read as ISO-8859-1: every form matched is ASCII, and a byte is a char.
     */
    static String text(Path file) {
        byte[] buf;
        try (InputStream in = Files.newInputStream(file)) {
            buf = in.readNBytes(MAX_BYTES);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (byte b : buf) {
            if (b == 0) {
                return null;
            }
        }
        String text = new String(buf, StandardCharsets.ISO_8859_1);
        return text.contains("upgrade") ? text : null;
    }

    /**
     * The uses in {@code text}, added to {@code out}: each {@code upgrade} found by one pass over the text, read
     * on its own line unless the line is a comment ({@code #}). Linear: the lines are counted as the pass goes.
     */
    static void scan(String text, String file, List<Use> out) {
        scan(text, file, u -> out.add(u));
    }

    /** {@link #scan(String, String, List)}, each use to {@code sink}; false when the sink asked to stop. */
    private static boolean scan(String text, String file, Predicate<Use> sink) {
        int line = 1;
        int lineStart = 0;
        int counted = 0;
        int lastLine = -1;
        int to = 0;
        boolean comment = false;
        for (int at = text.indexOf("upgrade"); at >= 0; at = text.indexOf("upgrade", at + 7)) {
            for (; counted < at; counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                    lineStart = counted + 1;
                }
            }
            if (line != lastLine) {
                lastLine = line;
                int lineEnd = text.indexOf('\n', at);
                to = lineEnd < 0 ? text.length() : lineEnd;
                int i = lineStart;
                while (i < to && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                comment = i < to && text.charAt(i) == '#';
            }
            if (comment) {
                continue;
            }
            String revision = use(text, lineStart, at, to);
            if (revision != null && !sink.test(new Use(file, line, revision))) {
                return false;
            }
        }
        return true;
    }

    /** The revision of the {@code upgrade} at {@code at} on the line {@code from}..{@code to}, or null. */
    private static String use(String s, int from, int at, int to) {
        if (at > from && Character.isLetterOrDigit(s.charAt(at - 1))
                || at + 7 < to && (Character.isLetterOrDigit(s.charAt(at + 7)) || s.charAt(at + 7) == '_')) {
            return null;
        }
        // each use is read within a window of its own, so a line of many `upgrade`s stays linear
        int end = Math.min(to, at + WINDOW);
        return at + 7 < end && s.charAt(at + 7) == '(' ? callRevision(s, at + 8, end) : commandRevision(s, from, at, end);
    }

    /** {@code upgrade(cfg, "heads")} or {@code upgrade(cfg, revision="heads")}: the second argument's literal. */
    private static String callRevision(String s, int i, int to) {
        int depth = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth-- == 0) {
                    return null;
                }
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        i = skipSpace(s, i + 1, to);
        if (s.startsWith("revision", i)) {
            i = skipSpace(s, i + 8, to);
            if (i >= to || s.charAt(i) != '=') {
                return null;
            }
            i = skipSpace(s, i + 1, to);
        }
        if (i >= to || s.charAt(i) != '"' && s.charAt(i) != '\'') {
            return null; // a variable: decided at run time
        }
        char q = s.charAt(i);
        String word = word(s, i + 1, to);
        return word != null && i + 1 + word.length() < to && s.charAt(i + 1 + word.length()) == q ? word : null;
    }

    /**
     * {@code alembic upgrade heads}, {@code upgrade --sql head}, {@code "upgrade", "heads"}: the word after
     * {@code upgrade} and its options. Flask-Migrate's {@code db upgrade} with no revision upgrades to head.
     */
    private static String commandRevision(String s, int from, int at, int to) {
        int i = at + 7;
        for (int options = 0; options < 4; options++) {
            i = skipSeparators(s, i, to);
            if (i < to && s.charAt(i) == '-') {
                while (i < to && !isSeparator(s.charAt(i))) {
                    i++;
                }
            } else {
                break;
            }
        }
        String word = word(s, i, to);
        if (word != null) {
            return word;
        }
        boolean ended = i >= to || "&;|)".indexOf(s.charAt(i)) >= 0;
        return ended && precededByDb(s, from, at) ? "head" : null;
    }

    private static boolean precededByDb(String s, int from, int at) {
        int j = at - 1;
        while (j >= from && Character.isWhitespace(s.charAt(j))) {
            j--;
        }
        return j - 1 >= from && s.startsWith("db", j - 1) && (j - 2 < from || Character.isWhitespace(s.charAt(j - 2)));
    }

    /** {@code head} or {@code heads} at {@code i}, ending the word; else null. */
    private static String word(String s, int i, int to) {
        for (String w : List.of("heads", "head")) {
            int e = i + w.length();
            if (e <= to && s.startsWith(w, i) && (e == to || !isWordChar(s.charAt(e)))) {
                return w;
            }
        }
        return null;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '-' || c == '+' || c == '.' || c == ':';
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == ',';
    }

    private static int skipSeparators(String s, int i, int to) {
        while (i < to && isSeparator(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String s, int i, int to) {
        while (i < to && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
