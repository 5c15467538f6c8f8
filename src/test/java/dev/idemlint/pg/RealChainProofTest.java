package dev.idemlint.pg;

import static org.junit.jupiter.api.Assertions.fail;

import dev.idemlint.RealSources;
import dev.idemlint.pg.FixProofTest.FixedChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixes, proved on real public chains: Debian 12's packages of OpenStack's ironic-inspector and
 * cloudkitty and of JupyterHub, and Debian 13's of slidge (an XMPP gateway library on SQLAlchemy 2, run with
 * {@code scripts/sqlalchemy2}'s SQLAlchemy 2.0 and Alembic 1.13), pinned in
 * {@code ecosystem/real-sources.pins} and fetched by {@code ecosystem/real-sources} into a cache outside the
 * repository ({@link RealSources}). Each project's package is copied into a scratch directory, fixed from its
 * root with {@code lint --fix --unsafe-fixes} as a user would run it, and the chain is proved like the proof
 * corpus ({@link FixProofTest#prove}): every revision left without a finding re-runs, and the schema after
 * every revision and at the head is the unfixed chain's.
 *
 * <p>Alembic runs the revisions with the real package on PYTHONPATH behind small stand-ins
 * ({@code src/test/resources/realchains/standins/<chain>/}) for what cannot be imported without the
 * application's services (oslo.*, the packages' heavy {@code __init__}s); a chain's other imports are real
 * pinned packages (slidge's slixmpp, JupyterHub's tornado and async_generator). Two chains run with their
 * project's naming convention, {@code target_metadata} being the project's own models metadata as its env.py
 * configures it: cloudkitty's hash chain and JupyterHub's ({@code jupyterhub.orm}'s
 * {@code MetaData(naming_convention=...)}). JupyterHub's chain upgrades tables older releases made
 * ({@code create_all} at 0.5, and at 0.8 for the tables the later revisions alter):
 * {@code src/test/resources/realchains/base/jupyterhub.sql} makes them on every fresh database before the walk
 * ({@code rerun.py --base-sql}). A missing source fails the test under
 * {@code IDEMLINT_PG_REQUIRED=1} (CI). Figures go to {@code target/proof-real.md}.
 */
@Tag("postgres")
class RealChainProofTest {

    /**
     * A real chain: the Debian package, the project's package directory in it (the root it is linted
     * from), its versions directory below that, the {@code rerun.py} options its env.py implies, the other
     * pinned packages it imports (on PYTHONPATH after it), whether it needs SQLAlchemy 2.x (Debian 13's,
     * from {@code scripts/sqlalchemy2}, first on PYTHONPATH), and the schema it starts from
     * ({@code src/test/resources/realchains/base/<chain>.sql}, run on every fresh database before the walk), or
     * none.
     */
    record RealChain(String name, String pkg, String project, String versions, List<String> options,
            List<String> imports, boolean sqlalchemy2, boolean startsFromBase) {
        RealChain(String name, String pkg, String project, String versions, List<String> options) {
            this(name, pkg, project, versions, options, List.of(), false, false);
        }
    }

    static final List<RealChain> CHAINS = List.of(
            new RealChain("ironic-inspector", "python3-ironic-inspector", "ironic_inspector", "migrations/versions",
                    List.of()),
            new RealChain("cloudkitty-hash", "python3-cloudkitty", "cloudkitty",
                    "rating/hash/db/sqlalchemy/alembic/versions",
                    List.of("--metadata", "cloudkitty.rating.hash.db.sqlalchemy.models:Base.metadata")),
            // Debian 13's slidge: SQLAlchemy 2 models whose Base (a DeclarativeBase) sets a class attribute
            // naming_convention, which SQLAlchemy 2 ignores (only a `metadata = MetaData(...)` attribute gives a
            // DeclarativeBase its convention): its target_metadata has SQLAlchemy's default convention
            new RealChain("slidge", "python3-slidge", "slidge", "db/alembic/versions",
                    List.of("--metadata", "slidge.db.meta:Base.metadata"), List.of("python3-slixmpp"), true, false),
            // Debian 12's JupyterHub: orm.Base's MetaData carries the naming convention, and env.py passes it as
            // target_metadata; the chain upgrades the tables older releases made (realchains/base/jupyterhub.sql)
            new RealChain("jupyterhub", "jupyterhub", "jupyterhub", "alembic/versions",
                    List.of("--metadata", "jupyterhub.orm:Base.metadata"),
                    List.of("python3-tornado", "python3-async-generator"), false, true));

    /** Revisions still flagged after the fixes, keyed chain/revision, with the reason no applied fix exists. */
    static final Map<String, String> KNOWN_UNFIXED = Map.of(
            "slidge/abba1ae0edb3", "reads avatar.legacy_id (a text() SELECT at the top of upgrade()) and drops the"
                    + " column at the end: the re-run fails at that read with UndefinedColumn (42703); the rows it"
                    + " reads feed loops of UPDATEs that a guard cannot take along, so no fix is offered",
            "jupyterhub/1cebaf56856c", "adds session_id to oauth_access_tokens and oauth_codes through a helper,"
                    + " add_column_if_table_exists(table, column), whose column is a parameter: a guard naming"
                    + " \"session_id\" inside it would be wrong for another call, so add-column-not-idempotent's guard"
                    + " is a suggestion only, and the re-run fails with DuplicateColumn (42701)");

    /** Revisions left without a finding that still fail their re-run, keyed chain/revision, with the reason. */
    static final Map<String, String> KNOWN_FIX_MISMATCHES = Map.of(
            "ironic-inspector/d00d6e3f38c4", "converts nodes.started_at/finished_at from Float to DateTime by copying"
                    + " into temp columns, dropping and renaming; the re-run SELECTs the columns as sa.Float again and"
                    + " psycopg2's Float result processor meets a timestamp column: InvalidRequestError 'Unknown PG"
                    + " numeric type: 1114' (raised by SQLAlchemy, no SQLSTATE). No rule sees a read of a column"
                    + " under a type an earlier run of the same revision changed",
            "cloudkitty-hash/f8c799db4aa0", "drops and re-creates constraints by names taken from module-level"
                    + " dicts (OPS, POST_OPS) through a helper, translate_op(): the linter sees no drop_constraint"
                    + " call with a name, so nothing is flagged; the re-run fails with UndefinedObject (42704):"
                    + " constraint \"pk_hashmap_maps\" of relation \"hashmap_mappings\" does not exist",
            "jupyterhub/56cc5a70207e", "adds two foreign keys named None, which target_metadata's naming convention"
                    + " names (fk_oauth_access_tokens_client_id_oauth_clients ...); env.py hands target_metadata to"
                    + " context.configure(**config_opts), a dict updated from a module-level dict(target_metadata=...),"
                    + " which the convention reader does not follow, so the convention is the project's only one, read"
                    + " as inexact, and no failure is claimed. The fixes guard the five add_column calls; the re-run"
                    + " fails at the first create_foreign_key with DuplicateObject (42710)",
            "jupyterhub/833da8570507", "names the foreign keys it adds in a loop by naming_convention[\"fk\"] %"
                    + " dict(table_name=..., ...), with naming_convention = orm.meta.naming_convention: a name computed"
                    + " at run time, not read, so no failure is claimed. The fix guards the add_column; the re-run"
                    + " fails with DuplicateObject (42710): constraint fk_services_oauth_client_id_oauth_clients");

    /**
     * Objects a re-run adds again under a fresh generated name without failing, per chain; ignored by the
     * schema comparison, and the test fails when one no longer appears.
     */
    static final Map<String, List<String>> KNOWN_SCHEMA_DRIFT = Map.of();

    @TempDir
    Path tmp;

    @Test
    void fixed_real_chains_rerun_cleanly_and_keep_the_schema_after_every_revision() throws IOException {
        PgCluster cluster = PgCluster.require();
        List<FixedChain> proved = new ArrayList<>();
        for (RealChain c : CHAINS) {
            Path packages = RealSources.pythonPackages(c.pkg());
            Path project = tmp.resolve(c.name()).resolve(c.project());
            FixProofTest.copyTree(packages.resolve(c.project()), project);
            Path versions = project.resolve(c.versions());
            Path standins = RerunProof.repoRoot().resolve("src/test/resources/realchains/standins").resolve(c.name());
            // stand-ins first, then the pristine package (never the copy --fix rewrites): a revision that
            // imports a module of its own package by name gets the published one in both runs
            List<Path> pythonPath = new ArrayList<>();
            if (c.sqlalchemy2()) {
                pythonPath.add(Path.of(NeverStampedProofTest.requireStack()));
            }
            if (Files.isDirectory(standins)) {
                pythonPath.add(standins);
            }
            pythonPath.add(packages);
            for (String imported : c.imports()) {
                pythonPath.add(RealSources.pythonPackages(imported));
            }
            List<String> options = new ArrayList<>(c.options());
            if (c.startsFromBase()) {
                options.addAll(List.of("--base-sql", RerunProof.repoRoot()
                        .resolve("src/test/resources/realchains/base").resolve(c.name() + ".sql").toString()));
            }
            AlembicRerunHarness harness = new AlembicRerunHarness(cluster, Duration.ofMinutes(10), pythonPath,
                    options);
            proved.add(FixProofTest.prove(c.name(), versions, project, tmp.resolve(c.name() + "-dumps"), harness,
                    KNOWN_UNFIXED, KNOWN_FIX_MISMATCHES, KNOWN_SCHEMA_DRIFT.getOrDefault(c.name(), List.of())));
        }
        FixProofTest.writeSummary(proved, "Fixes proved on real chains (Debian 12 and 13 packages)", "proof-real.md");
        List<String> problems = new ArrayList<>();
        proved.forEach(c -> problems.addAll(c.problems()));
        Set<String> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        proved.forEach(c -> keys.addAll(c.revisionKeys()));
        CHAINS.forEach(c -> names.add(c.name()));
        // every chain ran, so every entry is checked against the revisions it names
        problems.addAll(FixProofTest.staleEntries("KNOWN_UNFIXED", KNOWN_UNFIXED.keySet(), keys, names, names));
        problems.addAll(FixProofTest.staleEntries("KNOWN_FIX_MISMATCHES", KNOWN_FIX_MISMATCHES.keySet(), keys, names,
                names));
        for (String chain : KNOWN_SCHEMA_DRIFT.keySet()) {
            if (!names.contains(chain)) {
                problems.add("KNOWN_SCHEMA_DRIFT names " + chain + ", which is no real chain");
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " real-chain proof problem(s):\n\n" + String.join("\n\n", problems));
        }
    }
}
