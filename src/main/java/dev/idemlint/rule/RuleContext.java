package dev.idemlint.rule;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.schema.CommittedRerun;
import dev.idemlint.schema.RerunAnswers;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.source.Background;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import dev.idemlint.source.Spare;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a rule sees while checking: the target settings and a way to report. The engine sets the
 * rule before each call; severity comes from the rule's doc (or the user's config), not from code.
 */
public final class RuleContext {
    private final Settings settings;
    /** What the project's server raises or tolerates, picked once from its dialect. */
    private final ServerFacts facts;
    private final List<Diagnostic> into;
    private final RuleCatalog catalog;
    /** The findings reported so far, by rule, source site and message: one finding per site. */
    private final Map<Site, Slot> sites = new HashMap<>();
    /** The findings reported so far at each place, whatever they say. */
    private final Map<Place, Passes> places = new HashMap<>();
    private Rule current;
    private Supplier<NamingConvention> naming;
    private ObjIntConsumer<Migration> firstRunFailures = (m, i) -> { };
    private Function<SourceFile, Migration> models = f -> null;
    private Predicate<SourceFile> reported = f -> true;
    /** Each reported file's operations by what tells them apart at one span, to their place in its run. */
    private final Map<SourceFile, Map<Step, Integer>> steps = new IdentityHashMap<>();
    /** The re-run check's answers by revision, asked by the rules this context serves. */
    private final Map<Migration, RerunAnswers> answers = new IdentityHashMap<>();
    /** The build of the versions tree's timeline the engine shares among a run's project rules; null without one. */
    private FutureTask<SchemaTimeline> timeline;
    /** Work the engine has ahead, done while another thread builds the timeline. */
    private Spare spare = Spare.NONE;

    private RuleContext(Settings settings, RuleCatalog catalog, List<Diagnostic> into) {
        this.settings = settings;
        this.facts = ServerFacts.of(settings.dialect(), settings.postgresMajor());
        this.catalog = catalog;
        this.into = into;
    }

    /** A context whose reports are added to {@code into}. */
    public static RuleContext into(Settings settings, RuleCatalog catalog, List<Diagnostic> into) {
        return new RuleContext(settings, catalog, into);
    }

    /** A context that reports for one rule into {@code into}, for running a rule outside the engine (tests, tools). */
    public static RuleContext forRule(Rule rule, Settings settings, RuleCatalog catalog, List<Diagnostic> into) {
        RuleContext ctx = new RuleContext(settings, catalog, into);
        ctx.setCurrent(rule);
        return ctx;
    }

    /**
     * Where a rule reports, in one file (by identity: one object per file read), from one call: the statements of
     * a helper are reported at the line of upgrade() that calls it, and each is its own finding there. {@code step}
     * keeps apart the statements of one SQL text that has no place in the source to tell them by (SQL read from a
     * file, a dynamic string): each is its own finding at the call's span; the passes of a loop share theirs.
     */
    private static final class Place {
        private final String rule;
        private final SourceFile file;
        private final Span span;
        private final Span origin;
        private final int step;

        Place(String rule, SourceFile file, Span span, Span origin, int step) {
            this.rule = rule;
            this.file = file;
            this.span = span;
            this.origin = origin;
            this.step = step;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Place p && p.file == file && p.span.equals(span) && p.rule.equals(rule)
                    && Objects.equals(p.origin, origin) && p.step == step;
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(file) * 31 + span.hashCode()) * 31 + rule.hashCode();
        }
    }

    /**
     * One finding: a place and what it says there. The passes of a loop over a literal list that name another
     * object say another thing, and are a finding each; the passes that say the same are one finding, counted.
     */
    private record Site(Place place, String message) {
    }

    /** Where a site's finding sits in the list, the finding as first reported, and how often it was. */
    private static final class Slot {
        private final int index;
        private final Diagnostic first;
        private int times = 1;

        Slot(int index, Diagnostic first) {
            this.index = index;
            this.first = first;
        }
    }

    /** The findings at one place, and the fixes every pass at the place offered alike. */
    private static final class Passes {
        private final List<Slot> slots = new ArrayList<>();
        private List<Fix> fixes;

        Passes(List<Fix> fixes) {
            this.fixes = fixes;
        }
    }

    /**
     * Adds a finding, or counts it again when its rule already said the same at its place: the operations of
     * a loop over a literal list, or of a helper called twice, are one per pass with the same span, and a
     * finding is one per object named, however often the code reaches it.
     */
    private void add(Diagnostic d, Span origin) {
        Place place = new Place(d.rule(), d.file(), d.span(), origin, d.step());
        Site site = new Site(place, d.message());
        Passes passes = places.computeIfAbsent(place, p -> new Passes(d.fixes()));
        Slot slot = sites.get(site);
        if (slot == null) {
            slot = new Slot(into.size(), d);
            sites.put(site, slot);
            passes.slots.add(slot);
            into.add(d);
        } else {
            slot.times++;
        }
        // a fix is written once, on the line every pass runs: one that spells one pass's names (`DROP INDEX IF
        // EXISTS ix_a_id` in a loop over tables, a guard on that index) would do that pass's work on every pass,
        // so each finding at the place keeps only the fixes all its passes offered alike
        int offered = passes.fixes.size();
        passes.fixes = passes.fixes.stream().filter(d.fixes()::contains).toList();
        for (Slot s : passes.fixes.size() != offered ? passes.slots : List.of(slot)) {
            if (s.times > 1 || !passes.fixes.equals(s.first.fixes())) {
                into.set(s.index, repeated(s.first, s.times, passes.fixes));
            }
        }
    }

    /**
     * The first finding of a site, with {@code fixes}, saying how often code reaches it when that is more than once.
     */
    private static Diagnostic repeated(Diagnostic first, int times, List<Fix> fixes) {
        if (times == 1) {
            return new Diagnostic(first.rule(), first.severity(), first.file(), first.span(), first.message(),
                    first.help(), fixes, first.related(), first.step());
        }
        String m = first.message();
        String stem = m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
        return new Diagnostic(first.rule(), first.severity(), first.file(), first.span(),
                stem + " (this line runs " + times + " times).",
                "A loop or repeated call runs this line " + times + " times. " + first.help(),
                fixes, first.related(), first.step());
    }

    public Settings settings() {
        return settings;
    }

    /** What the project's server raises or tolerates: rules ask it, not which server it is. */
    public ServerFacts facts() {
        return facts;
    }

    /**
     * Sets where the project's naming convention comes from, read only when a rule asks (reading it can take
     * a second on a large project).
     */
    public void naming(Supplier<NamingConvention> source) {
        this.naming = source;
    }

    /**
     * The naming convention Alembic's ops name constraints and indexes with in this project; an unknown one
     * when none was given, and then fixes guard the names written in the code.
     */
    public NamingConvention naming() {
        return naming == null ? NamingConvention.unknown("no naming convention was read") : naming.get();
    }

    /**
     * The build of {@code graph}'s schema timeline from the revisions' precomputed effects, for the engine to
     * hand to every project rule of one run ({@link #timeline(FutureTask, Spare)}): run by the first rule
     * that asks, waited for by the others, let go with the run.
     */
    static FutureTask<SchemaTimeline> timelineBuild(RevisionGraph graph, Map<Migration, SchemaTimeline.Recorded> effects,
            ServerFacts facts) {
        return new FutureTask<>(() -> SchemaTimeline.build(graph.topologicalOrder(), effects, facts.uniqueKeyIsIndex()));
    }

    /** Where {@link #timeline()} comes from; {@code whileBuilt} runs while another thread builds it. */
    void timeline(FutureTask<SchemaTimeline> build, Spare whileBuilt) {
        this.timeline = build;
        this.spare = whileBuilt == null ? Spare.NONE : whileBuilt;
    }

    /**
     * The schema timeline of the versions tree a project rule checks: built once per run, by the first rule that
     * asks (another asking meanwhile does spare work, then waits), and shared. A build that failed fails each
     * rule that asks.
     */
    public SchemaTimeline timeline() {
        if (timeline == null) {
            throw new IllegalStateException("no schema timeline: only a project rule checking a versions tree has one");
        }
        // builds it unless another thread has started it
        timeline.run();
        while (!timeline.isDone() && spare.step()) {
            // the other thread builds it
        }
        return Background.await(timeline);
    }

    /** The timeline of {@code m} alone: what its own statements make, from an empty database. */
    public SchemaTimeline timelineOf(Migration m) {
        return SchemaTimeline.build(List.of(m));
    }

    /**
     * What the re-run of {@code m} meets of its own first run on the project's server ({@link CommittedRerun}):
     * MySQL and MariaDB commit each statement of the first run, PostgreSQL the revision as a whole.
     */
    public CommittedRerun rerun(Migration m) {
        return facts.commitsEachStatement() ? CommittedRerun.of(m.upgrade(), m.verdicts())
                : CommittedRerun.ofPostgres(m.upgrade(), m.verdicts());
    }

    /**
     * What the re-run check decided of each of {@code m}'s operations: clean, unknown, or failing with the conflict
     * it meets ({@link RerunVerdicts}); an operation without a verdict is the rule's to claim.
     */
    public RerunVerdicts verdicts(Migration m) {
        return m.verdicts();
    }

    /**
     * What the re-run check answers of {@code m}'s upgrade beyond its verdicts ({@link RerunAnswers}): one per
     * revision for the rules this context serves, each answer worked out once.
     */
    public RerunAnswers rerunAnswers(Migration m) {
        synchronized (answers) {
            return answers.computeIfAbsent(m, k -> RerunAnswers.of(k.upgrade(), facts.uniqueKeyIsIndex()));
        }
    }

    /**
     * The reads of {@code m}'s data statements, read in full on every server ({@link CommittedRerun#ofPostgres}):
     * which tables and columns a {@code SELECT}, {@code UPDATE}, {@code INSERT ... SELECT} or Core statement names
     * does not depend on the server, only what a missing one raises does.
     */
    public CommittedRerun dataReads(Migration m) {
        return CommittedRerun.ofPostgres(m.upgrade(), m.verdicts());
    }

    /** Where {@link #firstRunFails} goes: the engine voids the re-run claims of such revisions. */
    void firstRunFailuresInto(ObjIntConsumer<Migration> sink) {
        this.firstRunFailures = sink;
    }

    /**
     * Says that operation {@code index} of {@code m}'s upgrade surely fails on the revision's first run, every
     * statement on the path understood: the re-run that re-run claims are about never happens
     * ({@link RerunAnswers#claimStands}).
     */
    public void firstRunFails(Migration m, int index) {
        firstRunFailures.accept(m, index);
    }

    /** Which files the run reports findings on (all unless the engine says otherwise). */
    void reportsOn(Predicate<SourceFile> files) {
        this.reported = files;
    }

    /**
     * Whether the run reports findings on {@code file}: a project rule whose findings each go on the file of the
     * code it checks may skip the rest (an editor's run reports its open files, not the thousands around them).
     */
    public boolean reports(SourceFile file) {
        return reported.test(file);
    }

    void setCurrent(Rule rule) {
        this.current = rule;
    }

    /** Starts a diagnostic for the current rule; call {@link Builder#emit()} to report it. */
    public Builder report(SourceFile file, Span span, String message) {
        return new Builder(file, span, null, -1, message);
    }

    /**
     * Starts a diagnostic at an operation: at its site, and told apart from the other operations reported
     * at the same site (those of one helper call) by the call it comes from.
     */
    public Builder report(SourceFile file, OpSite site, String message) {
        Span call = site.callRef() != null ? site.callRef().span() : null;
        return new Builder(file, site.span(), call, step(file, site, call), message);
    }

    /**
     * Where the models of the revisions reported on come from ({@code file} to its revision, null when none is
     * at hand): a finding at an operation takes the operation's place in its revision's run from there.
     */
    void models(Function<SourceFile, Migration> source) {
        this.models = source;
    }

    /**
     * The place among its revision's upgrade operations of the first one at {@code site} (its span, the call
     * that performs it and, for one statement of several in an SQL string, where the statement starts), or -1.
     */
    private int step(SourceFile file, OpSite site, Span call) {
        Map<Step, Integer> places = steps.get(file);
        if (places == null) {
            Migration m = models.apply(file);
            if (m == null) {
                return -1;
            }
            List<Operation> ops = m.upgrade();
            places = new HashMap<>(ops.size() * 2);
            for (int i = 0; i < ops.size(); i++) {
                OpSite s = ops.get(i).site();
                places.putIfAbsent(new Step(s.span(), s.callRef() != null ? s.callRef().span() : null, s.sqlStart()), i);
            }
            steps.put(file, places);
        }
        return places.getOrDefault(new Step(site.span(), call, site.sqlStart()), -1);
    }

    /** What tells one operation of a revision from the others reported at the same span. */
    private record Step(Span span, Span call, int sqlStart) {
    }

    public final class Builder {
        private final SourceFile file;
        private final Span span;
        private final Span origin;
        private final int step;
        private final String message;
        private String help = "";
        private final List<Fix> fixes = new ArrayList<>();
        private final List<Related> related = new ArrayList<>();
        /** Null: the rule's own, from its doc. */
        private Severity severity;

        private Builder(SourceFile file, Span span, Span origin, int step, String message) {
            this.file = file;
            this.span = span;
            this.origin = origin;
            this.step = step;
            this.message = message;
        }

        public Builder help(String text) {
            this.help = text;
            return this;
        }

        public Builder fix(Fix fix) {
            if (fix != null) {
                fixes.add(fix);
            }
            return this;
        }

        /** Adds fixes in order of preference; nulls are ignored. */
        public Builder fixes(List<Fix> alternatives) {
            for (Fix f : alternatives) {
                fix(f);
            }
            return this;
        }

        /**
         * This finding at {@code s} rather than the rule's severity: for a finding that the project's own
         * setup makes harmless (heads a deploy upgrades with {@code alembic upgrade heads}) but worth a note.
         * The user's configured severity still wins.
         */
        public Builder severity(Severity s) {
            this.severity = s;
            return this;
        }

        public Builder related(SourceFile f, Span s, String msg) {
            related.add(new Related(f, s, msg));
            return this;
        }

        public void emit() {
            if (!facts.doBlocks()) {
                // a DO block or ON CONFLICT is a syntax error on MySQL/MariaDB: such a fix is never offered
                fixes.removeIf(f -> f.edits().stream().anyMatch(e -> e.replacement().contains("$$")
                        || e.replacement().toUpperCase(Locale.ROOT).contains("ON CONFLICT")));
            }
            String name = current.name();
            Severity severity = this.severity != null ? this.severity : catalog.severity(name);
            add(new Diagnostic(name, severity, file, span, message, help, List.copyOf(fixes), List.copyOf(related),
                    step), origin);
        }
    }
}
