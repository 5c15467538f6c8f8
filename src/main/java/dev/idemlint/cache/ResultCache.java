package dev.idemlint.cache;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.fix.AtomicWriter;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ProjectReads;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.FileMemo;
import dev.idemlint.rule.LintResult;
import dev.idemlint.rule.SourceReader;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.source.Background;
import dev.idemlint.source.FileStamp;
import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The result cache: a versions tree's findings, stored under a key made of everything they depend on
 * and read back while that is unchanged. Linting a tree reads its files anyway; a hit costs that read,
 * one hash over the bytes and the decoding of the findings, where a miss parses, models and checks
 * every revision. The key covers every file of the tree (the graph, the schema timeline and the project
 * rules read them all), so changing one revision re-lints its tree; the other trees of the run still hit.
 *
 * <p>Every input is hostile, the cache directory included: a pull request can commit a crafted
 * {@code .idemlint_cache/}. So an entry is named by a keyed hash (SipHash) of its inputs under the
 * directory's secret key and is only ever looked up by that name: nobody without the key can name the
 * entry a run will read. That key counts only in the file it was written to: the key file records its
 * own file identity (device and inode), which a checkout, a copy or a restore from an archive does not
 * keep, so a key that came with the directory is replaced and every entry named under it becomes a
 * miss. A CRC-32C over the entry finds damage. Nothing is followed through a symbolic link unless the user named the directory. Entries are
 * written to a temporary file and renamed into place, so concurrent runs read an old entry, a new
 * one, or none; never a mix.
 *
 * <p>The cache stays about the size of what the project needs now. An entry is stored under a slot
 * named by the keyed hash of what does not change from edit to edit (the tree's place, settings,
 * config, naming convention, rules, build and whether the run lints a subset of its files; for a
 * revision's own entry, also its path), and holds the key of everything it depends on, which a read
 * checks: a changed tree's new findings replace the old ones in their slot, as a changed revision's
 * model replaces its old one. What no slot of a current run names any more (a deleted revision's
 * model, entries of an older build or other settings) is {@link Store#sweep swept} once it has not
 * been used for {@link #UNUSED_FOR}: a read refreshes an entry's modification time when it is older than a
 * day, and a run that stores a tree's findings sweeps, at most once a day, the entries older than that.
 */
public final class ResultCache {
    /** The directory's name in the project root, as Ruff keeps {@code .ruff_cache}. */
    public static final String DIR_NAME = ".idemlint_cache";
    /** The environment variable naming the directory (as {@code --cache-dir} does). */
    public static final String ENV = "IDEMLINT_CACHE_DIR";

    private static final byte[] MAGIC = "IDLCACHE".getBytes(StandardCharsets.US_ASCII);
    /** Bumped whenever the entry layout or what the key covers changes. */
    private static final int FORMAT = 8;
    private static final String KEY_FILE = "signing-key";
    private static final String KEY_HEADER = "idemlint cache signing key " + FORMAT;
    /** Larger than any tree's findings; a bigger file is not read. */
    private static final long MAX_ENTRY = 1L << 30;
    /** The entry's CRC-32C, which finds damage (a torn write, a bit flipped on disk); trust is the name's. */
    private static final int CHECK = 4;
    /** The standard signature (https://bford.info/cachedir/): backup and archiving tools skip the directory. */
    static final String CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n"
            + "# This file is a cache directory tag created by idemlint.\n"
            + "# For information about cache directory tags, see:\n"
            + "#\thttps://bford.info/cachedir/\n";
    /** Findings whose text depends on more than the key holds: such a result is not stored. */
    private static final Set<String> UNCACHEABLE = Set.of(BuiltinChecks.INTERNAL_ERROR, BuiltinChecks.IO_ERROR,
            // its fix renumbers the newer file, which git history decides (graph/FileAge)
            "duplicate-revision-id");

    /** Whether {@code found} holds no finding of {@link #UNCACHEABLE}. */
    private static boolean cacheable(List<Diagnostic> found) {
        return found.stream().noneMatch(d -> UNCACHEABLE.contains(d.rule()));
    }

    /**
     * The smallest tree whose revisions get entries of their own (models and per-file findings). On the
     * equal-work set (trees of 34-68 revisions) a run with one changed revision took as long reading
     * its tree's stored models as parsing them, and the first run writing them 1.7 times as long; in a
     * tree of 3,660 revisions it took 38% less CPU (bench/NOTES.md). The system property
     * {@code idemlint.cache.modelMinFiles} sets another size (tests use 1).
     */
    static final int MODEL_MIN_FILES = 1000;

    /** How long an entry stays when no run reads or writes it (a deleted revision's model, an older build's entries). */
    static Duration UNUSED_FOR = Duration.ofDays(7);
    /** How often a directory is swept, and how stale a modification time a read refreshes. */
    static Duration SWEEP_EVERY = Duration.ofDays(1);
    /** A temporary file this old is a write that died (a live write renames its file within seconds). */
    private static final Duration STALE_TEMPORARY = Duration.ofDays(1);
    /** The file whose modification time tells when the directory was last swept. */
    private static final String SWEPT = "last-sweep";

    private final Path named;
    private final String tool;
    private final Set<String> rules;
    private final int modelMinFiles;
    private final Map<Path, Store> stores = new HashMap<>();
    /** The files' bytes and digests a resident process kept from its earlier runs, or null. */
    private ContentMemo contents;

    private ResultCache(Path named, String tool, Set<String> rules) {
        this.named = named;
        this.tool = tool;
        this.rules = rules;
        this.modelMinFiles = Integer.getInteger("idemlint.cache.modelMinFiles", MODEL_MIN_FILES);
    }

    /**
     * A cache for one run: in {@code named} when the user named a directory ({@code --cache-dir},
     * {@value #ENV}), else in each tree's project root. {@code tool} identifies the build
     * ({@link #build}), {@code rules} are the rules the linter runs.
     */
    public static ResultCache forRun(Path named, String tool, Set<String> rules) {
        return new ResultCache(named, tool, Set.copyOf(rules));
    }

    /** This cache, taking each unchanged file's bytes and digest from {@code memo} and keeping the others' there. */
    public ResultCache withContents(ContentMemo memo) {
        this.contents = memo;
        return this;
    }

    /**
     * The version and, for a jar, its path, size and modification time; for a module linked into a runtime
     * image (the wheel's and the tarball's), the image's path and its modules file's size and modification
     * time (the image is made whole by each build, and walking it costs a small run 60 ms); for a classes
     * directory (a build in progress) the names, sizes and times of every file in it, since the version
     * string does not change between builds of one version.
     */
    public static String build(Class<?> anchor, String version) {
        StringBuilder sb = new StringBuilder(version);
        try {
            URI location = anchor.getProtectionDomain().getCodeSource().getLocation().toURI();
            if ("jrt".equals(location.getScheme())) {
                Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
                return sb.append('\n').append(location).append('\n').append(modules).append('\n')
                        .append(Files.size(modules)).append('\n')
                        .append(Files.getLastModifiedTime(modules).toMillis()).toString();
            }
            Path where = Path.of(location);
            sb.append('\n').append(where);
            if (Files.isRegularFile(where)) {
                sb.append('\n').append(Files.size(where)).append('\n').append(Files.getLastModifiedTime(where).toMillis());
            } else if (Files.isDirectory(where)) {
                List<String> entries = new ArrayList<>();
                Files.walkFileTree(where, new SimpleFileVisitor<Path>() {
                    @Override
                    public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                        entries.add(where.relativize(p) + " " + a.size() + " " + a.lastModifiedTime().toMillis());
                        return FileVisitResult.CONTINUE;
                    }
                });
                Collections.sort(entries);
                byte[] listing = String.join("\n", entries).getBytes(StandardCharsets.UTF_8);
                sb.append('\n').append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(listing)));
            }
        } catch (Exception e) {
            // no location to tell builds apart: a random identity, so nothing is ever shared
            sb.append('\n').append(new SecureRandom().nextLong());
        }
        return sb.toString();
    }

    /** The cache directory for a tree of {@code projectRoot}. */
    Path dirFor(LintTarget target) {
        return named != null ? named : target.projectRoot().resolve(DIR_NAME);
    }

    /**
     * The cache's view of one tree: its findings when the cache holds them ({@link Probe#hit}), else a
     * {@link Probe#store} for what the linter finds. Null when the tree cannot be cached (a file that
     * cannot be read: its finding's wording comes from the system).
     */
    public Probe probe(LintTarget target, Function<Path, String> display) {
        Probe p = keyed(target, display);
        if (p != null) {
            p.read();
        }
        return p;
    }

    /** A tree's files read and hashed into its key; its entry not yet read. Null as for {@link #probe}. */
    private Probe keyed(LintTarget target, Function<Path, String> display) {
        Store store;
        byte[] signing;
        // the directory and its key are made once, by the first of the trees probed at once that needs them
        synchronized (stores) {
            store = stores.get(dirFor(target));
            if (store == null) {
                store = new Store(dirFor(target), named != null);
                stores.put(dirFor(target), store);
            }
            signing = store.disabled ? null : store.signingKey();
        }
        if (signing == null) {
            return null;
        }
        List<Path> files = target.lintedFiles();
        byte[][] bytes = new byte[files.size()][];
        byte[][] digests = new byte[files.size()][];
        String context = context(target, target.focus());
        String naming = canonicalOnce(NamingConvention.of(target));
        String place = tool + "\n" + context(target, target.focus().isEmpty()) + "\n" + naming;
        SipHash md = new SipHash(signing).piece("idemlint result cache key " + FORMAT).piece(tool).piece(context)
                .piece(naming).piece(String.valueOf(files.size()));
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            FileStamp stamp = contents == null ? null : contents.stamp(p);
            ContentMemo.Kept kept = stamp == null ? null : contents.find(p, stamp, signing);
            if (kept != null) {
                bytes[i] = kept.bytes();
                digests[i] = kept.digest();
            } else {
                try {
                    bytes[i] = SourceReader.readBytes(p);
                } catch (IOException | RuntimeException | OutOfMemoryError e) {
                    return null;
                }
                // each file's bytes hashed once, under the secret key: the tree's key and the file's own
                // (Models) are made from that
                digests[i] = new SipHash(signing).piece(bytes[i]).finish();
                if (contents != null) {
                    contents.keep(p, stamp, signing, bytes[i], digests[i]);
                }
            }
            md.piece(p.toString()).piece(display.apply(p)).piece(target.reports(p) ? "report" : "context")
                    .piece(digests[i]);
        }
        Tree tree = new Tree(files, bytes, digests);
        byte[] slot = new SipHash(signing).piece("idemlint tree slot " + FORMAT).piece(place).finish();
        return new Probe(store, slot, md.finish(), tree, files.size() < modelMinFiles ? null
                : new Models(store, signing, tool + "\n" + context + "\n" + naming, place, target, display, tree));
    }

    /**
     * {@link #probe} of each target, in their order, on this thread and the pool's workers at once: reading,
     * hashing and decoding one tree's entry needs nothing of another's, and a run over many trees with a
     * warm cache is mostly that; and the run's report as an earlier run printed it when that run had the same
     * trees (every tree's key) and {@code options} (everything besides the trees the report and exit
     * status depend on; null: no report is replayed or recorded). When there is one, no tree's entry is
     * read: decoding the findings and rendering the report again was 14% of a warm run's CPU on the
     * equal-work set (bench/NOTES.md).
     */
    public Run probeAll(List<LintTarget> targets, Function<Path, String> display, List<Object> options) {
        Probe[] probes = new Probe[targets.size()];
        Background.forEachIndex(targets.size(), i -> probes[i] = keyed(targets.get(i), display));
        Run run = new Run(Arrays.asList(probes), options == null ? null : tool + "\n" + canonical(options));
        if (run.replay() == null) {
            Background.forEachIndex(targets.size(), i -> {
                if (probes[i] != null) {
                    probes[i].read();
                }
            });
        }
        return run;
    }

    /**
     * A run's trees, and the report it printed, kept in the first tree's cache directory. The report is
     * kept in one slot per set of options (and tool): a run with other trees overwrites it, so replaced
     * reports do not pile up. Its contents are checked against the key of every tree (each covering
     * everything its findings depend on), so a replay prints what the linter would print.
     */
    public static final class Run {
        private final List<Probe> probes;
        private final Store store;
        private final byte[] slot;
        private final byte[] contents;
        private final Replay replay;

        Run(List<Probe> probes, String options) {
            this.probes = probes;
            if (options == null || probes.isEmpty() || probes.contains(null)) {
                store = null;
                slot = contents = null;
                replay = null;
                return;
            }
            store = probes.get(0).store;
            byte[] signing = store.signingKey();
            slot = new SipHash(signing).piece("idemlint report slot " + FORMAT).piece(options).finish();
            SipHash md = new SipHash(signing).piece("idemlint report " + FORMAT).piece(options)
                    .piece(String.valueOf(probes.size()));
            for (Probe p : probes) {
                md.piece(p.key);
            }
            contents = md.finish();
            replay = read();
            if (replay != null) {
                // the trees' entries are not read: their slots are kept as used, or a sweep would take them
                for (Probe p : probes) {
                    store.touch(p.slot);
                }
            }
        }

        private Replay read() {
            // a run after a change finds the slot holding another run's report: told by its first bytes
            if (!store.startsWith(slot, contents)) {
                return null;
            }
            Store.Entry e = store.entry(slot, slot);
            int head = contents.length + 4;
            if (e == null || e.length() < head
                    || !Arrays.equals(e.data(), e.offset(), e.offset() + contents.length, contents, 0, contents.length)) {
                return null;
            }
            try {
                EntryCodec.In in = new EntryCodec.In(e.data(), e.offset() + contents.length, e.length() - contents.length);
                int status = in.i32();
                if (!new ProjectReads.Check().holds(EntryCodec.reads(in))) {
                    return null; // a module a tree's models read, or looked for, is not as it was
                }
                int at = in.position();
                return new Replay(e.data(), at, e.offset() + e.length() - at, status);
            } catch (EntryCodec.Malformed ex) {
                return null;
            }
        }

        public List<Probe> probes() {
            return probes;
        }

        /** The report and exit status an earlier run with these trees and options printed, or null. */
        public Replay replay() {
            return replay;
        }

        /** Whether {@link #record} can keep this run's report: every tree was probed and nothing was replayed. */
        public boolean recording() {
            return contents != null && replay == null;
        }

        /**
         * Keeps the report this run printed, when every tree's result was one the cache keeps (a result
         * that depends on more than its key, {@link #UNCACHEABLE}, is linted again in every run, and so is
         * the report).
         */
        public void record(List<byte[]> report, int status) {
            if (!recording()) {
                return;
            }
            if (!probes.stream().allMatch(p -> p.kept)) {
                return;
            }
            EntryCodec.Out head = new EntryCodec.Out();
            head.bytes(contents, contents.length);
            head.i32(status);
            EntryCodec.reads(head, ProjectReads.union(probes.stream().map(p -> p.reads).toList()));
            store.write(slot, slot, head.toArray(), report);
        }
    }

    /** A report as printed: {@code length} bytes of {@code data} from {@code offset}, and the run's exit status. */
    public record Replay(byte[] data, int offset, int length, int status) {
    }

    /**
     * A tree's per-file entries: each revision's model and per-file findings, keyed by everything they
     * depend on (the file's bytes, path and shown path, whether it is reported, the settings, config,
     * naming convention, rules and build), not by the other files of its tree.
     */
    static final class Models implements FileMemo {
        private final Store store;
        private final byte[] signing;
        /**
         * The keyed hash of what every revision's key shares (build, settings, config, naming): made once
         * per tree, where hashing that text for each revision was 3.5% of a run with one changed revision
         * in a tree of 3,660.
         */
        private final byte[] context;
        /** The same for every revision's slot: what {@link #context} holds but the exact files a run lints, and the build. */
        private final byte[] place;
        private final LintTarget target;
        private final Function<Path, String> display;
        private final Tree tree;
        /** The project files the stored models read, asked once a run however many models read them. */
        private final ProjectReads.Check check = new ProjectReads.Check();

        Models(Store store, byte[] signing, String context, String place, LintTarget target,
                Function<Path, String> display, Tree tree) {
            this.store = store;
            this.signing = signing;
            this.context = new SipHash(signing).piece("idemlint model cache context " + FORMAT).piece(context).finish();
            this.place = new SipHash(signing).piece("idemlint model slot context " + FORMAT).piece(place).finish();
            this.target = target;
            this.display = display;
            this.tree = tree;
        }

        private byte[] key(int i, String shown) {
            return revision("idemlint model cache key " + FORMAT, context, i, shown).piece(tree.digests[i]).finish();
        }

        /** The revision's slot: its key without its bytes, so a changed revision's entry replaces the old one. */
        private byte[] slot(int i, String shown) {
            return revision("idemlint model slot " + FORMAT, place, i, shown).finish();
        }

        /** A hash, under the signing key, of {@code domain}, {@code scope} and revision {@code i}'s path, name and role. */
        private SipHash revision(String domain, byte[] scope, int i, String shown) {
            return new SipHash(signing).piece(domain).piece(scope).piece(tree.files.get(i).toString()).piece(shown)
                    .piece(target.reports(tree.files.get(i)) ? "report" : "context");
        }

        @Override
        public Kept find(Path file) {
            int i = tree.indexOf(file);
            if (i < 0) {
                return null;
            }
            String shown = display.apply(file);
            Store.Entry e = store.entry(slot(i, shown), key(i, shown));
            if (e == null) {
                return null;
            }
            try {
                SourceFile source = tree.source(i, shown);
                EntryCodec.In in = new EntryCodec.In(e.data(), e.offset(), 4);
                int modelLength = in.i32();
                if (modelLength < 0 || modelLength > e.length() - 4) {
                    return null;
                }
                Migration m = ModelCodec.decode(e.data(), e.offset() + 4, modelLength, source);
                if (!check.holds(m.reads())) {
                    return null; // a module it read, or looked for, is not as it was
                }
                EntryCodec.Decoded d = EntryCodec.decode(e.data(), e.offset() + 4 + modelLength,
                        e.length() - 4 - modelLength, new OneFile(source));
                return new Kept(m, d.diagnostics());
            } catch (EntryCodec.Malformed | RuntimeException | StackOverflowError e2) {
                return null;
            }
        }

        @Override
        public void keep(Path file, Migration model, List<Diagnostic> found, SchemaTimeline.Recorded effects) {
            int i = tree.indexOf(file);
            // the linter read the file itself: a write since the probe read it would store a model of
            // other bytes under this key
            if (i < 0 || !cacheable(found)
                    || !tree.source(i, model.source().displayPath()).text().equals(model.source().text())) {
                return;
            }
            byte[] m;
            byte[] d;
            try {
                m = ModelCodec.encode(model);
                d = EntryCodec.encode(found, 1, new OneFile(model.source()));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                return; // a model holding what ModelCodec does not store: this file is parsed every time
            }
            String shown = model.source().displayPath();
            store.write(slot(i, shown), key(i, shown), ByteBuffer.allocate(4).putInt(m.length).array(), List.of(m, d));
        }
    }

    /** A revision's own file, which its per-file findings point at: the model's source, one object. */
    private record OneFile(SourceFile file) implements EntryCodec.TreeFiles {
        @Override
        public int indexOf(Path path) {
            return path.equals(file.path()) ? 0 : -1;
        }

        @Override
        public SourceFile source(int index, String displayPath) {
            return index == 0 && displayPath.equals(file.displayPath()) ? file : null;
        }

        @Override
        public boolean atHand() {
            return true;
        }
    }

    /** Values' {@link #canonical} texts, made once per distinct value in a run (trees mostly share settings). */
    private final Map<Object, String> canonicals = new ConcurrentHashMap<>();

    private String canonicalOnce(Object value) {
        return canonicals.computeIfAbsent(value, ResultCache::canonical);
    }

    /**
     * What the key holds besides the files and the naming convention: the rules run, where the tree is, its
     * settings and config, and {@code focus}, the files reported. A slot holds for the files reported only
     * whether all are: a pre-commit run lints the files of each commit, and every such set in a slot of its
     * own would keep a tree's findings per commit.
     */
    private String context(LintTarget target, Object focus) {
        return canonical(List.of(target.projectRoot(), target.versionsDir() == null ? "" : target.versionsDir()))
                + "\n" + canonicalOnce(new TreeSet<>(rules)) + "\n"
                + canonicalOnce(Arrays.asList(target.settings(), target.config(), target.provenance(), focus));
    }

    /** One tree's look-up: its result when cached, and where to store it when not. */
    public static final class Probe {
        private final Store store;
        /** The file the tree's entry is kept in: one per tree, whatever its files hold. */
        private final byte[] slot;
        private final byte[] key;
        private final Tree tree;
        private final Models treeModels;
        private LintResult hit;
        private Models models;
        /**
         * Whether the tree's result is one the key and {@link #reads} cover: read from the cache, or stored by
         * {@link #store}.
         */
        private boolean kept;
        /** What the result's models asked of the project's other files, when {@link #kept}. */
        private ProjectReads reads = ProjectReads.NONE;

        Probe(Store store, byte[] slot, byte[] key, Tree tree, Models models) {
            this.store = store;
            this.slot = slot;
            this.key = key;
            this.tree = tree;
            this.treeModels = models;
        }

        /** Reads the tree's entry: its result, or on a miss its revisions' models as kept. */
        void read() {
            hit = null;
            Store.Entry e = store.entry(slot, key);
            if (e != null) {
                try {
                    EntryCodec.In in = new EntryCodec.In(e.data(), e.offset(), e.length());
                    ProjectReads r = EntryCodec.reads(in);
                    // the modules the models read, or looked for, as they were: else the findings may differ
                    if (new ProjectReads.Check().holds(r)) {
                        int at = in.position();
                        EntryCodec.Decoded d = EntryCodec.decode(e.data(), at, e.offset() + e.length() - at, tree);
                        hit = new LintResult(d.diagnostics(), List.of(), d.filesRead());
                        reads = r;
                    }
                } catch (EntryCodec.Malformed | RuntimeException ex) {
                    hit = null;
                }
            }
            kept = hit != null;
            models = hit == null ? treeModels : null;
        }

        /** On a miss, each revision's model and per-file findings as kept by earlier runs (null on a hit). */
        public FileMemo files() {
            return models;
        }

        /** The tree's result as the linter found it before, or null. */
        public LintResult hit() {
            return hit;
        }

        /** Stores what the linter found for the tree (not every result is stored: {@link #UNCACHEABLE}). */
        public void store(LintResult result) {
            if (!cacheable(result.diagnostics())) {
                return;
            }
            ProjectReads read = ProjectReads.union(result.migrations().stream().map(Migration::reads).toList());
            EntryCodec.Out head = new EntryCodec.Out();
            byte[] found;
            try {
                EntryCodec.reads(head, read);
                found = EntryCodec.encode(result.diagnostics(), result.filesRead(), tree);
            } catch (RuntimeException | OutOfMemoryError e) {
                return;
            }
            kept = true;
            reads = read;
            store.write(slot, key, head.toArray(), List.of(found));
            store.sweep();
        }
    }

    /** The tree's files and the bytes the key was made from; texts decoded from them once each. */
    static final class Tree implements EntryCodec.TreeFiles {
        private final List<Path> files;
        private final byte[][] bytes;
        private final byte[][] digests;
        private final Map<Path, Integer> index = new HashMap<>();
        /** Read by the lint's workers too (the files whose models are read back). */
        private final Map<Integer, SourceFile> decoded = new ConcurrentHashMap<>();

        Tree(List<Path> files, byte[][] bytes, byte[][] digests) {
            this.files = files;
            this.bytes = bytes;
            this.digests = digests;
            for (int i = 0; i < files.size(); i++) {
                index.put(files.get(i), i);
            }
        }

        @Override
        public int indexOf(Path path) {
            Integer i = index.get(path);
            return i == null ? -1 : i;
        }

        @Override
        public SourceFile source(int i, String displayPath) {
            SourceFile f = decoded.get(i);
            if (f == null || !f.displayPath().equals(displayPath)) {
                try {
                    f = SourceReader.decode(files.get(i), displayPath, bytes[i]).file();
                } catch (SourceReader.Unreadable e) {
                    f = e.shown(files.get(i), displayPath);
                }
                decoded.put(i, f);
            }
            return f;
        }

        @Override
        public boolean atHand() {
            return false;
        }
    }

    /** One cache directory: its signing key, its entries. */
    static final class Store {
        private final Path dir;
        private final boolean named;
        boolean disabled;
        private byte[] signingKey;
        private boolean keyRead;

        Store(Path dir, boolean named) {
            this.dir = dir;
            this.named = named;
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !usableDir()) {
                disabled = true;
            }
        }

        /**
         * A directory; when idemlint chose the place (the project root), a real one, not a link the
         * project ships to make us write elsewhere.
         */
        private boolean usableDir() {
            return named ? Files.isDirectory(dir) : Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS);
        }

        /** An entry's payload: {@code length} bytes of {@code data} from {@code offset}. */
        record Entry(byte[] data, int offset, int length) {
        }

        /**
         * The payload of the entry in {@code slot}, when it is one written here for {@code key} and undamaged;
         * else null. Its modification time is refreshed when older than {@link #SWEEP_EVERY}, so a sweep keeps it.
         */
        Entry entry(byte[] slot, byte[] key) {
            byte[] data = readSmall(file(slot), MAX_ENTRY, true);
            int head = MAGIC.length + 4 + key.length + 4;
            if (data == null || data.length < head + CHECK) {
                return null;
            }
            // magic, format, key, the payload's length, the payload, its check: all within data by the test above
            ByteBuffer b = ByteBuffer.wrap(data);
            int length = data.length - head - CHECK;
            if (!Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length) || b.getInt(MAGIC.length) != FORMAT
                    || !Arrays.equals(data, MAGIC.length + 4, head - 4, key, 0, key.length)
                    || b.getInt(head - 4) != length || b.getInt(head + length) != check(data, 0, head + length)) {
                return null;
            }
            return new Entry(data, head, length);
        }

        /** The file of the entry in {@code slot}. */
        private Path file(byte[] slot) {
            return dir.resolve(HexFormat.of().formatHex(slot));
        }

        /**
         * Writes the entry for {@code key} into {@code slot}, replacing what the slot held: {@code head}, then the
         * pieces of {@code body}, as one payload. The body goes to the file piece by piece (a report can be
         * megabytes: gathering it into one array first took three times its size in memory).
         */
        void write(byte[] slot, byte[] key, byte[] head, List<byte[]> body) {
            if (disabled || !ensureDir()) {
                return;
            }
            long length = head.length;
            for (byte[] piece : body) {
                length += piece.length;
            }
            if (length > MAX_ENTRY) {
                return;
            }
            EntryCodec.Out out = new EntryCodec.Out();
            out.bytes(MAGIC, MAGIC.length);
            out.i32(FORMAT);
            out.bytes(key, key.length);
            out.i32((int) length);
            out.bytes(head, head.length);
            List<byte[]> pieces = new ArrayList<>(body.size() + 2);
            pieces.add(out.toArray());
            pieces.addAll(body);
            CRC32C crc = new CRC32C();
            pieces.forEach(crc::update);
            pieces.add(ByteBuffer.allocate(CHECK).putInt((int) crc.getValue()).array());
            writeAtomically(file(slot), pieces);
        }

        /** Marks the entry in {@code slot} as used now, as a read does (a replayed run reads none). */
        void touch(byte[] slot) {
            if (disabled) {
                return;
            }
            Path p = file(slot);
            BasicFileAttributes a = regularFile(p);
            if (a != null) {
                refresh(p, a);
            }
        }

        /** Sets a regular file's modification time to now when it is older than {@link #SWEEP_EVERY}. */
        private static void refresh(Path p, BasicFileAttributes a) {
            long now = System.currentTimeMillis();
            if (now - a.lastModifiedTime().toMillis() <= SWEEP_EVERY.toMillis()) {
                return;
            }
            try {
                Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(FileTime.fromMillis(now), null, null);
            } catch (IOException | RuntimeException e) {
                // a read-only cache: its entries may be swept by a run that can write
            }
        }

        private boolean sweptThisRun;

        /**
         * Removes the entries no run has read or written for {@link #UNUSED_FOR} (their slots are named no more:
         * a deleted revision, an older build, other settings) and temporary files a dead write left; at most
         * once per {@link #SWEEP_EVERY}, told by the modification time of the {@value #SWEPT} file. Only regular
         * files directly in the directory, named as an entry or a temporary file, are removed; a link is
         * neither followed nor removed. A concurrent run may be reading or writing an entry swept here: a read
         * of a removed file is a miss, and a write renames a new file into place, never into a removed one.
         */
        synchronized void sweep() {
            if (sweptThisRun || disabled) {
                return;
            }
            sweptThisRun = true;
            long now = System.currentTimeMillis();
            Path marker = dir.resolve(SWEPT);
            BasicFileAttributes swept = regularFile(marker);
            long age = swept == null ? -1 : now - swept.lastModifiedTime().toMillis();
            if (age >= 0 && age < SWEEP_EVERY.toMillis()) {
                return;
            }
            writeAtomically(marker, List.of());
            long unusedBefore = now - UNUSED_FOR.toMillis();
            long staleBefore = now - STALE_TEMPORARY.toMillis();
            try (DirectoryStream<Path> names = Files.newDirectoryStream(dir)) {
                for (Path p : names) {
                    String name = p.getFileName().toString();
                    long before = lowerHex(name, 32) ? unusedBefore : name.startsWith(".tmp-") ? staleBefore : -1;
                    if (before < 0) {
                        continue;
                    }
                    BasicFileAttributes a = regularFile(p);
                    if (a != null && a.lastModifiedTime().toMillis() < before) {
                        // removes the name in this directory; were it a link by now, the link, not its target
                        deleteQuietly(p);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the directory cannot be listed: nothing is removed
            }
        }

        /**
         * Whether the entry named by {@code key} begins its payload with {@code prefix}: its first bytes only,
         * unchecked (a replayed report is {@link #entry read and checked} in full after this says yes).
         */
        boolean startsWith(byte[] key, byte[] prefix) {
            Path p = file(key);
            int head = MAGIC.length + 4 + key.length + 4;
            if (regularFile(p) == null) {
                return false;
            }
            try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                byte[] data = in.readNBytes(head + prefix.length);
                return data.length == head + prefix.length
                        && Arrays.equals(data, head, data.length, prefix, 0, prefix.length);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /**
         * The directory's signing key, made (with the directory) when there is none it can trust;
         * null when the cache cannot be used here.
         */
        byte[] signingKey() {
            byte[] k = key();
            if (k == null && !disabled && ensureDir()) {
                k = newKey();
            }
            return k;
        }

        /** Creates the directory with its {@code .gitignore} and {@code CACHEDIR.TAG}; false when it cannot. */
        private boolean ensureDir() {
            try {
                if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    if (named) {
                        Files.createDirectories(dir);
                    } else {
                        Files.createDirectory(dir);
                    }
                }
            } catch (FileAlreadyExistsException e) {
                // made by a concurrent run, or a dangling link: checked below
            } catch (IOException | RuntimeException e) {
                disabled = true;
                return false;
            }
            if (!usableDir()) {
                disabled = true;
                return false;
            }
            ensureFile(dir.resolve(".gitignore"), "# Automatically created by idemlint.\n*\n");
            ensureFile(dir.resolve("CACHEDIR.TAG"), CACHEDIR_TAG);
            return true;
        }

        private void ensureFile(Path p, String content) {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                writeAtomically(p, List.of(content.getBytes(StandardCharsets.UTF_8)));
            }
        }

        /** The directory's signing key, when its key file is the one it was written to; else null. */
        private byte[] key() {
            if (!keyRead) {
                keyRead = true;
                signingKey = readKey();
            }
            return signingKey;
        }

        private byte[] readKey() {
            Path p = dir.resolve(KEY_FILE);
            // a concurrent run may rename its new key file into place between reading the identity and
            // the bytes: then the identity no longer names the file read, and a second look settles it
            for (int attempt = 0; attempt < 3; attempt++) {
                Object identity = identity(p);
                byte[] data = identity == null ? null : readSmall(p, 4096, false);
                if (data == null) {
                    return null;
                }
                if (!identity.equals(identity(p))) {
                    continue;
                }
                String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", -1);
                if (lines.length != 4 || !lines[0].equals(KEY_HEADER) || !lines[2].equals(identity.toString())
                        || !lines[3].isEmpty() || !lowerHex(lines[1], 64)) {
                    return null;
                }
                return HexFormat.of().parseHex(lines[1]);
            }
            return null;
        }

        /**
         * A fresh signing key, written to a temporary file that records its own identity and renamed
         * into place (a rename keeps the identity). Every entry signed with another key is a miss from
         * now on. Null when no key can be written.
         */
        private byte[] newKey() {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Path tmp = null;
            try {
                tmp = Files.createTempFile(dir, ".tmp-", "");
                Object identity = identity(tmp);
                if (identity == null) {
                    Files.deleteIfExists(tmp);
                    disabled = true;
                    return null;
                }
                Files.writeString(tmp, KEY_HEADER + "\n" + HexFormat.of().formatHex(k) + "\n" + identity + "\n",
                        StandardCharsets.UTF_8);
                AtomicWriter.atomicReplace(tmp, dir.resolve(KEY_FILE));
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp);
                disabled = true;
                return null;
            }
            keyRead = false;
            // a concurrent run may have renamed its own key over this one: then that one is the key
            return key();
        }

        private static boolean lowerHex(String s, int length) {
            if (s.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return false;
                }
            }
            return true;
        }

        /** The file system's identity of a regular file (device and inode on Unix); null without one. */
        private static Object identity(Path p) {
            BasicFileAttributes a = regularFile(p);
            return a == null ? null : a.fileKey();
        }

        /** The attributes of {@code p} when it is a regular file, not a link; else null. */
        private static BasicFileAttributes regularFile(Path p) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return a.isRegularFile() ? a : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /**
         * A regular file's bytes (not through a link, not a FIFO or device), or null when over {@code max};
         * with {@code used}, its modification time {@link #refresh refreshed}.
         */
        private static byte[] readSmall(Path p, long max, boolean used) {
            BasicFileAttributes a = regularFile(p);
            if (a == null || a.size() > max) {
                return null;
            }
            try {
                byte[] data;
                try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    data = in.readNBytes((int) Math.min(max, a.size() + 1));
                }
                if (data.length > a.size()) {
                    return null;
                }
                if (used) {
                    refresh(p, a);
                }
                return data;
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                return null;
            }
        }

        /** Writes {@code pieces} to a temporary file renamed over {@code target}: a reader sees all or nothing. */
        private void writeAtomically(Path target, List<byte[]> pieces) {
            Path tmp = null;
            try {
                tmp = Files.createTempFile(dir, ".tmp-", "");
                try (OutputStream o = Files.newOutputStream(tmp)) {
                    for (byte[] piece : pieces) {
                        o.write(piece);
                    }
                }
                AtomicWriter.atomicReplace(tmp, target);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp);
            }
        }

        private static void deleteQuietly(Path p) {
            if (p != null) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException | RuntimeException e) {
                    // a stray temporary file: harmless, named .tmp-*
                }
            }
        }
    }

    /**
     * A value as text that is the same in every run for equal values: records by component, maps and
     * sets sorted (their iteration order changes from one JVM to the next), lists in order.
     */
    static String canonical(Object o) {
        StringBuilder sb = new StringBuilder();
        canonical(o, sb, 0);
        return sb.toString();
    }

    /** A record class's components, asked of reflection once per class: each call copies them anew. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private static void canonical(Object o, StringBuilder sb, int depth) {
        if (depth > 32) {
            throw new IllegalStateException("settings nested too deeply to key the cache");
        }
        if (o == null) {
            sb.append("null");
        } else if (o instanceof Record r) {
            sb.append(r.getClass().getName()).append('(');
            for (RecordComponent c : COMPONENTS.get(r.getClass())) {
                sb.append(c.getName()).append('=');
                Object v;
                try {
                    v = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    v = "?" + r;
                }
                canonical(v, sb, depth + 1);
                sb.append(';');
            }
            sb.append(')');
        } else if (o instanceof Map<?, ?> m) {
            sorted("map", m.entrySet().stream().map(e -> quoted(e.getKey(), depth) + ':' + quoted(e.getValue(), depth)), sb);
        } else if (o instanceof Set<?> s) {
            sorted("set", s.stream().map(v -> quoted(v, depth)), sb);
        } else if (o instanceof Collection<?> c) {
            sb.append("list").append(c.size()).append('[');
            for (Object v : c) {
                canonical(v, sb, depth + 1);
                sb.append(',');
            }
            sb.append(']');
        } else {
            sb.append(o.getClass().getName()).append(':');
            quote(o.toString(), sb);
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append(s.length()).append('"').append(s).append('"');
    }

    /** {@code o}'s canonical text, quoted. */
    private static String quoted(Object o, int depth) {
        StringBuilder sb = new StringBuilder();
        canonical(o, sb, depth + 1);
        return sb.length() + "\"" + sb + "\"";
    }

    /** Texts in sorted order (a map's or a set's order changes from one JVM to the next), after {@code kind} and their count. */
    private static void sorted(String kind, Stream<String> texts, StringBuilder sb) {
        List<String> sorted = texts.sorted().toList();
        sb.append(kind).append(sorted.size()).append('{');
        sorted.forEach(t -> sb.append(t).append(','));
        sb.append('}');
    }

    /**
     * The entry's CRC-32C. It is no signature, and needs none: an entry is only ever looked up by its
     * name, the keyed hash of everything its findings depend on under the directory's secret key
     * ({@link #probe}), so a file that was not written here for exactly these inputs (a crafted entry a
     * pull request commits, one from another directory or version) is never read, as nobody without the
     * key can name it; and whoever can write into the directory can also write a key file of their own
     * (recording its own identity), so a signature under that key would stop nobody the name does not.
     * What is left to find is damage to an entry written here, which a CRC finds (and the
     * JVM computes it with one instruction per word, where a second keyed pass over the entry was 8% of a
     * warm run).
     */
    static int check(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }
}
