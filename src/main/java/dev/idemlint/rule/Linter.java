package dev.idemlint.rule;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.schema.RerunAnswers;
import dev.idemlint.schema.RerunSimulation;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.source.Background;
import dev.idemlint.source.Once;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import dev.idemlint.source.Spare;
import dev.idemlint.sql.SqlClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The pipeline for one target: read, parse, extract, classify SQL, build the graph, run the rules,
 * drop suppressed findings. Files are parsed in parallel; parse trees are dropped once the model is
 * built. Bad input becomes a located {@code parse-error}/{@code io-error} diagnostic and the rest of
 * the run goes on.
 */
public final class Linter {
    private final List<Rule> rules;
    private final RuleCatalog catalog;
    private final PythonParser parser = new PythonParser();
    private final MigrationReader reader = new MigrationReader();
    private final SqlClassifier classifier = new SqlClassifier();
    /** {@link #rerunClaim} of each rule asked, read from its page once (it is asked for every finding). */
    private final Map<String, Boolean> rerunClaims = new ConcurrentHashMap<>();

    public Linter(List<Rule> rules, RuleCatalog catalog) {
        this.rules = List.copyOf(rules);
        this.catalog = catalog;
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    /** Lints a target; {@code display} maps absolute paths to the paths shown to users. */
    public LintResult lint(LintTarget target, Function<Path, String> display) {
        return lint(target, display, Map.of(), null, null);
    }

    /**
     * Lints a target, handing the files' findings (final, in file order) to {@code ahead} once the
     * files are done: the {@link Spare} it returns runs while the project rules' threads would wait
     * for each other. The findings of the result are the same objects. Each file's model and per-file
     * findings come from {@code memo} when it holds them, and it is handed those of the files read.
     */
    public LintResult lint(LintTarget target, Function<Path, String> display, Function<List<Diagnostic>, Spare> ahead,
            FileMemo memo) {
        return lint(target, display, Map.of(), ahead, memo);
    }

    /**
     * Lints with {@code texts} standing in for the files they name (the fix loop's unwritten results,
     * stdin, an editor's open buffers); the other files are read from disk.
     */
    public LintResult lint(LintTarget target, Function<Path, String> display, Map<Path, String> texts) {
        return lint(target, display, texts, null, null);
    }

    /** As {@link #lint(LintTarget, Function, Map)}, with each file's model and per-file findings from {@code memo}. */
    public LintResult lintKept(LintTarget target, Function<Path, String> display, Map<Path, String> texts,
            FileMemo memo) {
        return lint(target, display, texts, null, memo);
    }

    private LintResult lint(LintTarget target, Function<Path, String> display, Map<Path, String> texts,
            Function<List<Diagnostic>, Spare> ahead, FileMemo memo) {
        List<Path> files = target.lintedFiles();
        List<MigrationRule> fileRules = new ArrayList<>();
        List<ProjectRule> projectRules = new ArrayList<>();
        for (Rule rule : rules) {
            if (!enabled(target, rule.name())) {
                continue;
            }
            if (rule instanceof MigrationRule mr) {
                fileRules.add(mr);
            } else if (rule instanceof ProjectRule pr) {
                projectRules.add(pr);
            }
        }
        // Each file is read, parsed, modelled and checked by the per-file rules on one worker, while
        // its syntax tree is still at hand for their fix builders; then the tree is let go, so memory
        // holds one model per file, not one tree per file.
        boolean timeline = target.versionsDir() != null && !projectRules.isEmpty();
        TargetNaming naming = new TargetNaming(target);
        if (memo != null) {
            memo.naming(naming.convention());
        }
        // on all cores, each thread taking the next file as it finishes one, results in file order (a
        // parallel stream split the list into four fixed runs, 925 files at 3,700, and the thread done
        // first waited half a run for the other)
        Loaded[] done = new Loaded[files.size()];
        Background.forEachIndex(done.length, new IntConsumer() {
            @Override
            public void accept(int i) {
                done[i] = loadAndCheckGuarded(files.get(i), target, naming, display, texts, fileRules, timeline, memo);
            }
        });
        List<Loaded> loaded = Arrays.asList(done);
        List<Migration> revisions = new ArrayList<>(loaded.size());
        // sized once: growing them by doubling rehashed every entry (this loop runs once per run)
        Map<Migration, SchemaTimeline.Recorded> effects = new IdentityHashMap<>(loaded.size());
        Map<SourceFile, Suppressions> sup = new IdentityHashMap<>(loaded.size());
        // the files' findings, each file's already filtered and sorted on its worker
        List<Diagnostic> shown = new ArrayList<>(loaded.size() * 6);
        List<Diagnostic> rest = new ArrayList<>();
        for (Loaded l : loaded) {
            collect(l, revisions, effects, sup, shown, rest);
        }
        Spare spare = ahead == null ? Spare.NONE : ahead.apply(List.copyOf(shown));
        Path dir = target.versionsDir() == null ? target.projectRoot() : target.versionsDir();
        // A lone file has no tree around it: graph and timeline rules need the whole directory.
        boolean project = target.versionsDir() != null;
        // the graph is built on the pool's worker while this thread runs the rules that do not read it
        Background<RevisionGraph> graphing = Background.start(new Callable<RevisionGraph>() {
            @Override
            public RevisionGraph call() {
                return RevisionGraph.build(revisions);
            }
        });
        @SuppressWarnings("unchecked")
        List<Diagnostic>[] byRule = new List[projectRules.size()];
        int unreadable = 0;
        for (Loaded l : loaded) {
            if (l == null || l.migration() == null) {
                unreadable++;
            }
        }
        VersionsTree graphless = new VersionsTree(dir, revisions, null, unreadable);
        // revisions whose first run surely fails, and at which operation of their upgrade (the first)
        Map<Migration, Integer> failing = new ConcurrentHashMap<>();
        // each revision by its file, read only: a project rule's finding at an operation takes the operation's
        // place in its revision's run from there
        Map<SourceFile, Migration> models = new IdentityHashMap<>(project ? revisions.size() : 0);
        for (int i = 0; project && i < revisions.size(); i++) {
            models.put(revisions.get(i).source(), revisions.get(i));
        }
        for (int i = 0; project && i < projectRules.size(); i++) {
            if (!projectRules.get(i).usesGraph()) {
                byRule[i] = checkGuarded(projectRules.get(i), graphless, target, naming, display, failing, models, null,
                        null);
            }
        }
        RevisionGraph graph = graphing.join(spare);
        VersionsTree tree = new VersionsTree(dir, revisions, graph, unreadable);
        if (project) {
            FutureTask<SchemaTimeline> built = timeline ? RuleContext.timelineBuild(graph, effects,
                    ServerFacts.of(target.settings().dialect(), target.settings().postgresMajor())) : null;
            rest.addAll(UnreadCodeReached.withheld(projectFindings(projectRules, byRule, tree, target, naming,
                    display, spare, failing, models, built), models, this::rerunClaim));
        }
        if (!failing.isEmpty()) {
            // the revision's DDL runs in one transaction: a failure rolls back what ran before it
            boolean transactional = !ServerFacts.of(target.settings().dialect(), target.settings().postgresMajor())
                    .commitsEachStatement() && !target.settings().envMayAutocommit();
            Map<SourceFile, Migration> byFile = new IdentityHashMap<>(failing.size());
            failing.keySet().forEach(m -> byFile.put(m.source(), m));
            Map<Migration, Map<Span, Integer>> sites = new IdentityHashMap<>();
            Predicate<Diagnostic> voided = d -> {
                Migration m = byFile.get(d.file());
                if (m == null || !rerunClaim(d.rule())) {
                    return false;
                }
                // a helper's statements share the span of its call: the finding's own step tells them apart
                Integer at = d.step() >= 0 ? Integer.valueOf(d.step())
                        : sites.computeIfAbsent(m, Linter::operationSites).get(d.span());
                return at != null && !RerunAnswers.of(m.upgrade()).claimStands(failing.get(m), at, transactional);
            };
            shown.removeIf(voided);
            rest.removeIf(voided);
        }
        Function<SourceFile, Suppressions> marksOf = new Function<>() {
            @Override
            public Suppressions apply(SourceFile f) {
                Suppressions s = sup.get(f);
                if (s == null) {
                    s = Suppressions.scan(f);
                    sup.put(f, s);
                }
                return s;
            }
        };
        for (Diagnostic d : rest) {
            Diagnostic k = kept(d, target, marksOf);
            if (k != null) {
                shown.add(k);
            }
        }
        // runs of files sorted on the workers, and the project findings: a stable sort, so findings
        // equal in every key keep their order
        shown.sort(ORDER);
        return new LintResult(List.copyOf(shown), List.of(tree), target.reportedFiles().size());
    }

    /**
     * One file's results into the run's lists and maps. A method of its own, which C1 compiles after a
     * few dozen calls: as the body of a loop that runs once per run it ran in the interpreter for
     * thousands of files (~5 ms of one thread at 3,700 files, with the other waiting).
     */
    private static void collect(Loaded l, List<Migration> revisions, Map<Migration, SchemaTimeline.Recorded> effects,
            Map<SourceFile, Suppressions> sup, List<Diagnostic> shown, List<Diagnostic> rest) {
        if (l.migration() == null) {
            rest.addAll(l.diagnostics()); // unreadable: its findings say why
            return;
        }
        shown.addAll(l.diagnostics());
        if (l.suppressions() != null) {
            sup.put(l.migration().source(), l.suppressions());
        }
        if (l.migration().header().isRevision()) {
            revisions.add(l.migration());
            effects.put(l.migration(), l.effects());
        }
    }

    /**
     * {@link #loadAndCheck}, with a failure of idemlint itself on this file (a bug, a stack or heap
     * exhausted by this file's input) turned into an {@code internal-error} finding on it: the file
     * has no model, like one that does not parse, and every other file is still linted.
     */
    private Loaded loadAndCheckGuarded(Path p, LintTarget target, TargetNaming naming, Function<Path, String> display,
            Map<Path, String> texts, List<MigrationRule> fileRules, boolean timeline, FileMemo memo) {
        return guarded(() -> loadAndCheck(p, target, naming, display, texts, fileRules, timeline, memo), e -> {
            String text = texts.get(p);
            SourceFile file = SourceFile.of(p, display.apply(p), text == null ? "" : text);
            return new Loaded(null, null, null, List.of(internalError(file, "this file", e)));
        });
    }

    /**
     * {@code work}, run again on a deep stack when it overflows the thread's, and {@code failed}'s answer to a
     * failure of idemlint itself (a bug, a stack or heap exhausted by the input).
     */
    private static <T> T guarded(Supplier<T> work, Function<Throwable, T> failed) {
        try {
            try {
                return work.get();
            } catch (StackOverflowError deep) {
                return onDeepStack(work);
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError e) {
            return failed.apply(e);
        }
    }

    /**
     * Stack for work that overflowed a pool thread's (the JVM's default, 1 MB): the parsers and the
     * walks over a file's syntax recurse once per nesting level of its expressions, and
     * python/NestingLimit lets through what CPython compiles, up to 3,000 levels, which needs about
     * 4 MB on the deepest shapes. The size is reserved address space; only the pages a deep file
     * touches are committed.
     */
    private static final long DEEP_STACK_BYTES = 16L << 20;

    /** Runs {@code work} again on a thread of its own with {@link #DEEP_STACK_BYTES} of stack. */
    static <T> T onDeepStack(Supplier<T> work) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = work.get();
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "idemlint-deep", DEEP_STACK_BYTES);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /** The finding for idemlint's own failure {@code e} while working on {@code what} of {@code file}. */
    private Diagnostic internalError(SourceFile file, String what, Throwable e) {
        String why = e instanceof StackOverflowError ? "its code is nested too deeply for idemlint's stack"
                : e instanceof OutOfMemoryError ? "idemlint ran out of memory" : "a bug in idemlint";
        return builtin(BuiltinChecks.INTERNAL_ERROR, file, new Span(0, 0), "Internal error (" + e.getClass().getSimpleName()
                + ") while analyzing " + what + ": " + why + "; its findings are missing, the run's other"
                + " findings are complete.", "Please report this file to the idemlint maintainers.");
    }

    /** One file: read, parsed, modelled, checked by the per-file rules, its tree let go. */
    private Loaded loadAndCheck(Path p, LintTarget target, TargetNaming naming, Function<Path, String> display,
            Map<Path, String> texts, List<MigrationRule> fileRules, boolean timeline, FileMemo memo) {
        FileMemo.Kept kept = memo == null ? null : memo.find(p);
        Migration m;
        List<Diagnostic> mine;
        SchemaTimeline.Recorded effects = null;
        if (kept != null) {
            m = kept.model();
            mine = kept.found();
            effects = kept.effects();
        } else {
            // each file's findings in a list of its own (a queue shared by the workers was a node
            // and a contended append per finding, and a walk of 20,000 nodes after)
            mine = new ArrayList<>(8);
            m = load(p, display.apply(p), texts.get(p), mine, naming::postgresNames, naming::convention,
                    target.settings().dialect());
            // a file that only gives the graph its context (the user named other files, as pre-commit
            // does) needs its model, not its per-file findings and their fixes
            if (m != null && m.header().isRevision() && target.reports(p)) {
                RuleContext fileCtx = RuleContext.into(target.settings(), catalog, mine);
                fileCtx.naming(naming::convention);
                Migration model = m;
                fileCtx.models(f -> f == model.source() ? model : null);
                for (MigrationRule rule : fileRules) {
                    fileCtx.setCurrent(rule);
                    rule.check(m, fileCtx);
                }
            }
            if (m == null) {
                return new Loaded(null, null, null, mine);
            }
        }
        // the revision's part of the schema timeline (it reads op calls' keywords, so before they are
        // let go), the file's suppression comments, and its findings filtered and sorted: here on both
        // cores rather than on one after the project rules
        if (!timeline || !m.header().isRevision()) {
            effects = null;
        } else if (effects == null) {
            effects = SchemaTimeline.recorded(m);
        }
        if (kept == null && memo != null) {
            memo.keep(p, m, List.copyOf(mine), effects);
        }
        m.releaseSyntax();
        // a file without findings of its own is searched for suppression comments only when a project rule's
        // finding on it is reported: the editor's runs report two files of thousands
        Suppressions marks = mine.isEmpty() ? null : Suppressions.scan(m.source());
        List<Diagnostic> shown = new ArrayList<>(mine.size());
        Function<SourceFile, Suppressions> marksOf = new Function<>() {
            @Override
            public Suppressions apply(SourceFile f) {
                return f == m.source() ? marks : Suppressions.scan(f);
            }
        };
        for (Diagnostic d : mine) {
            Diagnostic k = kept(d, target, marksOf);
            if (k != null) {
                shown.add(k);
            }
        }
        if (m.header().isRevision()) {
            shown = new ArrayList<>(TryBodyClaims.firstOnly(m, shown, this::rerunClaim));
            shown = new ArrayList<>(UnreadCodeReached.withheld(m, shown, this::rerunClaim));
            shown = new ArrayList<>(UnguardedKeyReached.withheld(m, shown, this::rerunClaim));
        }
        shown.sort(ORDER);
        return new Loaded(m, effects, marks, shown);
    }

    /**
     * The project rules' findings, in rule order: those in {@code byRule} already (the rules that read
     * no graph, run while it was built), the others run on both cores, two threads taking the next
     * task from one list as they finish one. The first rule to ask its context for the schema timeline
     * ({@code timeline}) builds it on its thread; a rule asking on the other thread meanwhile runs
     * {@code spare} steps until it is built, as does a thread that would wait at the end for the other's
     * last rule.
     */
    private List<Diagnostic> projectFindings(List<ProjectRule> rules, List<Diagnostic>[] byRule, VersionsTree tree,
            LintTarget target, TargetNaming naming, Function<Path, String> display, Spare spare,
            Map<Migration, Integer> failing, Map<SourceFile, Migration> models, FutureTask<SchemaTimeline> timeline) {
        List<Integer> order = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            if (byRule[i] == null) {
                order.add(i);
            }
        }
        Background.forEachIndex(order.size(), new IntConsumer() {
            @Override
            public void accept(int k) {
                int i = order.get(k);
                byRule[i] = checkGuarded(rules.get(i), tree, target, naming, display, failing, models, timeline, spare);
            }
        }, spare);
        List<Diagnostic> out = new ArrayList<>();
        for (List<Diagnostic> d : byRule) {
            out.addAll(d);
        }
        return out;
    }

    /**
     * {@link #check}, with a failure of idemlint itself in the rule turned into an {@code internal-error}
     * finding on the versions directory: the rule's findings are missing, the others are complete.
     */
    private List<Diagnostic> checkGuarded(ProjectRule rule, VersionsTree tree, LintTarget target,
            TargetNaming naming, Function<Path, String> display, Map<Migration, Integer> failing,
            Map<SourceFile, Migration> models, FutureTask<SchemaTimeline> timeline, Spare spare) {
        return guarded(() -> check(rule, tree, target, naming, failing, models, timeline, spare), e -> {
            SourceFile where = SourceFile.of(tree.dir(), display.apply(tree.dir()), "");
            return List.of(internalError(where, "the tree for rule " + rule.name(), e));
        });
    }

    /** One project rule's findings on {@code tree}; {@code timeline} is the tree's, shared, null before the graph. */
    private List<Diagnostic> check(ProjectRule rule, VersionsTree tree, LintTarget target, TargetNaming naming,
            Map<Migration, Integer> failing, Map<SourceFile, Migration> models, FutureTask<SchemaTimeline> timeline,
            Spare spare) {
        List<Diagnostic> mine = new ArrayList<>();
        RuleContext ruleCtx = RuleContext.into(target.settings(), catalog, mine);
        if (timeline != null) {
            ruleCtx.timeline(timeline, spare);
        }
        ruleCtx.firstRunFailuresInto((m, i) -> failing.merge(m, i, Math::min));
        ruleCtx.naming(naming::convention);
        ruleCtx.models(models::get);
        // a set, not the target's list: a rule may ask once per object of the tree, and paths share long prefixes
        Set<Path> focus = new HashSet<>(target.focus());
        ruleCtx.reportsOn(focus.isEmpty() ? f -> true : f -> focus.contains(f.path()));
        ruleCtx.setCurrent(rule);
        rule.check(tree, ruleCtx);
        return mine;
    }

    /**
     * Whether the rule's findings are re-run claims (a statement fails when its revision runs again): the
     * rules tagged {@code idempotency} in their page.
     */
    private boolean rerunClaim(String rule) {
        return rerunClaims.computeIfAbsent(rule, this::taggedIdempotency);
    }

    private boolean taggedIdempotency(String rule) {
        RuleDoc doc = catalog.doc(rule);
        if (doc == null || doc.tags() == null) {
            return false;
        }
        for (String tag : doc.tags().split(",")) {
            if (tag.strip().equals("idempotency")) {
                return true;
            }
        }
        return false;
    }

    /** The index in {@code m}'s upgrade of the first operation at each span: where a finding on it points. */
    private static Map<Span, Integer> operationSites(Migration m) {
        Map<Span, Integer> out = new HashMap<>();
        List<Operation> up = m.upgrade();
        for (int i = 0; i < up.size(); i++) {
            out.putIfAbsent(up.get(i).site().span(), i);
        }
        return out;
    }

    /**
     * Whether the project's config runs the rule (a selector naming a category reads the rule's page). On a
     * backend idemlint has no facts for (sqlite) only the rules about the graph and the input run: a claim of
     * what the database raises would be PostgreSQL's, made for another server.
     */
    private boolean enabled(LintTarget target, String rule) {
        if (target.settings().unmodelledBackend() != null) {
            RuleDoc doc = catalog.doc(rule);
            if (doc != null && !GRAPH_ONLY.contains(doc.category())) {
                return false;
            }
        }
        return target.config().isEnabled(rule, () -> {
            RuleDoc doc = catalog.doc(rule);
            return doc == null ? "" : doc.category();
        });
    }

    /** The categories whose rules hold whatever the database: the revision graph, and reading the input. */
    private static final Set<String> GRAPH_ONLY = Set.of("graph", "input");

    /**
     * {@code d} as reported (its severity as the config sets it), or null when it is not: a
     * context-only file, a rule the project's config turns off, or a suppression comment. A method of
     * its own so that C1 compiles it after a few calls: as the body of a loop that runs once per run
     * it ran in the interpreter for most of tens of thousands of findings.
     */
    private Diagnostic kept(Diagnostic d, LintTarget target, Function<SourceFile, Suppressions> sup) {
        if (!target.reports(d.file().path()) || !enabled(target, d.rule())) {
            return null;
        }
        Suppressions s = sup.apply(d.file());
        if (s.suppressed(d)) {
            return null;
        }
        String configured = target.config().severityFor(d.rule());
        return configured == null || configured.equals("off") ? d : d.withSeverity(Severity.parse(configured));
    }

    /**
     * A file's model (null when it could not be read or parsed), its suppression comments (null when it has
     * no per-file findings: read when a project rule's finding needs them), for
     * revisions its part of the schema timeline, and its per-file findings: as reported and sorted
     * when there is a model, as found when there is none.
     */
    private record Loaded(Migration migration, SchemaTimeline.Recorded effects, Suppressions suppressions,
            List<Diagnostic> diagnostics) {
    }

    /**
     * By shown path, start offset, the place of the operation in its revision's run ({@link Diagnostic#step}: the
     * statements of a helper, reported at its call, are listed as the helper runs them, whatever their rules), and
     * rule; findings equal in these keep the order their rule found them in (every sort of findings is stable).
     */
    public static final Comparator<Diagnostic> ORDER = new Comparator<>() {
        @Override
        public int compare(Diagnostic a, Diagnostic b) {
            return Linter.compare(a, b);
        }
    };

    // Written out rather than chained comparators: sorting tens of thousands of findings was 3% of a
    // 3,700-file run, mostly comparing the long equal paths of findings in the same file.
    private static int compare(Diagnostic a, Diagnostic b) {
        if (a.file() != b.file()) {
            int c = a.file().displayPath().compareTo(b.file().displayPath());
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(a.span().start(), b.span().start());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.step(), b.step());
        if (c != 0) {
            return c;
        }
        return a.rule().compareTo(b.rule());
    }

    /**
     * The target's naming convention and whether PostgreSQL names its unnamed keys, read once per run, when
     * first asked (by any of the run's threads, which all get the one value). Each key of each revision asks, and
     * a lookup by target hashes every path of its file list: a chain of 20,000 revisions hashed 20,000 paths per
     * key. Nothing outlives the run: the Language Server lints edit after edit with one linter, and env.py may
     * change between them.
     */
    private static final class TargetNaming {
        private final Once<NamingConvention> convention;
        /**
         * True when PostgreSQL names the project's unnamed keys itself ({@code t_a_fkey}): its naming
         * convention is known and names no primary, unique or foreign key (Alembic's ops use the
         * convention of env.py's target_metadata).
         */
        private final Once<Boolean> postgresNames;

        TargetNaming(LintTarget target) {
            this.convention = new Once<>(() -> NamingConvention.of(target));
            this.postgresNames = new Once<>(() -> {
                NamingConvention c = convention();
                return !c.isUnknown() && !c.templates().containsKey("fk") && !c.templates().containsKey("uq")
                        && !c.templates().containsKey("pk");
            });
        }

        NamingConvention convention() {
            return convention.get();
        }

        boolean postgresNames() {
            return postgresNames.get();
        }
    }

    /**
     * Reads, parses and models one file; reports problems into {@code diags} and returns null on failure.
     * {@code postgresNames}: whether unnamed keys get PostgreSQL's default names, asked only when a
     * revision needs it (reading the project's naming convention can take a second). {@code naming} gives the
     * project's naming convention, so that a guard naming a constraint or index by the name the convention
     * makes counts as a guard of the op that creates it (null: only the names written in the code count).
     * Dialect tests ({@code if bind.dialect.name == "mysql":}) are read for {@code dialect}.
     */
    Migration load(Path path, String displayPath, String text, List<Diagnostic> diags,
            BooleanSupplier postgresNames,
            Supplier<NamingConvention> naming,
            Dialect dialect) {
        SourceFile file;
        char[] chars = null;
        try {
            if (text != null) {
                file = SourceFile.of(path, displayPath, text);
            } else {
                SourceReader.Text read = SourceReader.readText(path, displayPath);
                file = read.file();
                chars = read.chars();
            }
        } catch (SourceReader.Unreadable e) {
            SourceFile shown = e.shown(path, displayPath);
            int at = Math.min(e.offset(), shown.text().length());
            diags.add(builtin(e.io() ? BuiltinChecks.IO_ERROR : BuiltinChecks.PARSE_ERROR, shown,
                    new Span(at, Math.min(at + 1, shown.text().length())),
                    e.getMessage(), e.io() ? "Check the path and its permissions." : "Save the file as UTF-8."));
            return null;
        }
        Path name = path.getFileName();
        // __init__.py, and what else Alembic's own pattern passes by, is never loaded as a revision
        boolean passedBy = name != null && !Discovery.alembicLoads(name.toString());
        if (file.text().isBlank()) {
            if (!passedBy) {
                diags.add(builtin(BuiltinChecks.PARSE_ERROR, file, new Span(0, 0),
                        "Empty file: not an Alembic revision, and Alembic fails every command on a .py file"
                                + " without a `revision` variable in a versions directory.",
                        "Delete the file or write the revision it was meant to hold."));
            }
            return null;
        }
        PythonModule module;
        try {
            module = parser.parseShared(file, chars);
        } catch (PythonSyntaxError e) {
            int off = Math.max(0, Math.min(e.offset(), file.text().length()));
            int end = Math.min(file.text().length(), off + 1);
            diags.add(builtin(BuiltinChecks.PARSE_ERROR, file, new Span(off, end), "Syntax error: " + e.getMessage()
                    + "; Alembic cannot import this file, so every command fails.",
                    e.getMessage().startsWith("(unicode error)") ? "Save the file as UTF-8, or declare its encoding in a"
                            + " '# -*- coding: ... -*-' line." : "Fix the Python syntax."));
            return null;
        } catch (RuntimeException | OutOfMemoryError | AssertionError e) {
            // a StackOverflowError goes up: the engine runs the file again on a deeper stack
            diags.add(internalError(file, "this file", e));
            return null;
        }
        Migration m;
        try {
            m = reader.read(module, dialect);
        } catch (RuntimeException | OutOfMemoryError | AssertionError e) {
            // a StackOverflowError goes up: the engine runs the file again on a deeper stack
            diags.add(internalError(file, "this file", e));
            return null;
        }
        if (!m.header().isRevision() && !passedBy) {
            diags.add(builtin(BuiltinChecks.PARSE_ERROR, file, new Span(0, 0),
                    "No module-level `revision = ...` assignment: Alembic fails every command on this file"
                            + " (CommandError: Could not determine revision id from filename).",
                    "Declare `revision` and `down_revision`, or move the module out of the versions directory."));
        }
        // of the server's facts only whether a unique key is its index is asked here: no PostgreSQL version needed
        RerunSimulation.Decided decided = RerunSimulation.decide(classify(m.operations()), postgresNames,
                ServerFacts.of(dialect, 0).uniqueKeyIsIndex());
        // the guards resolved in place: the verdicts stay with the operations at their positions
        return m.withOperations(GuardMatch.resolve(decided.ops(), postgresNames, naming))
                .withVerdicts(decided.verdicts()).withoutModule();
    }

    private List<Operation> classify(List<Operation> ops) {
        boolean any = false;
        for (Operation o : ops) {
            if (o instanceof Operation.RawSql) {
                any = true;
                break;
            }
        }
        if (!any) {
            return ops;
        }
        List<Operation> out = new ArrayList<>(ops.size() + 4);
        for (Operation o : ops) {
            if (o instanceof Operation.RawSql raw) {
                try {
                    for (Operation c : classifier.classify(raw)) {
                        out.add(pointIntoStatement(c, raw.site().statement()));
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    out.add(new Operation.Unknown(raw.site(), "unclassifiable SQL"));
                }
            } else {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * SQL built from a module constant or inside a helper maps to text outside the statement that
     * runs it; such findings point at that statement instead (fixes still edit the literal).
     */
    private static Operation pointIntoStatement(Operation op, Span statement) {
        Span span = op.site().span();
        if (statement == null || statement.contains(span)) {
            return op;
        }
        return op.withSite(op.site().withSpan(statement));
    }

    private Diagnostic builtin(String name, SourceFile file, Span span, String message, String help) {
        return new Diagnostic(name, catalog.severity(name), file, span, message, help, List.of(), List.of());
    }

    /** Names of the rules this linter runs, plus the built-in checks. */
    public Set<String> ruleNames() {
        Set<String> out = new TreeSet<>(BuiltinChecks.NAMES);
        for (Rule r : rules) {
            out.add(r.name());
        }
        return out;
    }
}
