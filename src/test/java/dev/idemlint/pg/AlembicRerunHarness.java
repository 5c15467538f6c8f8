package dev.idemlint.pg;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an Alembic versions dir to a fresh database on a {@link PgCluster}, revision by revision, and
 * re-runs each one after stamping back to its parents: the deploy that finds a migration applied but not
 * recorded. Drives {@code pg/rerun.py} under Debian's Python, which has Alembic 1.8.1 and SQLAlchemy 1.4.46
 * ({@code python3} on PATH may be another interpreter without them).
 */
public final class AlembicRerunHarness {

    private static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private final PgCluster cluster;
    private final Duration timeout;
    private final List<Path> pythonPath;
    private final List<String> chainOptions;

    public AlembicRerunHarness(PgCluster cluster) {
        this(cluster, Duration.ofMinutes(3));
    }

    public AlembicRerunHarness(PgCluster cluster, Duration timeout) {
        this(cluster, timeout, null);
    }

    /** {@code pythonPath}: a directory of stand-ins for a project's application imports, or null. */
    public AlembicRerunHarness(PgCluster cluster, Duration timeout, Path pythonPath) {
        this(cluster, timeout, pythonPath == null ? List.of() : List.of(pythonPath), List.of());
    }

    /**
     * {@code pythonPath}: directories put on PYTHONPATH in this order (stand-ins first, then a real project's
     * own package); {@code chainOptions}: options of {@code rerun.py} every run of this chain takes, such as
     * {@code --metadata MODULE:ATTR}.
     */
    public AlembicRerunHarness(PgCluster cluster, Duration timeout, List<Path> pythonPath, List<String> chainOptions) {
        this.cluster = cluster;
        this.timeout = timeout;
        this.pythonPath = List.copyOf(pythonPath);
        this.chainOptions = List.copyOf(chainOptions);
    }

    /** First run and re-run of every revision, parents before children. */
    public ChainOutcome run(Path versionsDir) {
        return invoke(versionsDir, List.of());
    }

    /** As {@link #run(Path)}, and writes {@code pg_dump --schema-only} of the final state to {@code schemaDump}. */
    public ChainOutcome run(Path versionsDir, Path schemaDump) {
        return invoke(versionsDir, List.of("--pg-dump", schemaDump.toString()));
    }

    /**
     * As {@link #run(Path, Path)}, and writes {@code pg_dump --schema-only} of the state after each revision's
     * runs to {@code dumpDir/<revision>.sql}.
     */
    public ChainOutcome run(Path versionsDir, Path schemaDump, Path dumpDir) {
        return invoke(versionsDir, List.of("--pg-dump", schemaDump.toString(), "--dump-dir", dirOf(dumpDir)));
    }

    /**
     * Each revision applied once, parents before children, nothing re-run (a deploy from scratch, revision
     * by revision); {@code pg_dump --schema-only} after each revision goes to {@code dumpDir/<revision>.sql}.
     */
    public ChainOutcome runOnce(Path versionsDir, Path dumpDir) {
        return invoke(versionsDir, List.of("--once", "--dump-dir", dirOf(dumpDir)));
    }

    /** As {@link #runOnce(Path, Path)}, walking the revisions {@code order} names first, in that order. */
    public ChainOutcome runOnce(Path versionsDir, Path dumpDir, List<String> order) {
        return invoke(versionsDir, List.of("--once", "--dump-dir", dirOf(dumpDir), "--order", String.join(",", order)));
    }

    private static String dirOf(Path dumpDir) {
        try {
            return Files.createDirectories(dumpDir).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A single {@code alembic upgrade heads} on a fresh database, as a deploy from scratch does it. */
    public ChainOutcome upgradeHeadsOnce(Path versionsDir) {
        return invoke(versionsDir, List.of("--upgrade-head-only"));
    }

    /** As {@link #upgradeHeadsOnce(Path)}, and writes {@code pg_dump --schema-only} of the result to {@code schemaDump}. */
    public ChainOutcome upgradeHeadsOnce(Path versionsDir, Path schemaDump) {
        return invoke(versionsDir, List.of("--upgrade-head-only", "--pg-dump", schemaDump.toString()));
    }

    /**
     * As {@link #runOnce(Path, Path, List)}, each statement under a savepoint: one that fails because its effect
     * is already there (a duplicate or undefined object, a duplicate key) is rolled back and skipped. The unfixed chain run this way has each failing statement's effect applied once, a reference
     * for the fixed chain's schema that no fix helped build.
     */
    public ChainOutcome runOnceSkippingFailures(Path versionsDir, Path dumpDir, List<String> order) {
        return invoke(versionsDir, List.of("--once", "--skip-failing", "--dump-dir", dirOf(dumpDir), "--order",
                String.join(",", order)));
    }

    /** As {@link #upgradeHeadsOnce(Path, Path)}, skipping each statement that fails (see {@link #runOnceSkippingFailures}). */
    public ChainOutcome upgradeHeadsOnceSkippingFailures(Path versionsDir, Path schemaDump) {
        return invoke(versionsDir, List.of("--upgrade-head-only", "--skip-failing", "--pg-dump", schemaDump.toString()));
    }

    private ChainOutcome invoke(Path versionsDir, List<String> options) {
        Path out = null;
        try {
            out = Files.createTempFile("idemlint-rerun", ".json");
            List<String> cmd = new ArrayList<>(List.of(python(), script().toString(),
                    versionsDir.toAbsolutePath().toString(), "--out", out.toString(),
                    "--dsn", cluster.maintenanceUrl()));
            if (cluster.bin() != null) {
                cmd.addAll(List.of("--pg-bin", cluster.bin().toString()));
            }
            cmd.addAll(chainOptions);
            cmd.addAll(options);
            java.util.Map<String, String> env = new java.util.HashMap<>(cluster.childEnv());
            if (!pythonPath.isEmpty()) {
                env.put("PYTHONPATH", String.join(java.io.File.pathSeparator,
                        pythonPath.stream().map(p -> p.toAbsolutePath().toString()).toList()));
                // a real project's package may sit in a read-only or shared cache: no __pycache__ there
                env.put("PYTHONDONTWRITEBYTECODE", "1");
            }
            ProcessRunner.Result result = ProcessRunner.run(cmd, env, null, timeout);
            if (!result.succeeded()) {
                throw new AssertionError("rerun.py failed (this is a harness problem, not a fact):\n"
                        + result.describe());
            }
            return ChainOutcome.fromJson(Files.readString(out));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    private static String python() {
        String configured = System.getenv("IDEMLINT_PYTHON");
        return configured == null || configured.isBlank() ? DEFAULT_PYTHON : configured;
    }

    private static Path script() {
        URL url = AlembicRerunHarness.class.getResource("/pg/rerun.py");
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("pg/rerun.py must be on the test classpath as a file, found " + url);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
