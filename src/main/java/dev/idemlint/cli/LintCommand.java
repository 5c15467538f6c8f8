package dev.idemlint.cli;

import dev.idemlint.cache.ResultCache;
import dev.idemlint.discovery.Config;
import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.InputProblem;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.RuleSelector;
import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.SettingsOverrides;
import dev.idemlint.discovery.Version;
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
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.RuleDoc;
import dev.idemlint.rule.Severity;
import dev.idemlint.rules.Registry;
import dev.idemlint.source.Background;
import dev.idemlint.source.Printable;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
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
        CommandSpec s = Specs.command("lint", "Lint Alembic revision files.", LintCommand::new);
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
        String usage = usageProblem();
        if (usage != null) {
            System.err.println("idemlint: " + usage);
            return 2;
        }
        // `-`: the text of one file comes from stdin (an editor, a formatter pipeline); it is linted as
        // the file at --stdin-filename, with the rest of its versions directory read from disk
        boolean stdin = stdinInput();
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
        Background<Linter> loading = Background.start(() -> {
            RuleCatalog catalog = Engine.catalog();
            return new Linter(Registry.all().stream().filter(r -> selected(r.name(), catalog)).toList(), catalog);
        });
        Discovery.Result found = overrides == null ? null : discover(overrides, stdin);
        Linter linter = loading.join();
        boolean selectors = !select.isEmpty() || !ignore.isEmpty() || found != null && found.targets().stream()
                .anyMatch(t -> !t.config().select().isEmpty() || !t.config().ignore().isEmpty());
        Map<String, String> categories = selectors ? categories(linter.catalog()) : Map.of();
        String unknown = unknownRule(categories);
        if (unknown != null || badVersion != null) {
            System.err.println("idemlint: " + (unknown != null ? unknown : Printable.line(badVersion)));
            return 2;
        }
        RuleCatalog catalog = linter.catalog();
        boolean ioProblem = false;
        for (InputProblem p : found.problems()) {
            System.err.println("idemlint: " + p.render());
            ioProblem |= !p.warning();
        }
        if (configHasErrors(found.targets(), categories.isEmpty() ? categories(catalog) : categories)) {
            System.err.println("idemlint: the configuration has errors; nothing was linted.");
            return 2;
        }
        Path cwd = Paths.get("").toAbsolutePath();
        String refused = refusedWrite(cwd, found.targets());
        if (refused != null) {
            System.err.println("idemlint: " + refused);
            return 2;
        }
        Function<Path, String> shown = p -> display(cwd, p);
        // the JSON reporter renders the files' findings while the lint's threads would wait
        JsonReporter json = format.equals("json") ? new JsonReporter() : null;
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
                : Arrays.asList(cwd.toString(), format, failOn, String.valueOf(config),
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
        Pass pass = new Pass(ioProblem);
        lintTargets(pass, found.targets(), linter, shown, given, stdin, json, run == null ? null : run.probes());
        if (Invocation.served() && cache != null) {
            Daemon.retain(found.targets());
        }
        // idemlint failed on a file: its findings are missing, so no exit status may say the tree is
        // clean or merely has findings, whatever --fail-on, --select, --ignore or a baseline say
        boolean internal = pass.all.stream().anyMatch(d -> d.rule().equals(BuiltinChecks.INTERNAL_ERROR));
        if (!select.isEmpty() || !ignore.isEmpty()) {
            pass.all.removeIf(d -> !selected(d.rule(), catalog));
        }
        if (found.targets().size() > 1) {
            pass.all.sort(Linter.ORDER); // each tree's findings come sorted; several trees are merged here
        }
        pass.fixedFiles.sort(Comparator.comparing(FixLoop.FixedFile::displayPath));
        if (diff) {
            int status = FixOutput.printDiff(pass.fixedFiles, pass.fixedCount, pass.all.size());
            if (!internal) {
                return status;
            }
            for (Diagnostic d : pass.all) {
                if (d.rule().equals(BuiltinChecks.INTERNAL_ERROR)) {
                    System.err.println("idemlint: " + Printable.line(d.file().displayPath() + ": " + d.message()));
                }
            }
            return 2;
        }
        if (fix && stdin) {
            printFixedInput(given, pass.fixedFiles);
        } else if (fix && !pass.fixedFiles.isEmpty() && !FixOutput.write(pass.fixedFiles)) {
            relintAsOnDisk(pass, found.targets(), linter, shown, catalog);
        }
        if (writeBaseline != null) {
            OutputFile.write(writeBaseline, Baseline.of(pass.all).toJson());
            System.err.println("idemlint: wrote " + pass.all.size() + " findings to "
                    + Printable.line(String.valueOf(writeBaseline)));
            return pass.ioProblem || internal ? 2 : 0;
        }
        List<Diagnostic> reported = pass.all;
        if (baselineFrom != null) {
            reported = newFindings(baselineFrom, pass.all);
            if (reported == null) {
                return 2;
            }
        }
        Report report = new Report(List.copyOf(reported), pass.files, catalog, Main.VERSION)
                .withDialects(found.targets().stream().map(t -> t.settings().unmodelledBackend() != null
                        ? t.settings().unmodelledBackend() : t.settings().dialect().toString()).distinct().toList())
                .withDialectSources(found.targets().stream().map(t -> t.provenance().get("dialect"))
                        .filter(Objects::nonNull).map(Object::toString).distinct().toList());
        ReportCopy copy = run != null && run.recording() && !(fix && stdin) ? new ReportCopy(System.out) : null;
        writeReport(report, reporter(json, colored, cwd, pass), copy, stdin, pass);
        int exit = exitStatus(report.tally(), found.targets(), pass, internal);
        List<byte[]> printed = copy == null ? null : copy.copy();
        if (printed != null) {
            Invocation.later(() -> run.record(printed, exit));
        }
        return exit;
    }

    /** What the run has found and fixed so far, tree by tree. */
    private static final class Pass {
        final List<Diagnostic> all = new ArrayList<>();
        final List<FixLoop.FixedFile> fixedFiles = new ArrayList<>();
        int files;
        int fixedCount;
        boolean ioProblem;

        Pass(boolean ioProblem) {
            this.ioProblem = ioProblem;
        }
    }

    /** The usage error in the options alone, or null. */
    private String usageProblem() {
        if (!FORMATS.contains(format)) {
            return "unknown --output-format '" + Printable.line(format) + "' (" + String.join(", ", FORMATS) + ")";
        }
        if (failOn != null && !Set.of("error", "warning", "never").contains(failOn)) {
            return "unknown --fail-on '" + Printable.line(failOn) + "' (error, warning, never)";
        }
        for (String glob : concat(exclude == null ? List.of() : exclude, extendExclude)) {
            String bad = Config.globProblem(glob);
            if (bad != null) {
                return "--exclude/--extend-exclude: " + Printable.line(bad);
            }
        }
        boolean stdin = stdinInput();
        if (stdin != (stdinFilename != null)) {
            return stdin ? "- (stdin) needs --stdin-filename PATH, the file it stands for"
                    : "--stdin-filename needs - as the only PATH";
        }
        return null;
    }

    private boolean stdinInput() {
        return paths.size() == 1 && paths.get(0).toString().equals("-");
    }

    private Discovery.Result discover(SettingsOverrides overrides, boolean stdin) {
        Discovery discovery = new Discovery(overrides).withConfig(config).withForceExclude(forceExclude)
                .withFollowLinks(followLinks).withExcludes(exclude, extendExclude);
        return stdin ? discovery.discoverText(stdinFilename)
                : discovery.discover(paths.isEmpty() ? List.of(Paths.get(".")) : paths);
    }

    /** The error for a --select or --ignore name that is no rule or category, or null. */
    private String unknownRule(Map<String, String> categories) {
        for (String r : concat(select, ignore)) {
            if (!RuleSelector.known(r, categories)) {
                return "unknown rule or category '" + Printable.line(r) + "'"
                        + RuleSelector.nearest(r, categories).map(n -> "; did you mean '" + n + "'?").orElse(";")
                        + " `idemlint rules` lists them.";
            }
        }
        return null;
    }

    /**
     * Whether a tree's config says something the run cannot honour (its problems are printed with the
     * discovery's; unknown rule names are printed here): a report made with the config half ignored would
     * read as the project's verdict.
     */
    private static boolean configHasErrors(List<LintTarget> targets, Map<String, String> categories) {
        boolean errors = false;
        Set<Config> checked = new HashSet<>();
        for (LintTarget t : targets) {
            if (!checked.add(t.config())) {
                continue;
            }
            errors |= !t.config().problems().isEmpty();
            if (!t.config().select().isEmpty() || !t.config().ignore().isEmpty() || !t.config().severity().isEmpty()) {
                for (InputProblem p : t.config().checkRuleNames(categories)) {
                    System.err.println("idemlint: " + p.render());
                    errors = true;
                }
            }
        }
        return errors;
    }

    /** Why -o or --write-baseline may not be written (a link out of the project), or null. */
    private String refusedWrite(Path cwd, List<LintTarget> targets) {
        if (followLinks) {
            return null;
        }
        for (Path written : Arrays.asList(output, writeBaseline)) {
            String refused = written == null ? null : LinkedPaths.linkedOut(written, cwd, targets);
            if (refused != null) {
                return "cannot write " + Printable.line(written.toString()) + ": " + refused;
            }
        }
        return null;
    }

    /** Lints (and with --fix or --diff, fixes) each tree, from the result cache where it holds the tree. */
    private void lintTargets(Pass pass, List<LintTarget> targets, Linter linter, Function<Path, String> shown,
            Map<Path, String> given, boolean stdin, JsonReporter json, List<ResultCache.Probe> probes) {
        for (int ti = 0; ti < targets.size(); ti++) {
            LintTarget t = targets.get(ti);
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
                    pass.ioProblem = true;
                }
            }
            if (o != null) {
                r = o.remaining();
                pass.fixedFiles.addAll(o.files());
                pass.fixedCount += o.fixed();
                for (String problem : o.problems()) {
                    System.err.println("idemlint: " + Printable.line(problem));
                }
            } else if (stdin) {
                r = linter.lint(t, shown, given);
            } else {
                r = lintOrReuse(t, linter, shown, json, probes == null ? null : probes.get(ti));
            }
            pass.all.addAll(r.diagnostics());
            pass.files += r.filesRead();
        }
    }

    /** The tree's result from the cache, else from a lint (kept for the next run). */
    private LintResult lintOrReuse(LintTarget t, Linter linter, Function<Path, String> shown, JsonReporter json,
            ResultCache.Probe probe) {
        LintResult hit = probe == null ? null : probe.hit();
        if (hit != null) {
            return hit;
        }
        FileMemo memo = probe == null ? null : probe.files();
        // the daemon keeps each tree's models in memory between runs; --no-cache starts from none
        Daemon.Models kept = Invocation.served() && !noCache ? Daemon.models(t, linter.ruleNames(), memo) : null;
        LintResult r;
        try {
            r = linter.lint(t, shown, json == null ? null : json::ahead, kept != null ? kept : memo);
        } finally {
            if (kept != null) {
                kept.end();
            }
        }
        if (probe != null) {
            LintResult result = r;
            Invocation.later(() -> probe.store(result));
        }
        return r;
    }

    /** {@code --fix} on stdin: the fixed text (the input when nothing changed) goes to stdout, nothing is written. */
    private static void printFixedInput(Map<Path, String> given, List<FixLoop.FixedFile> fixedFiles) {
        String text = given.values().iterator().next();
        for (FixLoop.FixedFile f : fixedFiles) {
            if (given.containsKey(f.path())) {
                text = f.text();
            }
        }
        System.out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }

    /** --fix wrote nothing: the report is of the files as they are on disk. */
    private void relintAsOnDisk(Pass pass, List<LintTarget> targets, Linter linter, Function<Path, String> shown,
            RuleCatalog catalog) {
        pass.ioProblem = true;
        pass.fixedCount = 0;
        pass.all.clear();
        pass.files = 0;
        for (LintTarget t : targets) {
            LintResult r = linter.lint(t, shown);
            pass.all.addAll(r.diagnostics());
            pass.files += r.filesRead();
        }
        if (!select.isEmpty() || !ignore.isEmpty()) {
            pass.all.removeIf(d -> !selected(d.rule(), catalog));
        }
        pass.all.sort(Linter.ORDER);
    }

    /** The findings not in the baseline, or null (the reason printed) when the baseline cannot be used. */
    private static List<Diagnostic> newFindings(BaselineSource baselineFrom, List<Diagnostic> all) {
        Path file = baselineFrom.file();
        String from = baselineFrom.config() == null ? "" : " (" + baselineFrom.config() + ")";
        if (baselineFrom.root() != null && !LinkedPaths.inside(file, baselineFrom.root())) {
            // the config is the project's, written by whoever wrote the project: it names no file outside it
            System.err.println("idemlint: cannot use baseline " + Printable.line(file + from)
                    + ": path outside the project, not read");
            return null;
        }
        try {
            return new ArrayList<>(Baseline.parse(Files.readString(file, StandardCharsets.UTF_8)).newFindings(all));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("idemlint: cannot use baseline " + Printable.line(file + from + ": "
                    + (e instanceof NoSuchFileException ? "no such file (create it with --write-baseline)" : e.getMessage())));
            return null;
        }
    }

    private Reporter reporter(JsonReporter json, boolean colored, Path cwd, Pass pass) {
        return switch (format) {
            case "json" -> json;
            case "json-lines" -> new JsonLinesReporter();
            case "junit" -> new JunitReporter();
            case "sarif" -> new SarifReporter(srcRoot == null ? cwd : srcRoot);
            case "github" -> new GithubReporter();
            case "gitlab" -> new GitlabReporter();
            // "All checks passed (0 files)" after an input error would read as a clean run.
            default -> new TextReporter(colored, !quiet && (pass.files > 0 || !pass.ioProblem),
                    statistics ? TextReporter.Layout.STATISTICS
                            : format.equals("concise") ? TextReporter.Layout.CONCISE : TextReporter.Layout.FULL,
                    unsafeFixes, showFixes);
        };
    }

    /** The report to -o FILE or stdout (stderr for --fix on stdin, whose stdout is the fixed text), with the fix counts. */
    private void writeReport(Report report, Reporter reporter, ReportCopy copy, boolean stdin, Pass pass)
            throws IOException {
        boolean text = format.equals("full") || format.equals("concise");
        if (output != null) {
            OutputFile.write(output, w -> reporter.write(report, w));
        } else {
            // one buffered UTF-8 encoder straight onto stdout: a big JSON report was 4% of a run
            // when written through a second PrintStream wrapped around System.out
            Utf8Output w = new Utf8Output(fix && stdin ? System.err : copy != null ? copy : System.out);
            reporter.write(report, w);
            if (fix && text && !quiet) {
                w.append(FixOutput.summary(pass.fixedCount, report.diagnostics().size())).append("\n");
                if (showFixes) {
                    w.append(FixOutput.fixedList(pass.fixedFiles));
                }
            }
            w.flush();
        }
        if (fix && !quiet && (output != null || !text)) {
            System.err.println(FixOutput.summary(pass.fixedCount, report.diagnostics().size()));
        }
    }

    private int exitStatus(Report.Tally tally, List<LintTarget> targets, Pass pass, boolean internal) {
        String threshold = failOn;
        for (LintTarget t : targets) {
            if (threshold == null && t.config().failOn() != null) {
                threshold = t.config().failOn();
            }
        }
        int status = status(pass.ioProblem || tally.byRule().containsKey(BuiltinChecks.IO_ERROR), internal, tally,
                threshold == null ? "error" : threshold);
        return status == 1 && exitZero ? 0 : status == 0 && exitNonZeroOnFix && fix && pass.fixedCount > 0 ? 1 : status;
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
        Supplier<String> category = () -> {
            RuleDoc doc = catalog.doc(rule);
            return doc == null ? "" : doc.category();
        };
        return (select.isEmpty() || select.stream().anyMatch(s -> RuleSelector.matches(s, rule, category)))
                && ignore.stream().noneMatch(s -> RuleSelector.matches(s, rule, category));
    }

    /** Every rule's category, by rule name. */
    private static Map<String, String> categories(RuleCatalog catalog) {
        Map<String, String> out = new LinkedHashMap<>();
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
        return s.replace(File.separatorChar, '/');
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



}
