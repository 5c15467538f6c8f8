package dev.idemlint;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real projects the real-project tests run on: the Debian packages pinned (exact version, SHA-256 of
 * the .deb) in {@code ecosystem/real-sources.pins}, which {@code ecosystem/real-sources} fetches from the
 * Debian archive into a cache outside the repository and extracts there. Nothing of theirs is in this
 * repository, and nothing depends on a directory that exists on one machine only.
 *
 * <p>When the sources cannot be had (no archive, no apt-get) the calling test fails where the suite must
 * run ({@code IDEMLINT_PG_REQUIRED=1}, set by {@code scripts/test}, or {@code CI=true}) and is skipped
 * elsewhere, with the script's message.
 */
public final class RealSources {

    /** One pinned package; it is extracted into {@code <cache>/<package>_<version without epoch>/}. */
    public record Pin(String pkg, String version, String sha256) {
        public String dirName() {
            return pkg + "_" + version.substring(version.indexOf(':') + 1);
        }
    }

    private static Path cache;
    private static String problem;

    private RealSources() {
    }

    /** The repository root (Maven runs the tests there). */
    public static Path repoRoot() {
        return Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** The pins, in the file's order. */
    public static List<Pin> pins() {
        List<Pin> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(repoRoot().resolve("ecosystem/real-sources.pins"))) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("\\s+");
                // a fourth column is the pool path of a Debian 13 package (ecosystem/real-sources reads it)
                if (f.length < 3 || f.length > 4 || !f[2].matches("[0-9a-f]{64}")
                        || f.length == 4 && !f[3].startsWith("pool/")) {
                    throw new IllegalStateException(
                            "ecosystem/real-sources.pins: not 'package version sha256 [pool path]': " + line);
                }
                out.add(new Pin(f[0], f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The pin of {@code pkg}; an unpinned name is a test bug. */
    public static Pin pin(String pkg) {
        return pins().stream().filter(p -> p.pkg().equals(pkg)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(pkg + " is not pinned in ecosystem/real-sources.pins"));
    }

    /**
     * The cache with every pinned package extracted (running {@code ecosystem/real-sources} once per JVM), or
     * the end of the calling test: a failure where the suite must run, a skip elsewhere.
     */
    public static Path require() {
        String why = fetchOnce();
        if (why != null) {
            if (mustRun(System.getenv())) {
                fail("the real-project tests need their sources when scripts/test or CI runs them: " + why);
            }
            Assumptions.abort("skipping a real-project test: " + why);
        }
        return cache;
    }

    /** The extracted tree of {@code pkg} (its {@code usr/}, {@code etc/}...). */
    public static Path extracted(String pkg) {
        return require().resolve(pin(pkg).dirName());
    }

    /** Where {@code pkg} installs its Python packages: the directory a user's project root is in. */
    public static Path pythonPackages(String pkg) {
        return extracted(pkg).resolve("usr/lib/python3/dist-packages");
    }

    /** Whether the environment says the real-project tests must run rather than skip. */
    static boolean mustRun(Map<String, String> env) {
        return "1".equals(env.get("IDEMLINT_PG_REQUIRED")) || "true".equalsIgnoreCase(env.get("CI"));
    }

    private static synchronized String fetchOnce() {
        if (cache != null || problem != null) {
            return problem;
        }
        Path script = repoRoot().resolve("ecosystem/real-sources");
        try {
            Path out = Files.createTempFile("idemlint-real-sources", ".out");
            Path err = Files.createTempFile("idemlint-real-sources", ".err");
            try {
                Process p = new ProcessBuilder("bash", script.toString()).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                if (!p.waitFor(15, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    problem = script + " did not finish in 15 minutes";
                } else if (p.exitValue() != 0) {
                    problem = script + " failed (exit " + p.exitValue() + "):\n"
                            + Files.readString(err, StandardCharsets.UTF_8).strip();
                } else {
                    List<String> lines = Files.readAllLines(out);
                    Path dir = lines.isEmpty() ? null : Path.of(lines.get(lines.size() - 1).strip());
                    if (dir == null || !Files.isDirectory(dir)) {
                        problem = script + " printed no cache directory: " + lines;
                    } else {
                        cache = dir;
                    }
                }
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            problem = "cannot run " + script + ": " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted running " + script;
        }
        return problem;
    }
}
