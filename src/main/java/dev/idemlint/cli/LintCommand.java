package dev.idemlint.cli;

import dev.idemlint.cache.ResultCache;
import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.InputProblem;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.RuleSelector;
import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.SettingsOverrides;
import dev.idemlint.discovery.Version;
import dev.idemlint.fix.AtomicWriter;
import dev.idemlint.fix.UnifiedDiff;
import dev.idemlint.report.Baseline;
import dev.idemlint.report.GithubReporter;
import dev.idemlint.report.GitlabReporter;
import dev.idemlint.report.JsonLinesReporter;
import dev.idemlint.report.JsonReporter;
import dev.idemlint.report.JunitReporter;
import dev.idemlint.report.OutputFile;
import dev.idemlint.report.Report;
import dev.idemlint.report.Reporter;
import dev.idemlint.report.SarifReporter;
import dev.idemlint.report.TextReporter;
import dev.idemlint.report.Utf8Output;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.FileMemo;
import dev.idemlint.rule.FixLoop;
import dev.idemlint.rule.LintResult;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.Rule;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.RuleDoc;
import dev.idemlint.rule.Severity;
import dev.idemlint.rules.Registry;
import dev.idemlint.source.Background;
import dev.idemlint.source.Printable;
import dev.idemlint.source.Spare;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idemlint lint [PATH...]}: lint files, versions directories or project roots. */
public final class LintCommand implements Callable<Integer> {
    private final List<Path> paths;
    private final String format;
    private final Path output;
    private final String failOn;
    private final Path config;
    private final boolean forceExclude;
    private final boolean followLinks;
    private final List<String> exclude;
    private final List<String> extendExclude;
    private final Path baseline;
    private final Path writeBaseline;
    private final Path srcRoot;
    private final String alembicVersion;
    private final String sqlalchemyVersion;
    private final Integer pgVersion;
    private final String dialect;
    private final List<String> select;
    private final List<String> ignore;
    private final String color;
    private final boolean fix;
    private final boolean unsafeFixes;
    private final boolean diff;
    private final boolean showFixes;
    private final boolean statistics;
    private final boolean quiet;
    private final boolean exitZero;
    private final boolean exitNonZeroOnFix;
    private final Path stdinFilename;
    private final boolean noCache;
    private final Path cacheDir;

    static CommandSpec spec() {
        CommandSpec s = Specs.command("lint", "Lint Alembic revision files.", new Function<>() {
            @Override
            public Callable<Integer> apply(CommandSpec parsed) {
                return new LintCommand(parsed);
            }
        });
        Specs.positional(s, Path.class, true, "PATH",
                "files, versions directories or project roots (default: .); - reads stdin (with --stdin-filename)");
        Specs.option(s, "--output-format", "--format", String.class, "FORMAT",
                "full (or text), concise, json, json-lines, junit, sarif, github or gitlab (default: full)");
        Specs.option(s, "-o", "--output", Path.class, "FILE", "write the report to FILE instead of stdout");
        Specs.option(s, "--config", Path.class, "FILE",
                "settings from FILE (.idemlint.toml or pyproject.toml) instead of the project's own", null);
        Specs.option(s, "--fail-on", String.class, "LEVEL",
                "error, warning or never (default: the config's fail-on, else error)", null);
        Specs.option(s, "--baseline", Path.class, "FILE", "report only findings not in this baseline", null);
        Specs.option(s, "--write-baseline", Path.class, "FILE", "write the findings as a baseline, exit 0", null);
        Specs.option(s, "--srcroot", Path.class, "DIR", "root SARIF URIs are relative to (default: .)", null);
        Specs.option(s, "--alembic-version", String.class, "VERSION",
                "the project's Alembic version (default: read from pins)", null);
        Specs.option(s, "--sqlalchemy-version", String.class, "VERSION", "the project's SQLAlchemy version", null);
        Specs.option(s, "--pg-version", Integer.class, "MAJOR", "target PostgreSQL major version (default 15)", null);
        Specs.option(s, "--dialect", String.class, "DB[:VERSION]",
                "postgresql, mysql or mariadb, e.g. mariadb:10.11 (default: config, else sqlalchemy.url, else postgresql)",
                null);
        Specs.listOption(s, "--select", "RULE", "only these rules, categories or rule-name prefixes (ALL: every rule)");
        Specs.listOption(s, "--ignore", "RULE", "skip these rules, categories or rule-name prefixes");
        Specs.option(s, "--color", String.class, "WHEN", "auto, always or never (default: auto)", "auto");
        Specs.flag(s, "--fix", "apply SAFE fixes, re-lint, and write the files");
        Specs.flag(s, "--unsafe-fixes", "with --fix or --diff, also apply UNSAFE fixes");
        Specs.flag(s, "--diff", "print the fixes as a unified diff and write nothing (exit 1 when there is a diff)");
        Specs.listOption(s, "--exclude", "GLOB", "skip paths matching these globs (relative to .) instead of the config's exclude");
        Specs.listOption(s, "--extend-exclude", "GLOB", "skip paths matching these globs too (relative to .)");
        Specs.flag(s, "--force-exclude", "skip named files that are excluded or not revisions, without a warning (pre-commit)");
        Specs.flag(s, "--follow-links",
                "read named paths and write --fix, -o and baselines through symbolic links that lead out of the project");
        Specs.flag(s, "--show-fixes", "list each finding's fixes in the concise format, and the files --fix changed");
        Specs.flag(s, "--statistics", "print how many findings each rule has instead of the findings");
        Specs.flag(s, "-q", "--quiet", "print the findings only: no summary, no fix counts");
        Specs.flag(s, "--exit-zero", "exit 0 even when there are findings (2 still means a usage or I/O error)");
        Specs.flag(s, "--exit-non-zero-on-fix", "exit 1 when --fix changed a file, even if nothing remains");
        Specs.option(s, "--stdin-filename", Path.class, "PATH",
                "with -: lint stdin as the file at PATH in its project (--fix prints the fixed text)", null);
        Specs.flag(s, "--no-cache", "neither read nor write the result cache");
        Specs.option(s, "--cache-dir", Path.class, "DIR",
                "keep the result cache in DIR (default: $IDEMLINT_CACHE_DIR, else .idemlint_cache in the project root)",
                null);
        return s;
    }

    private LintCommand(CommandSpec parsed) {
        paths = Specs.positionals(parsed);
        String f = Specs.value(parsed, "--output-format");
        format = f == null || f.equals("text") ? "full" : f;
        output = Specs.value(parsed, "--output");
        failOn = Specs.value(parsed, "--fail-on");
        config = Specs.value(parsed, "--config");
        forceExclude = Specs.flag(parsed, "--force-exclude");
        followLinks = Specs.flag(parsed, "--follow-links");
        exclude = Specs.value(parsed, "--exclude");
        extendExclude = Specs.values(parsed, "--extend-exclude");
        baseline = Specs.value(parsed, "--baseline");
        writeBaseline = Specs.value(parsed, "--write-baseline");
        srcRoot = Specs.value(parsed, "--srcroot");
        alembicVersion = Specs.value(parsed, "--alembic-version");
        sqlalchemyVersion = Specs.value(parsed, "--sqlalchemy-version");
        pgVersion = Specs.value(parsed, "--pg-version");
        dialect = Specs.value(parsed, "--dialect");
        select = Specs.values(parsed, "--select");
        ignore = Specs.values(parsed, "--ignore");
        color = Specs.value(parsed, "--color");
        fix = Specs.flag(parsed, "--fix");
        unsafeFixes = Specs.flag(parsed, "--unsafe-fixes");
        diff = Specs.flag(parsed, "--diff");
        showFixes = Specs.flag(parsed, "--show-fixes");
        statistics = Specs.flag(parsed, "--statistics");
        quiet = Specs.flag(parsed, "--quiet");
        exitZero = Specs.flag(parsed, "--exit-zero");
        exitNonZeroOnFix = Specs.flag(parsed, "--exit-non-zero-on-fix");
        stdinFilename = Specs.value(parsed, "--stdin-filename");
        noCache = Specs.flag(parsed, "--no-cache");
        cacheDir = Specs.value(parsed, "--cache-dir");
    }

    @Override
    public Integer call() throws IOException {
        if (!FORMATS.contains(format)) {
            System.err.println("idemlint: unknown --output-format '" + Printable.line(format) + "' (" + String.join(", ", FORMATS)
                    + ")");
            return 2;
        }
        if (failOn != null && !Set.of("error", "warning", "never").contains(failOn)) {
            System.err.println("idemlint: unknown --fail-on '" + Printable.line(failOn) + "' (error, warning, never)");
            return 2;
        }
        for (String glob : concat(exclude == null ? List.of() : exclude, extendExclude)) {
            String bad = dev.idemlint.discovery.Config.globProblem(glob);
            if (bad != null) {
                System.err.println("idemlint: --exclude/--extend-exclude: " + Printable.line(bad));
                return 2;
            }
        }
        // `-`: the text of one file comes from stdin (an editor, a formatter pipeline); it is linted as
        // the file at --stdin-filename, with the rest of its versions directory read from disk
        boolean stdin = paths.size() == 1 && paths.get(0).toString().equals("-");
        if (stdin != (stdinFilename != null)) {
            System.err.println("idemlint: " + (stdin ? "- (stdin) needs --stdin-filename PATH, the file it stands for"
                    : "--stdin-filename needs - as the only PATH"));
            return 2;
        }
        Map<Path, String> given = stdin
                ? Map.of(stdinFilename.toAbsolutePath().normalize(), new String(System.in.readAllBytes(), StandardCharsets.UTF_8))
                : Map.of();
        SettingsOverrides overrides = null;
        String badVersion = null;
        try {
            overrides = new SettingsOverrides(alembicVersion == null ? null : Version.parse(alembicVersion),
                    sqlalchemyVersion == null ? null : Version.parse(sqlalchemyVersion), pgVersion,
                    dialect == null ? null : Dialect.parse(dialect));
        } catch (IllegalArgumentException e) {
            badVersion = e.getMessage();
        }
        // The rules and their docs load on the pool while this thread walks the directories (a stat
        // per entry; the worker then works out the trees' settings from their pins, see Discovery).
        // The walk only reads the file system, so a usage error below just leaves its result unused.
        Background<Linter> loading = Background.start(new Callable<Linter>() {
            @Override
            public Linter call() {
                RuleCatalog catalog = Engine.catalog();
                List<Rule> rules = new ArrayList<>();
                for (Rule r : Registry.all()) {
                    if (selected(r.name(), catalog)) {
                        rules.add(r);
                    }
                }
                return new Linter(rules, catalog);
            }
        });
        List<Path> inputs = paths.isEmpty() ? List.of(Paths.get(".")) : paths;
        Discovery.Result found = overrides == null ? null
                : stdin ? new Discovery(overrides).withConfig(config).withForceExclude(forceExclude)
                                .withFollowLinks(followLinks).withExcludes(exclude, extendExclude).discoverText(stdinFilename)
                        : new Discovery(overrides).withConfig(config).withForceExclude(forceExclude)
                                .withFollowLinks(followLinks).withExcludes(exclude, extendExclude).discover(inputs);
        Linter linter = loading.join();
        List<String> names = Engine.ruleNames();
        boolean selectors = !select.isEmpty() || !ignore.isEmpty() || found != null && found.targets().stream()
                .anyMatch(t -> !t.config().select().isEmpty() || !t.config().ignore().isEmpty());
        Map<String, String> categories = selectors ? categories(linter.catalog()) : Map.of();
        for (String r : concat(select, ignore)) {
            if (!RuleSelector.known(r, categories)) {
                System.err.println("idemlint: unknown rule or category '" + Printable.line(r) + "'"
                        + RuleSelector.nearest(r, categories).map(n -> "; did you mean '" + n + "'?").orElse(";")
                        + " `idemlint rules` lists them.");
                return 2;
            }
        }
        if (badVersion != null) {
            System.err.println("idemlint: " + Printable.line(badVersion));
            return 2;
        }
        RuleCatalog catalog = linter.catalog();
        boolean ioProblem = false;
        for (InputProblem p : found.problems()) {
            System.err.println("idemlint: " + p.render());
            ioProblem |= !p.warning();
        }
        // A config that says something the run cannot honour stops it: a report made with the
        // config half ignored would read as the project's verdict.
        boolean configProblem = false;
        Set<dev.idemlint.discovery.Config> checked = new java.util.HashSet<>();
        for (LintTarget t : found.targets()) {
            if (!checked.add(t.config())) {
                continue;
            }
            configProblem |= !t.config().problems().isEmpty(); // printed with the discovery's problems
            if (!t.config().select().isEmpty() || !t.config().ignore().isEmpty() || !t.config().severity().isEmpty()) {
                for (InputProblem p : t.config().checkRuleNames(categories.isEmpty() ? categories(catalog) : categories)) {
                    System.err.println("idemlint: " + p.render());
                    configProblem = true;
                }
            }
        }
        if (configProblem) {
            System.err.println("idemlint: the configuration has errors; nothing was linted.");
            return 2;
        }
        Path cwd = Paths.get("").toAbsolutePath();
        if (!followLinks) {
            for (Path written : java.util.Arrays.asList(output, writeBaseline)) {
                String refused = written == null ? null : linkedOut(written, cwd, found.targets());
                if (refused != null) {
                    System.err.println("idemlint: cannot write " + Printable.line(written.toString()) + ": " + refused);
                    return 2;
                }
            }
        }
        Function<Path, String> shown = new Function<>() {
            @Override
            public String apply(Path p) {
                return display(cwd, p);
            }
        };
        // the JSON reporter renders the files' findings while the lint's threads would wait
        JsonReporter json = format.equals("json") ? new JsonReporter() : null;
        List<Diagnostic> all = new ArrayList<>();
        List<FixLoop.FixedFile> fixedFiles = new ArrayList<>();
        int files = 0;
        int fixedCount = 0;
        // --fix, --diff and stdin lint texts that are not on disk, or not yet: they neither read nor
        // write the cache (a file --fix wrote is keyed by its new bytes on the next run)
        ResultCache cache = noCache || fix || diff || stdin ? null
                : ResultCache.forRun(namedCacheDir(), ResultCache.build(Main.class, Main.VERSION), linter.ruleNames());
        if (cache != null && Invocation.served()) {
            cache.withContents(Daemon.contents());
        }
        boolean tty = Invocation.terminal() && output == null;
        boolean colored = color.equals("always") || color.equals("auto") && tty && Invocation.env("NO_COLOR") == null;
        // A run whose trees all hit prints what the last run with the same trees and options printed.
        // Everything the report and exit status depend on besides the trees is in this list (the paths
        // named are not: the trees' keys hold every file linted and whether it is reported, and a
        // pre-commit run naming other files each time reuses one slot); a baseline (a file of its own)
        // and -o FILE are left to the reporters.
        BaselineSource baselineFrom = baselineSource(found.targets());
        List<Object> options = baselineFrom != null || writeBaseline != null || output != null ? null
                : java.util.Arrays.asList(cwd.toString(), format, failOn, String.valueOf(config),
                        String.valueOf(srcRoot), select, ignore, colored, quiet, statistics, showFixes, unsafeFixes,
                        exitZero, exitNonZeroOnFix, ioProblem);
        ResultCache.Run run = cache == null ? null : cache.probeAll(found.targets(), shown, options);
        if (run != null && run.replay() != null) {
            if (Invocation.served()) {
                Daemon.retain(found.targets()); // used, though not linted: what the daemon keeps of them stays
            }
            ResultCache.Replay replay = run.replay();
            System.out.write(replay.data(), replay.offset(), replay.length());
            System.out.flush();
            return replay.status();
        }
        List<ResultCache.Probe> probes = run == null ? null : run.probes();
        for (int ti = 0; ti < found.targets().size(); ti++) {
            LintTarget t = found.targets().get(ti);
            LintResult r;
            FixLoop.Outcome o = null;
            if (fix || diff) {
                try {
                    o = new FixLoop(linter).run(t, shown, unsafeFixes, given);
                } catch (RuntimeException | StackOverflowError e) {
                    // a fault in a fix costs the tree its fixes, never the report
                    System.err.println("idemlint: " + Printable.line(shown.apply(t.versionsDir() == null ? t.projectRoot()
                            : t.versionsDir()) + ": no fixes applied, fixing failed with " + e)
                            + "; please report this to the idemlint maintainers");
                    ioProblem = true;
                }
            }
            if (o != null) {
                r = o.remaining();
                fixedFiles.addAll(o.files());
                fixedCount += o.fixed();
                for (String problem : o.problems()) {
                    System.err.println("idemlint: " + Printable.line(problem));
                }
            } else if (stdin) {
                r = linter.lint(t, shown, given);
            } else {
                ResultCache.Probe probe = probes == null ? null : probes.get(ti);
                r = probe == null ? null : probe.hit();
                if (r == null) {
                    FileMemo memo = probe == null ? null : probe.files();
                    // the daemon keeps each tree's models in memory between runs; --no-cache starts from none
                    Daemon.Models kept = Invocation.served() && !noCache ? Daemon.models(t, linter.ruleNames(), memo) : null;
                    try {
                        r = linter.lint(t, shown, json == null ? null : new Function<List<Diagnostic>, Spare>() {
                            @Override
                            public Spare apply(List<Diagnostic> ds) {
                                return json.ahead(ds);
                            }
                        }, kept != null ? kept : memo);
                    } finally {
                        if (kept != null) {
                            kept.end();
                        }
                    }
                    if (probe != null) {
                        LintResult result = r;
                        Invocation.later(() -> probe.store(result));
                    }
                }
            }
            all.addAll(r.diagnostics());
            files += r.filesRead();
        }
        if (Invocation.served() && cache != null) {
            Daemon.retain(found.targets());
        }
        // idemlint failed on a file: its findings are missing, so no exit status may say the tree is
        // clean or merely has findings, whatever --fail-on, --select, --ignore or a baseline say
        boolean internal = false;
        for (Diagnostic d : all) {
            internal |= d.rule().equals(BuiltinChecks.INTERNAL_ERROR);
        }
        if (!select.isEmpty() || !ignore.isEmpty()) {
            all.removeIf(d -> !selected(d.rule(), catalog));
        }
        if (found.targets().size() > 1) {
            all.sort(Linter.ORDER); // each tree's findings come sorted; several trees are merged here
        }
        fixedFiles.sort(new java.util.Comparator<>() {
            @Override
            public int compare(FixLoop.FixedFile a, FixLoop.FixedFile b) {
                return a.displayPath().compareTo(b.displayPath());
            }
        });
        if (diff) {
            int status = printDiff(fixedFiles, fixedCount, all.size());
            if (internal) {
                for (Diagnostic d : all) {
                    if (d.rule().equals(BuiltinChecks.INTERNAL_ERROR)) {
                        System.err.println("idemlint: " + Printable.line(d.file().displayPath() + ": " + d.message()));
                    }
                }
                return 2;
            }
            return status;
        }
        if (fix && stdin) {
            // nothing is written: the fixed text (the input when nothing changed) goes to stdout, the
            // report to stderr
            String text = given.values().iterator().next();
            for (FixLoop.FixedFile f : fixedFiles) {
                if (given.containsKey(f.path())) {
                    text = f.text();
                }
            }
            System.out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            System.out.flush();
        } else if (fix && !fixedFiles.isEmpty() && !write(fixedFiles)) {
            // nothing was written: report the files as they are on disk
            ioProblem = true;
            fixedCount = 0;
            all.clear();
            files = 0;
            for (LintTarget t : found.targets()) {
                LintResult r = linter.lint(t, shown);
                all.addAll(r.diagnostics());
                files += r.filesRead();
            }
            if (!select.isEmpty() || !ignore.isEmpty()) {
                all.removeIf(d -> !selected(d.rule(), catalog));
            }
            all.sort(Linter.ORDER);
        }
        if (writeBaseline != null) {
            OutputFile.write(writeBaseline, Baseline.of(all).toJson());
            System.err.println("idemlint: wrote " + all.size() + " findings to " + Printable.line(String.valueOf(writeBaseline)));
            return ioProblem || internal ? 2 : 0;
        }
        if (baselineFrom != null) {
            Path file = baselineFrom.file();
            String from = baselineFrom.config() == null ? "" : " (" + baselineFrom.config() + ")";
            if (baselineFrom.root() != null && !inside(file, baselineFrom.root())) {
                // the config is the project's, written by whoever wrote the project: it names no file outside it
                System.err.println("idemlint: cannot use baseline " + Printable.line(file + from)
                        + ": path outside the project, not read");
                return 2;
            }
            try {
                all = new ArrayList<>(Baseline.parse(Files.readString(file, StandardCharsets.UTF_8)).newFindings(all));
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("idemlint: cannot use baseline " + Printable.line(file + from + ": "
                        + (e instanceof NoSuchFileException ? "no such file (create it with --write-baseline)" : e.getMessage())));
                return 2;
            }
        }
        Report report = new Report(List.copyOf(all), files, catalog, Main.VERSION)
                .withDialects(found.targets().stream().map(t -> t.settings().unmodelledBackend() != null
                        ? t.settings().unmodelledBackend() : t.settings().dialect().toString()).distinct().toList())
                .withDialectSources(found.targets().stream().map(t -> t.provenance().get("dialect"))
                        .filter(java.util.Objects::nonNull).map(Object::toString).distinct().toList());
        boolean text = format.equals("full") || format.equals("concise");
        Reporter reporter = switch (format) {
            case "json" -> json;
            case "json-lines" -> new JsonLinesReporter();
            case "junit" -> new JunitReporter();
            case "sarif" -> new SarifReporter(srcRoot == null ? cwd : srcRoot);
            case "github" -> new GithubReporter();
            case "gitlab" -> new GitlabReporter();
            // "All checks passed (0 files)" after an input error would read as a clean run.
            default -> new TextReporter(colored, !quiet && (files > 0 || !ioProblem),
                    statistics ? TextReporter.Layout.STATISTICS
                            : format.equals("concise") ? TextReporter.Layout.CONCISE : TextReporter.Layout.FULL,
                    unsafeFixes, showFixes);
        };
        Copy copy = run != null && run.recording() && !(fix && stdin) ? new Copy(System.out) : null;
        if (output != null) {
            OutputFile.write(output, new OutputFile.Body() {
                @Override
                public void writeTo(Utf8Output w) throws IOException {
                    reporter.write(report, w);
                }
            });
        } else {
            // one buffered UTF-8 encoder straight onto stdout: a big JSON report was 4% of a run
            // when written through a second PrintStream wrapped around System.out
            Utf8Output w = new Utf8Output(fix && stdin ? System.err : copy != null ? copy : System.out);
            reporter.write(report, w);
            if (fix && text && !quiet) {
                w.append(fixSummary(fixedCount, all.size())).append("\n");
                if (showFixes) {
                    w.append(fixedList(fixedFiles));
                }
            }
            w.flush();
        }
        if (fix && !quiet && (output != null || !text)) {
            System.err.println(fixSummary(fixedCount, all.size()));
        }
        // the counts the JSON and text summaries made (made here for the other formats): two more
        // passes over every finding, after the report, took ~5 ms each
        Report.Tally tally = report.tally();
        String threshold = failOn;
        for (LintTarget t : found.targets()) {
            if (threshold == null && t.config().failOn() != null) {
                threshold = t.config().failOn();
            }
        }
        int status = status(ioProblem || tally.byRule().containsKey(BuiltinChecks.IO_ERROR), internal, tally,
                threshold == null ? "error" : threshold);
        int exit = status == 1 && exitZero ? 0 : status == 0 && exitNonZeroOnFix && fix && fixedCount > 0 ? 1 : status;
        List<byte[]> printed = copy == null ? null : copy.copy();
        if (printed != null) {
            Invocation.later(() -> run.record(printed, exit));
        }
        return exit;
    }

    /**
     * Stdout, and a copy of what went through it for the result cache to replay, in pieces (no array as
     * big as a report of megabytes, and none copied as it grows); past {@link #LIMIT} bytes the copy is
     * dropped (the report is printed, not kept).
     */
    private static final class Copy extends java.io.FilterOutputStream {
        private static final long LIMIT = 1L << 28;
        private static final int PIECE = 1 << 16;
        private List<byte[]> pieces = new ArrayList<>();
        private byte[] last = new byte[PIECE];
        private int used;
        private long size;

        Copy(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            size += len;
            if (pieces == null || size > LIMIT) {
                pieces = null;
                return;
            }
            while (len > 0) {
                int n = Math.min(len, PIECE - used);
                System.arraycopy(b, off, last, used, n);
                used += n;
                off += n;
                len -= n;
                if (used == PIECE) {
                    pieces.add(last);
                    last = new byte[PIECE];
                    used = 0;
                }
            }
        }

        /** What went through, or null when it was more than {@link #LIMIT}. */
        List<byte[]> copy() {
            if (pieces == null) {
                return null;
            }
            List<byte[]> all = new ArrayList<>(pieces);
            all.add(java.util.Arrays.copyOf(last, used));
            return all;
        }
    }

    /** The cache directory the user named: --cache-dir, else $IDEMLINT_CACHE_DIR; null: each project root's. */
    private Path namedCacheDir() {
        if (cacheDir != null) {
            return cacheDir;
        }
        String env = Invocation.env(ResultCache.ENV);
        return env == null || env.isEmpty() ? null : Paths.get(env);
    }

    static final List<String> FORMATS =
            List.of("full", "concise", "json", "json-lines", "junit", "sarif", "github", "gitlab");

    /** {@code --fix --show-fixes}: the files written, with how many fixes each took. */
    static String fixedList(List<FixLoop.FixedFile> fixedFiles) {
        StringBuilder sb = new StringBuilder();
        for (FixLoop.FixedFile f : fixedFiles) {
            sb.append("  ").append(Printable.line(f.displayPath())).append(": ").append(f.created() ? "created"
                    : f.fixes() + (f.fixes() == 1 ? " fix" : " fixes")).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code --fix}: writes every fixed file of the run or none ({@link AtomicWriter#commit}); false, with
     * each file that stood in the way and the system's reason on stderr, when nothing was written.
     */
    private static boolean write(List<FixLoop.FixedFile> fixedFiles) {
        List<AtomicWriter.Change> changes = new ArrayList<>();
        for (FixLoop.FixedFile f : fixedFiles) {
            changes.add(f.created() ? new AtomicWriter.Change.Create(f.path(), f.text(), NEW_FILE_ENCODING)
                    : f.moved() ? new AtomicWriter.Change.Move(f.snapshot(), f.path(), f.text())
                    : new AtomicWriter.Change.Rewrite(f.snapshot(), f.text()));
        }
        AtomicWriter.Result result = AtomicWriter.commit(changes);
        for (AtomicWriter.Failure failure : result.failures()) {
            String shown = failure.file().toString();
            for (int i = 0; i < changes.size(); i++) {
                if (changes.get(i) == failure.change()) {
                    shown = fixedFiles.get(i).displayPath();
                }
            }
            System.err.println("idemlint: " + Printable.line(shown) + ": not written, " + failure.describe());
        }
        for (String warning : result.warnings()) {
            System.err.println("idemlint: " + Printable.line(warning));
        }
        if (!result.committed()) {
            System.err.println("idemlint: --fix wrote no file: every fixed file is written or none, and "
                    + (result.failures().size() == 1 ? "one" : result.failures().size()) + " could not be");
        }
        return result.committed();
    }

    /**
     * The exit status: 2 when a file could not be read or idemlint failed on one (its findings are
     * missing, so neither "clean" nor "findings" would be true), else 1 when findings reach
     * {@code failOn}, else 0.
     */
    static int status(boolean ioProblem, boolean internal, Report.Tally tally, String failOn) {
        if (ioProblem || internal) {
            return 2;
        }
        return failing(tally, failOn) ? 1 : 0;
    }

    /** Files a fix creates (merge revisions) are UTF-8 without a BOM, as Alembic writes them. */
    private static final dev.idemlint.source.SourceEncoding NEW_FILE_ENCODING =
            new dev.idemlint.source.SourceEncoding(StandardCharsets.UTF_8, false);

    private static String fixSummary(int fixed, int remaining) {
        return "Fixed " + fixed + (fixed == 1 ? " problem" : " problems") + " (" + remaining + " remaining).";
    }

    /** {@code --diff}: the unified diff of every file a fix would change on stdout; nothing is written. */
    private static int printDiff(List<FixLoop.FixedFile> fixedFiles, int fixed, int remaining) throws IOException {
        Utf8Output w = new Utf8Output(System.out);
        for (FixLoop.FixedFile f : fixedFiles) {
            w.append(f.created() ? UnifiedDiff.created(f.displayPath(), f.text())
                    : f.moved() ? UnifiedDiff.renamed(f.originalDisplay(), f.displayPath(), f.snapshot().text(), f.text())
                    : UnifiedDiff.of(f.displayPath(), f.snapshot().text(), f.text()));
        }
        w.flush();
        System.err.println("Would fix " + fixed + (fixed == 1 ? " problem" : " problems") + " (" + remaining
                + " remaining).");
        return fixedFiles.isEmpty() ? 0 : 1;
    }

    private static boolean failing(Report.Tally tally, String failOn) {
        if (failOn.equals("never")) {
            return false;
        }
        Severity threshold = failOn.equals("warning") ? Severity.WARNING : Severity.ERROR;
        for (Severity s : Severity.values()) {
            if (s.compareTo(threshold) <= 0 && tally.count(s) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether --select/--ignore keep the rule (no --select keeps every rule). */
    private boolean selected(String rule, RuleCatalog catalog) {
        java.util.function.Supplier<String> category = () -> {
            RuleDoc doc = catalog.doc(rule);
            return doc == null ? "" : doc.category();
        };
        return (select.isEmpty() || select.stream().anyMatch(s -> RuleSelector.matches(s, rule, category)))
                && ignore.stream().noneMatch(s -> RuleSelector.matches(s, rule, category));
    }

    /** Every rule's category, by rule name. */
    private static Map<String, String> categories(RuleCatalog catalog) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (RuleDoc d : catalog.all()) {
            out.put(d.name(), d.category());
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static String display(Path cwd, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String s = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return s.replace(java.io.File.separatorChar, '/');
    }

    /**
     * The baseline of the run: {@code --baseline}, else the {@code baseline} of the first tree's config that
     * names one (as {@code fail-on}), confined to that config's project; null when there is none.
     */
    private BaselineSource baselineSource(List<LintTarget> targets) {
        if (baseline != null) {
            return new BaselineSource(baseline, null, null);
        }
        for (LintTarget t : targets) {
            if (t.config().baseline() != null) {
                return new BaselineSource(t.config().baseline(), t.config().file(), t.projectRoot());
            }
        }
        return null;
    }

    /**
     * A baseline file; for one a config names, that config and the project root it must not lead out of (null
     * for {@code --baseline}, which the user named).
     */
    private record BaselineSource(Path file, Path config, Path root) {
    }

    /** Whether {@code file}, links resolved, lies inside {@code root}; a missing file has nothing to read. */
    private static boolean inside(Path file, Path root) {
        if (!Files.exists(file)) {
            return true;
        }
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }


    /**
     * Why {@code file} is not written without {@code --follow-links}, or null: it lies in the current folder
     * or a project of the run, but a symbolic link on its way (a committed folder link, or the file itself)
     * leads out of that folder. A path outside them all is the user's own choice.
     */
    static String linkedOut(Path file, Path cwd, List<LintTarget> targets) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>(List.of(cwd));
        for (LintTarget t : targets) {
            roots.add(t.projectRoot());
        }
        Path real;
        try {
            real = destination(abs, 0);
        } catch (IOException | RuntimeException e) {
            real = null;
        }
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (!abs.startsWith(r)) {
                continue;
            }
            try {
                if (real == null || !real.startsWith(r.toRealPath())) {
                    return "symbolic link to a path outside " + (r.equals(cwd) ? "the current folder" : "the project")
                            + ", not followed (--follow-links writes through it)";
                }
            } catch (IOException e) {
                return null; // no such folder: nothing to write through
            }
        }
        return null;
    }

    /** The path a write to {@code abs} reaches: links resolved, through a missing tail as written. */
    private static Path destination(Path abs, int hops) throws IOException {
        if (hops > 40) {
            throw new IOException("too many levels of symbolic links");
        }
        if (Files.isSymbolicLink(abs)) {
            // a dangling link is written through too: where it points decides
            return destination(abs.resolveSibling(Files.readSymbolicLink(abs)).normalize(), hops + 1);
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        if (!existing.equals(abs) && Files.isSymbolicLink(existing)) {
            // a dangling folder link on the way
            return destination(existing.resolveSibling(Files.readSymbolicLink(existing)).normalize()
                    .resolve(existing.relativize(abs)).normalize(), hops + 1);
        }
        return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    }

}
