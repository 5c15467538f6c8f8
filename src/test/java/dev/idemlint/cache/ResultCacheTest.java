package dev.idemlint.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.FileMemo;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.LintResult;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.Rule;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {
    @org.junit.jupiter.api.BeforeAll
    static void perFileEntriesForEveryTree() {
        // this test's trees have two revisions, below the size that keeps per-file entries by default
        System.setProperty("idemlint.cache.modelMinFiles", "1");
    }

    @org.junit.jupiter.api.AfterAll
    static void defaultSize() {
        System.clearProperty("idemlint.cache.modelMinFiles");
    }

    private static final Linter LINTER = linter();
    private static final Function<Path, String> SHOWN = p -> p.getFileName().toString();

    private static Linter linter() {
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        for (Rule r : Registry.all()) {
            names.add(r.name());
        }
        return new Linter(Registry.all(), RuleCatalog.load(names));
    }

    /** A versions tree with findings in two files, and fixes. */
    private static LintTarget tree(Path dir) throws IOException {
        Path versions = dir.resolve("versions");
        Files.createDirectories(versions);
        Files.writeString(versions.resolve("a1_players.py"), """
                from alembic import op
                import sqlalchemy as sa

                revision = "a1"
                down_revision = None

                def upgrade():
                    op.create_table("players", sa.Column("id", sa.Integer(), primary_key=True))
                    op.execute("CREATE INDEX ix_players_id ON players (id)")
                """, StandardCharsets.UTF_8);
        Files.writeString(versions.resolve("b2_nick.py"), """
                from alembic import op
                import sqlalchemy as sa

                revision = "b2"
                down_revision = "a1"

                def upgrade():
                    op.add_column("players", sa.Column("nick", sa.Text()))  # caf\u00e9 \ud83d\ude00
                """, StandardCharsets.UTF_8);
        return target(versions);
    }

    private static LintTarget target(Path versions) {
        return new Discovery(Settings.DEFAULT).discover(List.of(versions)).targets().get(0);
    }

    private static ResultCache cache(Path dir) {
        return ResultCache.forRun(dir, "test-build", LINTER.ruleNames());
    }

    /** Probes, lints on a miss and stores; returns whether it hit, checking the result is the linter's. */
    private static boolean run(ResultCache cache, LintTarget t) {
        ResultCache.Probe p = cache.probe(t, SHOWN);
        assertNotNull(p, "the tree is cacheable");
        LintResult expected = LINTER.lint(t, SHOWN);
        if (p.hit() != null) {
            assertSameFindings(expected, p.hit());
            return true;
        }
        p.store(expected);
        return false;
    }

    private static void assertSameFindings(LintResult expected, LintResult actual) {
        assertEquals(expected.filesRead(), actual.filesRead());
        assertEquals(expected.diagnostics().size(), actual.diagnostics().size());
        for (int i = 0; i < expected.diagnostics().size(); i++) {
            Diagnostic e = expected.diagnostics().get(i);
            Diagnostic a = actual.diagnostics().get(i);
            assertEquals(e.file().path(), a.file().path());
            assertEquals(e.file().displayPath(), a.file().displayPath());
            assertEquals(e.file().text(), a.file().text());
            assertEquals(new Diagnostic(e.rule(), e.severity(), a.file(), e.span(), e.message(), e.help(), e.fixes(),
                    List.of()), new Diagnostic(a.rule(), a.severity(), a.file(), a.span(), a.message(), a.help(),
                            a.fixes(), List.of()));
            assertEquals(e.related().size(), a.related().size());
        }
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}")).toList();
        }
    }

    @Test
    void a_module_of_a_runtime_image_is_told_apart_by_the_images_modules_file_without_walking_it() throws IOException {
        // java.sql is a module of this JDK's image, as idemlint is of the wheel's runtime
        String build = ResultCache.build(java.sql.Driver.class, "1.2.3");
        Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
        assertEquals(String.join("\n", "1.2.3", "jrt:/java.sql", modules.toString(), String.valueOf(Files.size(modules)),
                String.valueOf(Files.getLastModifiedTime(modules).toMillis())), build);
        assertEquals(build, ResultCache.build(java.sql.Driver.class, "1.2.3"), "one identity, run after run");
    }

    @Test
    void a_warm_probe_gives_the_findings_the_linter_gives(@TempDir Path tmp) throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        assertTrue(LINTER.lint(t, SHOWN).diagnostics().size() >= 3);
        assertFalse(run(cache(dir), t), "cold");
        assertTrue(run(cache(dir), t), "warm");
        assertTrue(run(cache(dir), t), "warm again");
        assertEquals(1, entries(dir).size());
    }

    @Test
    void a_warm_hit_prints_every_format_as_the_linter_does_without_decoding_a_file(@TempDir Path tmp)
            throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        // a finding over several lines broken by \r\n: the fingerprints read each of its lines
        Files.writeString(t.files().get(0).resolveSibling("c3_multi.py"), String.join("\r\n",
                "from alembic import op", "import sqlalchemy as sa", "", "revision = \"c3\"",
                "down_revision = \"b2\"", "", "def upgrade():", "    op.add_column(",
                "        \"players\",\t  sa.Column(\"x\", sa.Text()),", "    )", ""), StandardCharsets.UTF_8);
        t = target(t.files().get(0).getParent());
        Path dir = tmp.resolve("cache");
        LintResult linted = LINTER.lint(t, SHOWN);
        assertTrue(linted.diagnostics().stream().anyMatch(d -> d.endLine() > d.line()), "a multi-line finding");
        cache(dir).probe(t, SHOWN).store(linted);
        LintResult hit = cache(dir).probe(t, SHOWN).hit();
        assertNotNull(hit);
        List<dev.idemlint.report.Reporter> reporters = List.of(new dev.idemlint.report.TextReporter(false, true),
                new dev.idemlint.report.TextReporter(false, true, dev.idemlint.report.TextReporter.Layout.CONCISE,
                        true, true),
                new dev.idemlint.report.JsonReporter(), new dev.idemlint.report.JsonLinesReporter(),
                new dev.idemlint.report.JunitReporter(), new dev.idemlint.report.SarifReporter(tmp),
                new dev.idemlint.report.GithubReporter(), new dev.idemlint.report.GitlabReporter());
        for (dev.idemlint.report.Reporter r : reporters) {
            assertEquals(print(r, linted), print(r, hit), r.getClass().getSimpleName());
        }
        for (Diagnostic d : hit.diagnostics()) {
            assertFalse(d.file().hasText(), d.file().displayPath() + " was decoded to print its findings");
        }
        // asked for, the text is the file's
        assertEquals(linted.diagnostics().get(0).file().text(), hit.diagnostics().get(0).file().text());
    }

    private static String print(dev.idemlint.report.Reporter r, LintResult result) throws IOException {
        StringBuilder sb = new StringBuilder();
        r.write(new dev.idemlint.report.Report(result.diagnostics(), result.filesRead(), LINTER.catalog(), "test"),
                sb);
        return sb.toString();
    }

    /** The per-file entries a tree's run left: {@code memo}'s finds, and what it kept, counted. */
    private static final class Counting implements FileMemo {
        final FileMemo memo;
        final java.util.concurrent.atomic.AtomicInteger found = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();

        Counting(FileMemo memo) {
            this.memo = memo;
        }

        @Override
        public Kept find(Path file) {
            Kept k = memo.find(file);
            if (k != null) {
                found.incrementAndGet();
            }
            return k;
        }

        @Override
        public void keep(Path file, Migration model, List<Diagnostic> diags,
                dev.idemlint.schema.SchemaTimeline.Recorded effects) {
            kept.incrementAndGet();
            memo.keep(file, model, diags, effects);
        }
    }

    /** A miss linted with the tree's per-file entries, checked against a lint without any; the memo used. */
    private static Counting runWithModels(ResultCache cache, LintTarget t) {
        return runWithModels(cache, t, true);
    }

    private static Counting runWithModels(ResultCache cache, LintTarget t, boolean storeTree) {
        ResultCache.Probe p = cache.probe(t, SHOWN);
        assertNull(p.hit(), "a changed tree misses");
        Counting memo = new Counting(p.files());
        LintResult r = LINTER.lint(t, SHOWN, null, memo);
        assertSameFindings(LINTER.lint(t, SHOWN), r);
        if (storeTree) {
            p.store(r);
        }
        return memo;
    }

    @Test
    void one_changed_revision_is_parsed_and_the_others_models_are_read_back(@TempDir Path tmp) throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        Counting first = runWithModels(cache(dir), t);
        assertEquals(0, first.found.get());
        assertEquals(2, first.kept.get());
        Path b2 = tmp.resolve("p/versions/b2_nick.py");
        Files.writeString(b2, Files.readString(b2) + "# a comment\n", StandardCharsets.UTF_8);
        Counting second = runWithModels(cache(dir), t);
        assertEquals(1, second.found.get(), "a1's model read back");
        assertEquals(1, second.kept.get(), "b2 parsed");
        assertTrue(run(cache(dir), t), "the tree's findings stored");
        // another build reads no model another build wrote
        Files.writeString(b2, Files.readString(b2) + "# again\n", StandardCharsets.UTF_8);
        Counting other = runWithModels(ResultCache.forRun(dir, "another-build", LINTER.ruleNames()), t);
        assertEquals(0, other.found.get());
    }

    @Test
    void a_damaged_model_entry_is_a_miss_and_is_rewritten(@TempDir Path tmp) throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        runWithModels(cache(dir), t, false);
        List<Path> models = entries(dir);
        assertEquals(2, models.size(), "one entry per revision");
        for (Path entry : models) {
            byte[] good = Files.readAllBytes(entry);
            for (int at : new int[] {0, 11, 30, 45, good.length / 2, good.length - 5, good.length - 1}) {
                byte[] flipped = good.clone();
                flipped[at] ^= 0x20;
                Files.write(entry, flipped);
                Counting memo = runWithModels(cache(dir), t, false);
                assertEquals(1, memo.found.get(), "the damaged entry was read at byte " + at);
                assertArrayEquals(good, Files.readAllBytes(entry), "the entry was written again");
            }
        }
    }

    @Test
    @Tag("slow") // every fixture folder linted, each model compared field by field: `mvn verify`, not `mvn test`
    void every_fixture_revisions_model_is_stored_and_rebuilt_as_it_was() throws IOException {
        // a model holding a type the codec does not store would silently be parsed every time; and one
        // rebuilt differently would change findings: each is encoded, decoded and encoded again
        Path fixtures = Path.of("src/test/resources/fixtures");
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(fixtures)) {
            dirs = s.filter(Files::isDirectory).toList();
        }
        java.util.concurrent.atomic.AtomicInteger models = new java.util.concurrent.atomic.AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        FileMemo check = new FileMemo() {
            @Override
            public Kept find(Path file) {
                return null;
            }

            @Override
            public void keep(Path file, Migration model, List<Diagnostic> found,
                    dev.idemlint.schema.SchemaTimeline.Recorded effects) {
                try {
                    byte[] once = ModelCodec.encode(model);
                    Migration back = ModelCodec.decode(once, 0, once.length, model.source());
                    String difference = difference(model, back, new java.util.IdentityHashMap<>(), "model");
                    if (difference != null) {
                        failures.add(file + ": rebuilt differently at " + difference);
                    }
                    // the calls the timeline reads beyond schema= (a constraint's name, a dropped primary key)
                    for (int i = 0; i < model.operations().size(); i++) {
                        dev.idemlint.migration.Operation op = model.operations().get(i);
                        dev.idemlint.migration.CallRef ref = op.site().callRef();
                        if ((op instanceof dev.idemlint.migration.Operation.Drop
                                || op instanceof dev.idemlint.migration.Operation.AddConstraint
                                || op instanceof dev.idemlint.migration.Operation.CreateIndex) && ref != null
                                && ref.held() != null && difference(ref.held(), back.operations().get(i).site().callRef().held(),
                                        new java.util.IdentityHashMap<>(), "call") != null) {
                            failures.add(file + ": operation " + i + "'s call not stored whole");
                        }
                    }
                    models.incrementAndGet();
                } catch (RuntimeException | EntryCodec.Malformed e) {
                    failures.add(file + ": " + e);
                }
            }
        };
        // models are parsed from each file alone; git history only orders duplicate revision files
        // (graph/FileAge), one `git log` per folder holding a duplicate, seconds each on a loaded machine
        String git = System.getProperty("idemlint.git");
        System.setProperty("idemlint.git", "false");
        try {
            for (Path d : dirs) {
                boolean py;
                try (Stream<Path> s = Files.list(d)) {
                    py = s.anyMatch(p -> p.toString().endsWith(".py"));
                }
                if (py) {
                    for (LintTarget t : new Discovery(Settings.DEFAULT).discover(List.of(d)).targets()) {
                        LINTER.lint(t, SHOWN, null, check);
                    }
                }
            }
        } finally {
            if (git == null) {
                System.clearProperty("idemlint.git");
            } else {
                System.setProperty("idemlint.git", git);
            }
        }
        assertTrue(models.get() > 300, "models checked: " + models.get());
        assertEquals(List.of(), failures);
    }

    /**
     * Where {@code b} differs from {@code a}, or null: records component by component, collections
     * element by element, SQL texts and calls by what they hold; and one object of {@code a} reached
     * twice is one object of {@code b} (the linter keys maps by operation identity), spans aside (values).
     */
    private static String difference(Object a, Object b, java.util.Map<Object, Object> same, String at) {
        if (a == null || b == null) {
            return a == b ? null : at + ": " + a + " / " + b;
        }
        if (a.getClass() != b.getClass() && !(a instanceof java.util.Collection<?> && b instanceof java.util.Collection<?>)) {
            return at + ": " + a.getClass().getName() + " / " + b.getClass().getName();
        }
        if (a instanceof Record && !(a instanceof dev.idemlint.source.Span) || a instanceof dev.idemlint.migration.SqlText || a instanceof dev.idemlint.migration.CallRef) {
            Object earlier = same.putIfAbsent(a, b);
            if (earlier != null) {
                return earlier == b ? null : at + ": one object became two";
            }
        }
        if (a instanceof dev.idemlint.source.SourceFile) {
            return a == b ? null : at + ": another file";
        }
        if (a instanceof Record r) {
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    String d = difference(c.getAccessor().invoke(a), c.getAccessor().invoke(b), same, at + "." + c.getName());
                    if (d != null) {
                        return d;
                    }
                } catch (ReflectiveOperationException e) {
                    return at + ": " + e;
                }
            }
            return null;
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return at + ": " + la.size() + " / " + lb.size() + " elements";
            }
            for (int i = 0; i < la.size(); i++) {
                String d = difference(la.get(i), lb.get(i), same, at + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof java.util.Set<?> || a instanceof java.util.Map<?, ?>) {
            return a.equals(b) ? null : at + ": " + a + " / " + b;
        }
        if (a instanceof dev.idemlint.migration.SqlText ta) {
            dev.idemlint.migration.SqlText tb = (dev.idemlint.migration.SqlText) b;
            boolean equal = ta.text().equals(tb.text()) && java.util.Arrays.equals(ta.fileOffsets(), tb.fileOffsets())
                    && ta.dynamic() == tb.dynamic() && java.util.Objects.equals(ta.exprSpan(), tb.exprSpan())
                    && ta.runtimeParts().equals(tb.runtimeParts()) && ta.runtimeBinds().equals(tb.runtimeBinds());
            return equal ? null : at + ": SQL text " + ta + " / " + tb;
        }
        if (a instanceof dev.idemlint.migration.CallRef ca) {
            dev.idemlint.migration.CallRef cb = (dev.idemlint.migration.CallRef) b;
            if (!ca.span().equals(cb.span())) {
                return at + ": call span";
            }
            // stored whole, or as the timeline reads it (ModelCodec.reduced; which calls stay whole is
            // checked by the caller)
            boolean reduced = ca.held() != null && cb.held() != null && cb.held().args().size() < ca.held().args().size();
            return difference(reduced ? ModelCodec.reduced(ca.held()) : ca.held(), cb.held(), same, at + ".call");
        }
        if (a instanceof dev.idemlint.python.StrPiece.Offsets oa) {
            return java.util.Arrays.equals(oa.toArray(), ((dev.idemlint.python.StrPiece.Offsets) b).toArray()) ? null
                    : at + ": offsets";
        }
        return a.equals(b) ? null : at + ": " + a + " / " + b;
    }

    /**
     * A model read back from an entry holds its operations' calls only as the schema timeline reads them
     * (ModelCodec.reduced): the readers of an operation's call in the stages the timeline reaches, counted
     * per file. A new one may read what a stored model no longer holds: then ModelCodec.readWhole (or
     * reduced) must keep it, and this count be raised.
     */
    @Test
    void only_known_readers_read_an_operations_call_before_it_is_released() throws IOException {
        java.util.regex.Pattern reader = java.util.regex.Pattern.compile("\\.call\\(\\)|callRef\\(\\)|\\.held\\(\\)|::call\\b|::callRef\\b|::held\\b");
        java.util.Map<String, Integer> found = new java.util.TreeMap<>();
        for (String stage : List.of("schema", "migration", "graph", "sql", "source", "discovery", "python")) {
            try (Stream<Path> s = Files.walk(Path.of("src/main/java/dev/idemlint", stage))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(p)) {
                        String code = line.strip();
                        if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                            continue;
                        }
                        java.util.regex.Matcher m = reader.matcher(code);
                        while (m.find()) {
                            found.merge(stage + "/" + p.getFileName(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        // Background: a Callable's call(). OpExtractor, StatementClassifier: a site's call passed on to the
        // operations they make (and, in OpExtractor, a foreign key's referent read while held). Migration: releaseSyntax. ConstraintNames, Operation: the calls of drops (their type_ too), added constraints (a name
        // read at run time too, or none passed) and indexes, which ModelCodec.readWhole keeps whole. StatementLocks:
        // whether a drop has a call at all (its postgresql_concurrently is read at extraction). OpText: a call's source text
        // through its CallRef (the text, which outlives the call).
        assertEquals(java.util.Map.of("source/Background.java", 1, "migration/OpExtractor.java", 2,
                "sql/StatementClassifier.java", 1, "migration/Migration.java", 1,
                "migration/ConstraintNames.java", 6, "migration/Operation.java", 2, "migration/StatementLocks.java", 1,
                "migration/OpText.java", 1),
                found);
    }

    @Test
    void a_corrupt_truncated_or_foreign_version_entry_is_a_miss_and_is_rewritten(@TempDir Path tmp) throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        run(cache(dir), t);
        Path entry = entries(dir).get(0);
        byte[] good = Files.readAllBytes(entry);
        List<byte[]> damaged = new ArrayList<>();
        damaged.add(new byte[0]);
        damaged.add(java.util.Arrays.copyOf(good, good.length / 2));
        damaged.add(java.util.Arrays.copyOf(good, good.length - 1));
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        damaged.add(longer);
        for (int at : new int[] {0, 9, 12, 30, 40, good.length / 2, good.length - 1}) {
            byte[] flipped = good.clone();
            flipped[at] ^= 0x20;
            damaged.add(flipped);
        }
        byte[] otherVersion = good.clone();
        otherVersion[11] = (byte) (otherVersion[11] + 1); // the format number after the 8-byte magic
        damaged.add(otherVersion);
        damaged.add("junk that is not an entry at all".getBytes(StandardCharsets.UTF_8));
        for (byte[] bad : damaged) {
            Files.write(entry, bad);
            assertFalse(run(cache(dir), t), "a damaged entry of " + bad.length + " bytes was read");
            assertArrayEquals(good, Files.readAllBytes(entry), "the entry was written again");
            assertTrue(run(cache(dir), t));
        }
    }

    @Test
    void a_whole_entry_with_a_valid_checksum_under_another_trees_name_is_a_miss(@TempDir Path tmp) throws IOException {
        // the checksum only finds damage; an entry counts for the inputs its name was hashed from, never
        // for another tree's, even when it is a whole entry written here (or a crafted one, checksum right)
        LintTarget first = tree(tmp.resolve("p"));
        LintTarget second = tree(tmp.resolve("q"));
        Path dir = tmp.resolve("cache");
        run(cache(dir), first);
        Path firstEntry = entries(dir).get(0);
        run(cache(dir), second);
        List<Path> both = entries(dir);
        assertEquals(2, both.size());
        Path secondEntry = both.get(0).equals(firstEntry) ? both.get(1) : both.get(0);
        byte[] firstBytes = Files.readAllBytes(firstEntry);
        Files.write(secondEntry, firstBytes);
        assertFalse(run(cache(dir), second), "the first tree's entry was read for the second");
        assertTrue(run(cache(dir), second), "its own entry was written again");
        assertTrue(run(cache(dir), first));
    }

    @Test
    void a_forged_count_or_index_inside_a_checked_entry_is_a_miss_not_a_crash() throws Exception {
        // the decoder's own checks, behind the checksum: counts and indexes out of range
        EntryCodec.TreeFiles none = new EntryCodec.TreeFiles() {
            @Override
            public int indexOf(Path path) {
                return -1;
            }

            @Override
            public dev.idemlint.source.SourceFile source(int index, String displayPath) {
                return null;
            }

            @Override
            public boolean atHand() {
                return false;
            }
        };
        List<byte[]> bad = List.of(
                new byte[] {0, 0, 0, 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // 2^31 files
                new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0}, // a file naming string 5 of 0
                new byte[] {0, 0, 0, 1, 0, 0, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe, 0, 0x7f, (byte) 0xff,
                        (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, // a 2 GB string
                new byte[] {0, 0, 0, 1, 0, 0, 0, 0, (byte) 0x80, 0, 0, 0}); // a negative count
        for (byte[] b : bad) {
            try {
                EntryCodec.decode(b, 0, b.length, none);
                throw new AssertionError("decoded " + HexFormat.of().formatHex(b));
            } catch (EntryCodec.Malformed expected) {
                // a miss
            }
        }
    }

    @Test
    void a_cache_copied_from_elsewhere_is_not_trusted(@TempDir Path tmp) throws IOException {
        // a pull request commits .idemlint_cache/ with entries for its own files: a checkout writes
        // new files, so the key file no longer is the file it says it is
        LintTarget t = tree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        run(cache(dir), t);
        Path copy = tmp.resolve("copied");
        Files.createDirectories(copy);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        String keyBefore = Files.readString(copy.resolve("signing-key"));
        assertFalse(run(cache(copy), t), "a copied entry was trusted");
        assertFalse(keyBefore.equals(Files.readString(copy.resolve("signing-key"))), "the key was replaced");
        assertTrue(run(cache(copy), t), "its rewritten entry is used");
        // a key file that names its own identity wrongly, or is not one, is replaced as well
        for (String forged : List.of("idemlint cache signing key 1\n" + "ab".repeat(32) + "\n(dev=1,ino=2)\n", "",
                "idemlint cache signing key 1\nzz\n")) {
            Files.writeString(copy.resolve("signing-key"), forged);
            assertFalse(run(cache(copy), t));
        }
    }

    @Test
    void a_tool_settings_config_or_file_change_misses(@TempDir Path tmp) throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        run(cache(dir), t);
        assertTrue(run(cache(dir), t));
        // another build of idemlint
        ResultCache other = ResultCache.forRun(dir, "another-build", LINTER.ruleNames());
        assertNull(other.probe(t, SHOWN).hit());
        // other rules
        ResultCache fewer = ResultCache.forRun(dir, "test-build", java.util.Set.of("add-column-not-idempotent"));
        assertNull(fewer.probe(t, SHOWN).hit());
        // other settings (the PostgreSQL version)
        LintTarget pg12 = new LintTarget(t.projectRoot(), t.versionsDir(), t.files(), t.settings().withPostgres(12),
                t.focus(), t.config(), t.provenance());
        assertNull(cache(dir).probe(pg12, SHOWN).hit());
        // a config that turns a rule's severity down
        Files.writeString(tmp.resolve("p/.idemlint.toml"), "[severity]\nadd-column-not-idempotent = \"warning\"\n");
        LintTarget configured = target(tmp.resolve("p/versions"));
        assertFalse(configured.config().severity().isEmpty(), "the config was found");
        assertFalse(run(cache(dir), configured));
        assertTrue(run(cache(dir), configured));
        // shown under other paths (a run from another directory)
        assertNull(cache(dir).probe(t, p -> "elsewhere/" + p.getFileName()).hit());
        // one byte of one file
        Path b2 = tmp.resolve("p/versions/b2_nick.py");
        Files.writeString(b2, Files.readString(b2).replace("nick", "nack"));
        assertFalse(run(cache(dir), configured));
        assertTrue(run(cache(dir), configured));
    }

    /**
     * {@link #tree} in a project (alembic.ini beside versions/) with a third revision whose column is named by a
     * constant of the project module {@code app.names}.
     */
    private static LintTarget namesTree(Path dir) throws IOException {
        tree(dir);
        Files.writeString(dir.resolve("alembic.ini"), "[alembic]\nscript_location = %(here)s\n");
        Files.writeString(dir.resolve("versions/c3_names.py"), """
                from alembic import op
                import sqlalchemy as sa
                from app.names import COLUMN

                revision = "c3"
                down_revision = "b2"

                def upgrade():
                    op.add_column("players", sa.Column(COLUMN, sa.Text()))
                """, StandardCharsets.UTF_8);
        return target(dir.resolve("versions"));
    }

    @Test
    void a_tree_reading_a_project_module_hits_until_that_module_or_one_it_looked_for_changes(@TempDir Path tmp)
            throws IOException {
        LintTarget t = namesTree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        assertFalse(run(cache(dir), t), "cold");
        assertTrue(run(cache(dir), t), "a look-up that found no module is kept with the tree");
        int before = LINTER.lint(t, SHOWN).diagnostics().size();
        // the module it looked for appears: the column gets its name, and c3 a finding of its own
        Files.createDirectories(tmp.resolve("p/app"));
        Files.writeString(tmp.resolve("p/app/names.py"), "COLUMN = \"nick\"\n");
        assertNotEquals(before, LINTER.lint(t, SHOWN).diagnostics().size(), "the module changes the findings");
        assertFalse(run(cache(dir), t), "the module found now");
        assertTrue(run(cache(dir), t));
        Files.writeString(tmp.resolve("p/app/names.py"), "COLUMN = \"handle\"\n");
        assertFalse(run(cache(dir), t), "the module edited");
        assertTrue(run(cache(dir), t));
        // a nearer module on the import path, beside the revisions, shadows it
        Files.createDirectories(tmp.resolve("p/versions/app"));
        Files.writeString(tmp.resolve("p/versions/app/names.py"), "COLUMN = \"nick\"\n");
        assertFalse(run(cache(dir), t), "a nearer module");
        assertTrue(run(cache(dir), t));
    }

    @Test
    void a_side_file_a_revision_opens_is_an_input_whether_it_is_there_or_not(@TempDir Path tmp) throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        Files.writeString(tmp.resolve("p/versions/c3_sql.py"), """
                import os
                from alembic import op

                revision = "c3"
                down_revision = "b2"

                with open(os.path.join(os.path.dirname(__file__), "c3.sql")) as fd:
                    SQL = fd.read()

                def upgrade():
                    op.execute(SQL)
                """, StandardCharsets.UTF_8);
        t = target(tmp.resolve("p/versions"));
        Path dir = tmp.resolve("cache");
        assertFalse(run(cache(dir), t), "cold");
        assertTrue(run(cache(dir), t), "a side file that is not there is kept as not there");
        int before = LINTER.lint(t, SHOWN).diagnostics().size();
        Files.writeString(tmp.resolve("p/versions/c3.sql"), "ALTER TABLE players ADD COLUMN handle text");
        assertNotEquals(before, LINTER.lint(t, SHOWN).diagnostics().size(), "the SQL file changes the findings");
        assertFalse(run(cache(dir), t), "the side file appeared");
        assertTrue(run(cache(dir), t));
    }

    @Test
    void a_revisions_model_reading_a_project_module_is_read_back_while_the_module_is_unchanged(@TempDir Path tmp)
            throws IOException {
        Files.createDirectories(tmp.resolve("p/app"));
        Files.writeString(tmp.resolve("p/app/names.py"), "COLUMN = \"nick\"\n");
        LintTarget t = namesTree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        assertEquals(3, runWithModels(cache(dir), t, false).kept.get(), "every model kept, c3's too");
        Counting again = runWithModels(cache(dir), t, false);
        assertEquals(3, again.found.get(), "c3's model read back with the others");
        Files.writeString(tmp.resolve("p/app/names.py"), "COLUMN = \"handle\"\n");
        Counting edited = runWithModels(cache(dir), t, false);
        assertEquals(2, edited.found.get(), "c3 modelled again: its module changed");
        assertEquals(1, edited.kept.get());
    }

    @Test
    void an_env_py_appearing_beside_the_tree_misses(@TempDir Path tmp) throws IOException {
        // without env.py the project has MetaData's default convention; an env.py whose naming_convention cannot
        // be read makes it unknown, which changes the names the rules derive: the key must see it
        LintTarget t = tree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        Files.writeString(tmp.resolve("p/alembic.ini"), "[alembic]\nscript_location = %(here)s\n");
        t = target(tmp.resolve("p/versions"));
        run(cache(dir), t);
        assertTrue(run(cache(dir), t));
        assertFalse(dev.idemlint.migration.NamingConvention.of(t).isUnknown(), "no env.py: the default convention");
        Files.writeString(tmp.resolve("p/env.py"), """
                from sqlalchemy import MetaData
                from app.conventions import CONVENTION
                target_metadata = MetaData(naming_convention=CONVENTION)
                """);
        LintTarget withEnv = target(tmp.resolve("p/versions"));
        assertTrue(dev.idemlint.migration.NamingConvention.of(withEnv).isUnknown(), "the env.py was found and not read");
        assertFalse(run(cache(dir), withEnv));
        assertTrue(run(cache(dir), withEnv));
    }

    @Test
    void concurrent_runs_leave_only_whole_entries(@TempDir Path tmp) throws Exception {
        List<LintTarget> trees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            trees.add(tree(tmp.resolve("p" + i)));
        }
        Path dir = tmp.resolve("cache");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (LintTarget t : trees) {
                    // each its own ResultCache, as separate processes have: they race for the key file too
                    runs.add(pool.submit(() -> run(cache(dir), t)));
                }
            }
            for (Future<Boolean> f : runs) {
                f.get(); // each checked its hit against the linter
            }
        } finally {
            pool.shutdownNow();
        }
        for (LintTarget t : trees) {
            assertTrue(run(cache(dir), t) || run(cache(dir), t));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "a temporary file was left");
        }
    }

    @Test
    void trees_probed_at_once_in_one_cache_give_each_its_own_findings(@TempDir Path tmp) throws IOException {
        List<LintTarget> trees = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LintTarget t = tree(tmp.resolve("p" + i));
            if (i % 2 == 1) {
                // a tree of its own content, so that a result handed to the wrong tree shows
                Files.writeString(t.files().get(0), Files.readString(t.files().get(0)) + "    op.drop_table(\"t" + i + "\")\n");
                t = target(t.versionsDir());
            }
            trees.add(t);
        }
        // the first probes of one cache directory race to make it and its key
        Path dir = tmp.resolve("cache");
        List<ResultCache.Probe> cold = cache(dir).probeAll(trees, SHOWN, null).probes();
        for (int i = 0; i < trees.size(); i++) {
            assertNull(cold.get(i).hit(), "cold");
            cold.get(i).store(LINTER.lint(trees.get(i), SHOWN));
        }
        List<ResultCache.Probe> warm = cache(dir).probeAll(trees, SHOWN, null).probes();
        for (int i = 0; i < trees.size(); i++) {
            assertNotNull(warm.get(i).hit(), "warm");
            assertSameFindings(LINTER.lint(trees.get(i), SHOWN), warm.get(i).hit());
        }
        assertEquals(trees.size(), entries(dir).size(), "one entry a tree");
    }

    @Test
    void a_run_with_the_same_trees_and_options_replays_its_report_without_reading_an_entry(@TempDir Path tmp)
            throws IOException {
        List<LintTarget> trees = List.of(tree(tmp.resolve("p0")), tree(tmp.resolve("p1")));
        Path dir = tmp.resolve("cache");
        List<Object> options = List.of("json", false);
        byte[] report = "the report\n".getBytes(StandardCharsets.UTF_8);
        ResultCache.Run cold = cache(dir).probeAll(trees, SHOWN, options);
        assertNull(cold.replay(), "cold");
        for (int i = 0; i < trees.size(); i++) {
            assertNull(cold.probes().get(i).hit(), "cold");
            cold.probes().get(i).store(LINTER.lint(trees.get(i), SHOWN));
        }
        List<Path> treeEntries = entries(dir);
        // a report comes in pieces, kept as one
        cold.record(List.of("the ".getBytes(StandardCharsets.UTF_8), "report\n".getBytes(StandardCharsets.UTF_8)), 1);
        List<Path> slot = new ArrayList<>(entries(dir));
        slot.removeAll(treeEntries);
        assertEquals(1, slot.size(), "one report kept");

        ResultCache.Run warm = cache(dir).probeAll(trees, SHOWN, options);
        assertNotNull(warm.replay(), "warm");
        ResultCache.Replay r = warm.replay();
        assertEquals("the report\n", new String(r.data(), r.offset(), r.length(), StandardCharsets.UTF_8));
        assertEquals(1, r.status());
        assertNull(warm.probes().get(0).hit(), "a replay reads no tree's entry");
        assertFalse(warm.recording());

        // other options: the trees hit, the report is made again
        ResultCache.Run other = cache(dir).probeAll(trees, SHOWN, List.of("json", true));
        assertNull(other.replay(), "other options");
        assertNotNull(other.probes().get(1).hit(), "the trees still hit");
        assertNull(cache(dir).probeAll(trees, SHOWN, null).replay(), "no options, no replay");

        // one revision changed: no replay; that tree's result not stored, so its report is not kept
        Path changed = trees.get(1).files().get(0);
        Files.writeString(changed, Files.readString(changed) + "# changed\n");
        List<LintTarget> now = List.of(trees.get(0), target(trees.get(1).versionsDir()));
        ResultCache.Run one = cache(dir).probeAll(now, SHOWN, options);
        assertNull(one.replay(), "one revision changed");
        assertNull(one.probes().get(1).hit());
        one.record(List.of(report), 1);
        assertNull(cache(dir).probeAll(now, SHOWN, options).replay(), "a report of a tree not stored is not kept");
        one.probes().get(1).store(LINTER.lint(now.get(1), SHOWN));
        one.record(List.of(report), 0);
        assertEquals(0, cache(dir).probeAll(now, SHOWN, options).replay().status(), "the slot holds the newest report");
        assertNull(cache(dir).probeAll(trees.subList(0, 1), SHOWN, options).replay(), "other trees, no replay");

        // a damaged report is a miss
        byte[] kept = Files.readAllBytes(slot.get(0));
        kept[kept.length - 6] ^= 1;
        Files.write(slot.get(0), kept);
        assertNull(cache(dir).probeAll(now, SHOWN, options).replay(), "damaged");
    }

    @Test
    void strings_in_and_out_of_latin_1_round_trip() throws EntryCodec.Malformed {
        List<String> texts = List.of("", "plain", "caf\u00e9 \u00ff", "\u0100", "a?b", "emoji \ud83d\ude00", "lone \ud83d",
                "?\u20ac?");
        EntryCodec.Out out = new EntryCodec.Out();
        for (String t : texts) {
            out.string(t);
        }
        EntryCodec.In in = new EntryCodec.In(out.buf, 0, out.size);
        for (String t : texts) {
            assertEquals(t, in.string());
        }
        assertTrue(in.atEnd());
    }

    @Test
    void the_default_place_is_the_project_root_and_never_through_a_link(@TempDir Path tmp) throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        ResultCache byProject = ResultCache.forRun(null, "test-build", LINTER.ruleNames());
        assertFalse(run(byProject, t));
        Path made = t.projectRoot().resolve(ResultCache.DIR_NAME);
        assertTrue(Files.isDirectory(made), made.toString());
        assertTrue(run(ResultCache.forRun(null, "test-build", LINTER.ruleNames()), t));
        // a project that ships .idemlint_cache as a link to somewhere else: not followed
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        LintTarget q = tree(tmp.resolve("q"));
        Files.createSymbolicLink(q.projectRoot().resolve(ResultCache.DIR_NAME), elsewhere);
        assertNull(ResultCache.forRun(null, "test-build", LINTER.ruleNames()).probe(q, SHOWN));
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "the cache wrote through a link");
        }
    }

    /** Sets every file's modification time {@code days} back: entries no run has used since. */
    private static void age(Path dir, int days) throws IOException {
        java.nio.file.attribute.FileTime then = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - days * 86_400_000L);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, then);
                }
            }
        }
    }

    private static void edit(Path file, String line) throws IOException {
        Files.writeString(file, Files.readString(file) + line, StandardCharsets.UTF_8);
    }

    @Test
    void a_changed_tree_and_a_changed_revision_replace_their_entries(@TempDir Path tmp) throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        runWithModels(cache(dir), t);
        assertEquals(3, entries(dir).size(), "the tree's findings and one model per revision");
        Path b2 = tmp.resolve("p/versions/b2_nick.py");
        for (int round = 0; round < 4; round++) {
            edit(b2, "# change " + round + "\n");
            Counting memo = runWithModels(cache(dir), t);
            assertEquals(1, memo.found.get(), "a1's model read back");
            assertTrue(run(cache(dir), t));
            assertEquals(3, entries(dir).size(), "round " + round + ": the new entries replaced the old");
        }
        // a new revision adds its own model, and the tree keeps one entry for its findings
        Files.writeString(tmp.resolve("p/versions/c3_more.py"), """
                from alembic import op

                revision = "c3"
                down_revision = "b2"

                def upgrade():
                    op.execute("CREATE TABLE more (id int)")
                """, StandardCharsets.UTF_8);
        LintTarget three = target(tmp.resolve("p/versions"));
        runWithModels(cache(dir), three);
        assertEquals(4, entries(dir).size());
        // linting only some files: a slot of its own, shared by every such run
        LintTarget focused = new LintTarget(three.projectRoot(), three.versionsDir(), three.files(), three.settings(),
                List.of(b2), three.config(), three.provenance());
        assertFalse(run(cache(dir), focused));
        LintTarget otherFocus = new LintTarget(three.projectRoot(), three.versionsDir(), three.files(),
                three.settings(), List.of(three.files().get(0)), three.config(), three.provenance());
        assertFalse(run(cache(dir), otherFocus));
        assertEquals(5, entries(dir).size(), "one slot for the whole tree, one for a subset of its files");
        assertTrue(run(cache(dir), otherFocus));
        assertTrue(run(cache(dir), three));
    }

    @Test
    void a_deleted_revisions_model_is_swept_once_no_run_used_it(@TempDir Path tmp) throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        Path c3 = tmp.resolve("p/versions/c3_more.py");
        Files.writeString(c3, """
                from alembic import op

                revision = "c3"
                down_revision = "b2"

                def upgrade():
                    op.execute("CREATE TABLE more (id int)")
                """, StandardCharsets.UTF_8);
        LintTarget three = target(tmp.resolve("p/versions"));
        Path dir = tmp.resolve("cache");
        runWithModels(cache(dir), three);
        assertEquals(4, entries(dir).size());
        Files.delete(c3);
        runWithModels(cache(dir), t);
        assertEquals(4, entries(dir).size(), "a day has not passed: c3's model is kept");
        List<Path> before = entries(dir);
        // a week and a day later (every entry and the last sweep that old), b2 changes: a1's model is read
        // and kept, b2's and the tree's written anew, c3's removed
        age(dir, 8);
        edit(tmp.resolve("p/versions/b2_nick.py"), "# changed\n");
        Counting memo = runWithModels(cache(dir), t);
        assertEquals(1, memo.found.get());
        List<Path> after = entries(dir);
        assertEquals(3, after.size(), "the deleted revision's model was swept");
        assertTrue(before.containsAll(after), "each entry stays in its slot");
        assertTrue(run(cache(dir), t));
        // the entries of a build no longer run go the same way
        edit(tmp.resolve("p/versions/b2_nick.py"), "# for another build\n");
        runWithModels(ResultCache.forRun(dir, "another-build", LINTER.ruleNames()), t);
        assertEquals(6, entries(dir).size());
        age(dir, 8);
        edit(tmp.resolve("p/versions/b2_nick.py"), "# changed again\n");
        runWithModels(cache(dir), t);
        assertEquals(3, entries(dir).size(), "another build's entries were swept");
    }

    @Test
    void a_sweep_removes_only_entries_of_the_directory_and_follows_no_link(@TempDir Path tmp) throws IOException {
        LintTarget t = tree(tmp.resolve("p"));
        Path dir = tmp.resolve("cache");
        run(cache(dir), t);
        // a crafted cache: links named as entries, as a temporary file and as the sweep's own file, to a file
        // and a directory outside, all a month old; and an old entry-like file of the directory's own
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path victim = Files.writeString(outside.resolve("victim"), "keep me");
        Path inner = Files.writeString(Files.createDirectories(outside.resolve("d"))
                .resolve("0123456789abcdef0123456789abcdef"), "keep");
        age(outside, 30);
        age(outside.resolve("d"), 30);
        Files.createSymbolicLink(dir.resolve("0123456789abcdef0123456789abcde0"), victim);
        Files.createSymbolicLink(dir.resolve("0123456789abcdef0123456789abcde1"), outside.resolve("d"));
        Files.createSymbolicLink(dir.resolve(".tmp-crafted"), victim);
        Path own = Files.writeString(dir.resolve("0123456789abcdef0123456789abcde2"), "stale");
        Path notOurs = Files.writeString(dir.resolve("notes.txt"), "not a cache file");
        age(dir, 30);
        Files.delete(dir.resolve("last-sweep"));
        Files.createSymbolicLink(dir.resolve("last-sweep"), victim);
        edit(tmp.resolve("p/versions/b2_nick.py"), "# changed\n");
        assertFalse(run(cache(dir), t));
        assertFalse(Files.exists(own, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the sweep ran");
        assertEquals("keep me", Files.readString(victim));
        assertEquals("keep", Files.readString(inner));
        assertTrue(Files.isSymbolicLink(dir.resolve("0123456789abcdef0123456789abcde0")));
        assertTrue(Files.isSymbolicLink(dir.resolve("0123456789abcdef0123456789abcde1")));
        assertTrue(Files.isSymbolicLink(dir.resolve(".tmp-crafted")));
        assertTrue(Files.exists(notOurs));
        assertTrue(Files.isRegularFile(dir.resolve("last-sweep"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "the link was replaced, not written through");
        assertTrue(run(cache(dir), t));
    }

    /** A run as the command line makes it: the tree's findings when kept, else linted with its models as kept. */
    private static void runAsCli(ResultCache cache, LintTarget t) {
        ResultCache.Probe p = cache.probe(t, SHOWN);
        LintResult expected = LINTER.lint(t, SHOWN);
        if (p == null) {
            // no cache this time (runs that started together each renamed a new signing key into place, and
            // this one read none it could trust): the CLI lints without it
            assertSameFindings(expected, LINTER.lint(t, SHOWN));
            return;
        }
        if (p.hit() != null) {
            assertSameFindings(expected, p.hit());
            return;
        }
        LintResult r = LINTER.lint(t, SHOWN, null, p.files());
        assertSameFindings(expected, r);
        p.store(r);
    }

    @Test
    void concurrent_runs_sweeping_everything_they_can_give_the_linters_findings(@TempDir Path tmp) throws Exception {
        java.time.Duration unused = ResultCache.UNUSED_FOR;
        java.time.Duration every = ResultCache.SWEEP_EVERY;
        // every store sweeps, and every entry not written this millisecond is old enough to go: runs remove
        // what the others are reading and writing
        ResultCache.UNUSED_FOR = java.time.Duration.ZERO;
        ResultCache.SWEEP_EVERY = java.time.Duration.ZERO;
        List<LintTarget> trees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            trees.add(tree(tmp.resolve("p" + i)));
        }
        Path dir = tmp.resolve("cache");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (LintTarget t : trees) {
                    // each its own ResultCache, as separate processes have
                    runs.add(pool.submit(() -> runAsCli(cache(dir), t)));
                }
            }
            for (Future<?> f : runs) {
                f.get(); // each checked its result against the linter
            }
        } finally {
            pool.shutdownNow();
            ResultCache.UNUSED_FOR = unused;
            ResultCache.SWEEP_EVERY = every;
        }
        for (LintTarget t : trees) {
            assertTrue(run(cache(dir), t) || run(cache(dir), t));
        }
    }

    @Test
    void siphash_gives_the_reference_output() {
        // SipHash-2-4 paper, appendix A: key 00..0f, message 00..0e
        byte[] key = new byte[32];
        for (int i = 0; i < 16; i++) {
            key[i] = (byte) i;
            key[16 + i] = (byte) i;
        }
        byte[] message = new byte[15];
        for (int i = 0; i < 15; i++) {
            message[i] = (byte) i;
        }
        for (int split = 0; split <= 15; split++) {
            SipHash h = new SipHash(key);
            h.update(message, 0, split);
            h.update(message, split, 15 - split);
            byte[] out = h.finish();
            long lane = 0;
            for (int i = 7; i >= 0; i--) {
                lane = lane << 8 | (out[i] & 0xff);
            }
            assertEquals(0xa129ca6149be45e5L, lane, "split at " + split);
        }
    }
}
