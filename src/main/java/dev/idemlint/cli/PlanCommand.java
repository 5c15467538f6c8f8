package dev.idemlint.cli;

import dev.idemlint.db.Catalog;
import dev.idemlint.db.DbUrl;
import dev.idemlint.db.LiveDatabase;
import dev.idemlint.db.LiveSession;
import dev.idemlint.discovery.DatabaseConfig;
import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.InputProblem;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.Version;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.plan.Plan;
import dev.idemlint.plan.Planner;
import dev.idemlint.plan.UpgradeCommand;
import dev.idemlint.report.PlanReporter;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.FileMemo;
import dev.idemlint.rule.LintResult;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.Rule;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.Registry;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.source.Printable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code idemlint plan [--db URL] [--heads] [--timeout SECONDS] [PATH]}: connects read-only to the
 * database, reads its catalog and alembic_version, and says what {@code alembic upgrade head} (or
 * {@code heads}) will do there, revision by revision. The command is the one the project deploys with, read
 * as lint reads it (the config's {@code upgrade}, else the deploy files), or {@code heads} with {@code --heads}.
 * Exit 0 when no pending revision fails, 1 when one will (or Alembic cannot start from the stamp, or, with {@code
 * --fail-on-lock SIZE}, a pending statement rewrites, scans or indexes a table of that size under a lock that
 * blocks writes), 2
 * on usage or connection errors and when the session outlives {@code --timeout}.
 */
public final class PlanCommand implements Callable<Integer> {
    private final Path path;
    private final String db;
    private final String format;
    private final String versionTable;
    private final Integer timeout;

    /** The process environment; a test puts its own in place for one run. */
    static volatile Map<String, String> environment;
    private final boolean allHeads;
    private final String failOnLock;

    static CommandSpec spec() {
        CommandSpec s = Specs.command("plan",
                "Say, read-only, what `alembic upgrade head` will do on a database.", PlanCommand::new);
        Specs.optionalPositional(s, Path.class, "PATH", "project root, alembic.ini or versions directory (default: .)");
        Specs.option(s, "--db", String.class, "URL", "database URL (default: $DATABASE_URL, else the URL in"
                + " alembic.ini's sqlalchemy.url); postgresql://, postgres://, mysql://, mariadb:// and SQLAlchemy's +driver forms", null);
        Specs.option(s, "--format", String.class, "FORMAT", "text or json (default: text)", "text");
        Specs.option(s, "--version-table", String.class, "[SCHEMA.]NAME",
                "Alembic's version table (default: from env.py or alembic.ini, else alembic_version)", null);
        Specs.option(s, "--timeout", Integer.class, "SECONDS",
                "time allowed for the whole database session: connecting and every query (default: 30)", "30");
        Specs.option(s, "--fail-on-lock", String.class, "SIZE", "exit 1 also when a pending statement rewrites,"
                + " scans or indexes a table of at least SIZE (1GB, 500MB, 0 for any) under a lock that blocks writes"
                + " (default: locks are reported, never failed on)", null);
        Specs.flag(s, "--heads", "plan `alembic upgrade heads` (every head) instead of `alembic upgrade head`"
                + " (default: the command the project's deploy files or config `upgrade` state, else head)");
        return s;
    }

    private PlanCommand(CommandSpec parsed) {
        Path given = Specs.single(parsed);
        path = given == null ? Paths.get(".") : given;
        db = Specs.value(parsed, "--db");
        format = Specs.value(parsed, "--format");
        versionTable = Specs.value(parsed, "--version-table");
        timeout = Specs.value(parsed, "--timeout");
        allHeads = Specs.flag(parsed, "--heads");
        failOnLock = Specs.value(parsed, "--fail-on-lock");
    }

    private static final Pattern SIZE = Pattern.compile("(?i)(\\d{1,15})\\s*(bytes|b|kb|mb|gb|tb)?");

    /** {@code 1GB}, {@code 500 MB}, {@code 8192}: bytes in the units {@code pg_size_pretty} uses; -1 when it does not read. */
    static long bytes(String size) {
        Matcher m = SIZE.matcher(size.strip());
        if (!m.matches()) {
            return -1;
        }
        int shift = switch (m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT)) {
            case "kb" -> 10;
            case "mb" -> 20;
            case "gb" -> 30;
            case "tb" -> 40;
            default -> 0;
        };
        long n = Long.parseLong(m.group(1));
        return n > (Long.MAX_VALUE >> shift) ? -1 : n << shift;
    }

    private static Map<String, String> env() {
        Map<String, String> e = environment;
        return e != null ? e : System.getenv();
    }

    /** {@code env} without the variables that hold or point to passwords. */
    private static Map<String, String> withoutPasswords(Map<String, String> env) {
        Map<String, String> out = new HashMap<>(env);
        out.keySet().removeAll(List.of("PGPASSWORD", "PGPASSFILE", "MYSQL_PWD"));
        return out;
    }

    /**
     * Plan cannot run: the reason goes to stderr, and with {@code --format json} an {@code error} object
     * to stdout as well, so a gate reading stdout sees why. Exit 2.
     */
    private int cannot(PrintStream out, String kind, String message) {
        System.err.println("idemlint: " + Printable.line(message));
        if ("json".equals(format)) {
            out.print(PlanReporter.error(kind, message));
            out.flush();
        }
        return 2;
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("idemlint: unknown --format '" + Printable.line(format) + "' (text, json)");
            return 2;
        }
        long lockLimit = failOnLock == null ? -1 : bytes(failOnLock);
        if (failOnLock != null && lockLimit < 0) {
            System.err.println("idemlint: --fail-on-lock takes a size such as 1GB, 500MB or 0, not '"
                    + Printable.line(failOnLock) + "'");
            return 2;
        }
        if (timeout == null || timeout < 1) {
            System.err.println("idemlint: --timeout must be a whole number of seconds, at least 1");
            return 2;
        }
        Discovery.Result found = new Discovery(Settings.DEFAULT).discover(List.of(path));
        for (InputProblem p : found.problems()) {
            // rendered as lint does: "warning: " on what was left out on purpose, escapes for control characters
            System.err.println("idemlint: " + p.render());
        }
        if (found.targets().size() != 1) {
            return cannot(out, "project", (found.targets().isEmpty() ? "no Alembic revisions found in " + path
                    : found.targets().size() + " revision trees under " + path + "; name one (its alembic.ini or"
                            + " versions directory)"));
        }
        LintTarget target = found.targets().get(0);
        Path cwd = Paths.get("").toAbsolutePath();
        // the models read here are kept for the locks rules, which run once the server's version is known
        Map<Path, FileMemo.Kept> kept = new ConcurrentHashMap<>();
        FileMemo memo = new FileMemo() {
            @Override
            public FileMemo.Kept find(Path file) {
                return kept.get(file);
            }

            @Override
            public void keep(Path file, Migration model, List<Diagnostic> found, SchemaTimeline.Recorded effects) {
                kept.put(file, new FileMemo.Kept(model, found, effects));
            }
        };
        LintResult read = new Linter(List.of(), Engine.catalog()).lint(target, p -> LintCommand.display(cwd, p), null,
                memo);
        boolean internal = false;
        List<Planner.Unloadable> unloadable = new ArrayList<>();
        for (Diagnostic d : read.diagnostics()) {
            System.err.println("idemlint: " + Printable.line(d.file().displayPath() + ":" + d.line() + ":" + d.column()
                    + ": " + d.message()));
            internal |= d.rule().equals(BuiltinChecks.INTERNAL_ERROR);
            if (d.rule().equals(BuiltinChecks.PARSE_ERROR)
                    && Discovery.alembicLoads(d.file().fileName())) {
                // a file Alembic imports and cannot: every command fails on it
                unloadable.add(new Planner.Unloadable(d.file().fileName(), d.file().displayPath(), d.line(),
                        d.message()));
            }
        }
        if (internal) {
            return 2; // a revision idemlint could not read may change what every later one meets
        }
        if (read.trees().size() != 1) {
            return cannot(out, "project", "no revision tree could be read from " + target.versionsDir());
        }
        VersionsTree tree = read.trees().get(0);
        DatabaseConfig config = DatabaseConfig.read(path, target.versionsDir(), target.projectRoot());
        for (InputProblem p : config.problems()) {
            System.err.println("idemlint: " + p.render());
        }
        // Alembic's env.py idiom, os.environ.get("DATABASE_URL") over the committed alembic.ini: the URL the
        // deploy's environment gives wins over the project's default, and --db over both
        String rawUrl = db;
        String from = "--db";
        String environmentUrl = env().get("DATABASE_URL");
        if (rawUrl == null && environmentUrl != null && !environmentUrl.isBlank()) {
            rawUrl = environmentUrl;
            from = "DATABASE_URL";
        }
        boolean fromProject = rawUrl == null && config.url() != null;
        if (fromProject) {
            rawUrl = config.url();
            from = "sqlalchemy.url in " + config.ini();
        }
        if (rawUrl == null || rawUrl.isBlank()) {
            return cannot(out, "usage", "no database to plan against: pass --db URL, or set DATABASE_URL, or"
                    + " sqlalchemy.url in alembic.ini");
        }
        // The project's files are a pull request's to change: a URL read from them could name a server that asks
        // for the password in clear, so the environment's passwords go only with a URL the operator gave.
        DbUrl url;
        try {
            url = fromProject ? DbUrl.parse(rawUrl, withoutPasswords(env()), null)
                    : DbUrl.parse(rawUrl, env(), Path.of(System.getProperty("user.home")));
        } catch (DbUrl.BadUrl e) {
            return cannot(out, "usage", "the database URL from " + from + ": " + e.getMessage());
        }
        if (fromProject && url.passwordSource() == null) {
            System.err.println("idemlint: the URL from " + Printable.line(from) + " has no password of its own, and none is taken"
                    + " for it from PGPASSWORD, the password file or MYSQL_PWD, since a pull request can change"
                    + " alembic.ini: pass the URL with --db or DATABASE_URL to use them");
        }
        String vtSchema = config.versionTableSchema();
        String vtName = config.versionTable();
        if (versionTable != null) {
            int dot = versionTable.indexOf('.');
            vtSchema = dot < 0 ? null : versionTable.substring(0, dot);
            vtName = dot < 0 ? versionTable : versionTable.substring(dot + 1);
        }
        // the locks rules run before the session opens, on the models read above: their time is no idle time in
        // the session's snapshot transaction
        List<Diagnostic> lockFound = ServerFacts.of(url.dialect(), target.settings().postgresMajor()).knowsLocks()
                ? lockLint(target, target.settings(), cwd, memo) : List.of();
        LiveDatabase.Timeouts timeouts = LiveDatabase.Timeouts.DEFAULT;
        String connectTimeout = env().get("PGCONNECT_TIMEOUT");
        if (connectTimeout != null && connectTimeout.matches("\\d+") && Integer.parseInt(connectTimeout) > 0) {
            timeouts = new LiveDatabase.Timeouts(Integer.parseInt(connectTimeout), timeouts.statementMillis(),
                    timeouts.lockMillis());
        }
        try (LiveSession live = LiveSession.open(url, timeouts, Duration.ofSeconds(timeout))) {
            if (!live.ignoredParams().isEmpty()) {
                // parameter names come from the URL, which a pull request may have written
                System.err.println("idemlint: URL parameters not used by the JDBC driver: "
                        + Printable.line(String.join(", ", live.ignoredParams())));
            }
            Catalog catalog = live.snapshot(vtSchema, vtName);
            Settings settings = live.settingsFor(target.settings());
            Planner.LockFindings locks = null;
            if (ServerFacts.of(live.dialect(), target.settings().postgresMajor()).knowsLocks()) {
                int major = Planner.LockFindings.serverMajor(catalog.serverVersion(), target.settings().postgresMajor());
                if (!Planner.LockFindings.sameFacts(major, target.settings().postgresMajor())) {
                    // the lock facts of the server's version, where they differ from those of the project's settings
                    lockFound = lockLint(target, target.settings().withPostgres(major), cwd, memo);
                }
                locks = new Planner.LockFindings(lockFound, major, live.startLockTimeout(),
                        Planner.LockFindings.urlLockTimeout(url.params().get("options")));
            }
            Plan planned = Planner.plan(new Planner.Input(target.versionsDir(), tree.migrations(), tree.graph(),
                    settings, catalog, url.masked(), probe(live), mapOrder(tree, target.settings()),
                    UpgradeCommand.of(target, allHeads),
                    NamingConvention.of(target), unloadable, locks));
            List<String> notes = new ArrayList<>(planned.notes());
            notes.add(0, "The database URL is from " + from + " (--db wins over DATABASE_URL, which wins over"
                    + " sqlalchemy.url in alembic.ini).");
            Plan plan = new Plan(planned.url(), planned.serverVersion(), planned.current(), planned.pending(),
                    List.copyOf(notes), planned.command(), planned.commandFrom(), planned.server(), planned.locks());
            out.print(format.equals("json") ? PlanReporter.json(plan) : PlanReporter.text(plan));
            out.flush();
            boolean overLimit = false;
            for (Plan.Lock l : plan.locks().taken()) {
                if (lockLimit >= 0 && l.work() != Plan.Work.NONE && l.bytes() != null && l.bytes() >= lockLimit) {
                    System.err.println("idemlint: revision " + Printable.line(l.revision()) + " "
                            + PlanReporter.action(l) + " ("
                            + PlanReporter.size(l.bytes()) + ") under " + l.mode() + " (" + Printable.line(l.file()) + ":"
                            + l.line() + "), at or over --fail-on-lock " + Printable.line(failOnLock));
                    overLimit = true;
                }
            }
            return plan.firstFailure() != null || overLimit ? 1 : 0;
        } catch (LiveDatabase.DbError e) {
            return cannot(out, "connection", url.mask(e.getMessage()) + " (URL from " + from + ")");
        } catch (LiveDatabase.DeadlineExceeded e) {
            return cannot(out, "timeout", "plan stopped: " + url.mask(e.getMessage()));
        }
    }

    /** The rules of the {@code locks} category, by name. */
    private static final Set<String> LOCK_RULES = Registry.all().stream().map(Rule::name)
            .filter(n -> "locks".equals(Engine.catalog().doc(n).category())).collect(Collectors.toUnmodifiableSet());

    /**
     * The findings of the {@code locks} rules on the tree (the project's config and suppressions apply to them), with
     * {@code settings}, on the models {@code memo} kept. A rule's internal error is said on stderr: the locks listed
     * may then be incomplete, and the plan goes on.
     */
    private static List<Diagnostic> lockLint(LintTarget target, Settings settings, Path cwd, FileMemo memo) {
        Linter linter = new Linter(Registry.all().stream().filter(r -> LOCK_RULES.contains(r.name())).toList(),
                Engine.catalog());
        List<Diagnostic> found = linter.lint(new LintTarget(target.projectRoot(), target.versionsDir(), target.files(),
                settings, target.focus(), target.config(), target.provenance()), p -> LintCommand.display(cwd, p), null,
                memo).diagnostics();
        for (Diagnostic d : found) {
            if (d.rule().equals(BuiltinChecks.INTERNAL_ERROR)) {
                System.err.println("idemlint: " + Printable.line(d.file().displayPath() + ": " + d.message())
                        + " The locks listed may be incomplete.");
            }
        }
        return found.stream().filter(d -> LOCK_RULES.contains(d.rule())).toList();
    }

    private static Planner.RowProbe probe(LiveSession live) {
        return new Planner.RowProbe() {
            @Override
            public Boolean hasRows(String schema, String table) {
                return live.hasRows(schema, table);
            }

            @Override
            public Boolean hasRow(String schema, String table, Map<String, String> values) {
                return live.hasRow(schema, table, values);
            }

            @Override
            public LiveSession.TableSize size(String schema, String table) {
                return live.tableSize(schema, table);
            }
        };
    }

    private static final Version SORTED_LOAD = Version.parse("1.10");

    /**
     * The order Alembic reads revision files in, which decides its order among branches: sorted names
     * from Alembic 1.10 (the graph's load order), the directory's own order ({@code os.listdir}, which
     * Java's directory stream reads the same way) before.
     */
    static List<Migration> mapOrder(VersionsTree tree, Settings settings) {
        if (settings.alembic().compareTo(SORTED_LOAD) >= 0) {
            return null;
        }
        Map<Path, Migration> byPath = new HashMap<>();
        for (Migration m : tree.graph().loadOrder()) {
            byPath.put(m.source().path().toAbsolutePath().normalize(), m);
        }
        List<Migration> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tree.dir())) {
            for (Path p : dir) {
                Migration m = byPath.remove(p.toAbsolutePath().normalize());
                if (m != null) {
                    out.add(m);
                }
            }
        } catch (IOException e) {
            return null;
        }
        for (Migration m : tree.graph().loadOrder()) {
            if (byPath.containsKey(m.source().path().toAbsolutePath().normalize())) {
                out.add(m);
            }
        }
        return out;
    }
}
