package dev.idemlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The release workflow's structure, read as text (no YAML library is a test dependency; the file
 * is written in block style, which the line reading below follows): a wheel per platform built on a
 * native runner of that platform and checked there, one SHA256SUMS over every file, and the wheels
 * published to PyPI by trusted publishing. The platforms of its matrix are the ones the Action and
 * the pre-commit hooks' install ask the release for.
 */
class ReleaseWorkflowTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));

    /** GitHub-hosted runner labels and the machine they run on (docs.github.com, "GitHub-hosted runners"). */
    private static final Map<String, String> RUNNERS = Map.of(
            "ubuntu-24.04", "linux x86_64",
            "ubuntu-24.04-arm", "linux aarch64",
            "macos-15", "macos arm64",
            "macos-15-intel", "macos x86_64",
            "windows-2025", "windows amd64");

    private static final List<String> PLATFORMS = List.of(
            "manylinux_2_17_x86_64", "manylinux_2_17_aarch64", "macosx_11_0_arm64", "macosx_11_0_x86_64", "win_amd64");

    @Test
    void every_platform_is_built_on_a_native_runner_and_checked_there() throws IOException {
        Map<String, String> jobs = jobs(read(".github/workflows/release.yml"));
        String dist = jobs.get("dist");
        assertNotNull(dist, "a dist job: " + jobs.keySet());
        Map<String, Map<String, String>> matrix = matrix(dist);
        assertEquals(new TreeSet<>(PLATFORMS), new TreeSet<>(matrix.keySet()), "the matrix builds every platform once");
        for (var entry : matrix.entrySet()) {
            String platform = entry.getKey();
            String runner = entry.getValue().get("runner");
            String machine = RUNNERS.get(runner);
            assertNotNull(machine, platform + " is built on " + runner + ", not a runner label this test knows");
            assertEquals(machineOf(platform), machine, platform + " is built on " + runner);
            String tarball = entry.getValue().get("tarball");
            assertEquals(platform.startsWith("manylinux") ? machine.replace(' ', '-') : null, tarball,
                    platform + ": a tarball exactly on Linux");
        }
        assertTrue(dist.contains("runs-on: ${{ matrix.runner }}"), "each build runs on its matrix runner");
        // Linux: the whole scripts/test-dist; elsewhere scripts/dist, then scripts/check-wheel on the same runner
        assertStep(dist, "runner.os == 'Linux'", "scripts/test-dist --jdk \"$JAVA_HOME\" --platform ${{ matrix.platform }}");
        assertStep(dist, "runner.os != 'Linux'", "scripts/dist --jdk \"$JAVA_HOME\" --platform ${{ matrix.platform }}");
        assertStep(dist, "runner.os != 'Linux'", "python scripts/check-wheel target/dist/idemlint-*-py3-none-${{ matrix.platform }}.whl");
        assertTrue(dist.indexOf("scripts/dist --jdk") < dist.indexOf("scripts/check-wheel"), "the check follows the build");
        assertTrue(dist.contains("java-version: '25'") && dist.contains("distribution: temurin"),
                "Temurin 25: its Linux binaries need glibc 2.17, as the manylinux_2_17 tags claim");
        assertTrue(dist.contains("git config --global core.autocrlf false"), "Windows checks out the bash scripts with LF");
        assertTrue(dist.contains("name: dist-${{ matrix.platform }}") && dist.contains("if-no-files-found: error"),
                "each platform's files are handed on, and a missing one fails");
        assertTrue(Files.isExecutable(ROOT.resolve("scripts/check-wheel")), "scripts/check-wheel is executable");
    }

    @Test
    void one_sha256sums_lists_every_file_of_the_release() throws IOException {
        Map<String, String> jobs = jobs(read(".github/workflows/release.yml"));
        String release = jobs.get("release");
        assertNotNull(release, "a release job: " + jobs.keySet());
        assertTrue(release.contains("needs: dist"), "it runs after every build");
        for (String platform : PLATFORMS) {
            assertTrue(release.contains("\"idemlint-$v-py3-none-" + platform + ".whl\""), "the release expects the " + platform + " wheel");
        }
        for (String tarball : List.of("linux-x86_64", "linux-aarch64")) {
            assertTrue(release.contains("\"idemlint-$v-" + tarball + ".tar.gz\""), "the release expects the " + tarball + " tarball");
        }
        assertTrue(release.contains("diff <(echo \"$expected\") <(cd dist && ls | LC_ALL=C sort)"),
                "the downloaded files are exactly the expected ones");
        int sums = release.indexOf("sha256sum -- *.whl *.tar.gz > SHA256SUMS");
        int upload = release.indexOf("gh release upload");
        assertTrue(sums > 0 && upload > sums, "SHA256SUMS is written over every file before the upload");
        assertTrue(release.substring(upload).contains("dist/*.whl dist/*.tar.gz dist/SHA256SUMS"), "and attached with them");
        assertTrue(release.contains("contents: write"), "the release job may create the release");
    }

    @Test
    void the_wheels_go_to_pypi_by_trusted_publishing() throws IOException {
        String workflow = read(".github/workflows/release.yml");
        Map<String, String> jobs = jobs(workflow);
        String pypi = jobs.get("pypi");
        assertNotNull(pypi, "a pypi job: " + jobs.keySet());
        assertTrue(pypi.contains("needs: release"), "PyPI gets a version only once its GitHub release has SHA256SUMS");
        assertTrue(Pattern.compile("(?m)^    environment:\\n      name: pypi$").matcher(pypi).find(),
                "the pypi environment (its protection rules guard the upload)");
        assertTrue(Pattern.compile("(?m)^    permissions:\\n      id-token: write").matcher(pypi).find(),
                "the job may ask for an OIDC token");
        assertTrue(Pattern.compile("uses: pypa/gh-action-pypi-publish@[0-9a-f]{40} ").matcher(pypi).find(),
                "pypa/gh-action-pypi-publish, pinned by commit SHA");
        assertFalse(pypi.contains("password:") || pypi.contains("secrets."), "no API token: trusted publishing");
        assertTrue(pypi.contains("sha256sum --check --strict --ignore-missing ../sums/SHA256SUMS"),
                "the uploaded wheels are the ones SHA256SUMS lists");
        assertTrue(pypi.contains("packages-dir: pypi/") && pypi.contains("mv dist/*.whl pypi/"),
                "only the wheels reach PyPI (a tarball there would be taken for a source distribution)");
        // no other job (nor the workflow) may mint an OIDC token or write contents
        for (var job : jobs.entrySet()) {
            if (!job.getKey().equals("pypi")) {
                assertFalse(job.getValue().contains("id-token"), job.getKey() + " asks for an OIDC token");
            }
        }
        String top = workflow.substring(0, workflow.indexOf("\njobs:"));
        assertTrue(top.contains("permissions:\n  contents: read\n"), "the workflow's default permission is read");
    }

    @Test
    void the_action_and_the_hooks_ask_for_the_platforms_the_release_builds() throws IOException {
        // the Action: RUNNER_OS/RUNNER_ARCH -> platform
        Map<String, String> action = new LinkedHashMap<>();
        Matcher a = Pattern.compile("(?m)^\\s+(\\w+)/(\\w+)\\) platform=([\\w.]+) ;;").matcher(read("action.yml"));
        while (a.find()) {
            action.put(a.group(3), a.group(1) + "/" + a.group(2));
        }
        assertEquals(new TreeSet<>(PLATFORMS), new TreeSet<>(action.keySet()), "action.yml's platforms");
        assertEquals(Map.of("manylinux_2_17_x86_64", "Linux/X64", "manylinux_2_17_aarch64", "Linux/ARM64",
                "macosx_11_0_arm64", "macOS/ARM64", "macosx_11_0_x86_64", "macOS/X64", "win_amd64", "Windows/X64"), action);
        // the hooks' install: (platform.system(), platform.machine()) -> platform
        Map<String, String> hooks = new LinkedHashMap<>();
        Matcher h = Pattern.compile("\\(\"(\\w+)\", \"(\\w+)\"\\): \"([\\w.]+)\"")
                .matcher(read("scripts/pre-commit/idemlint_hook_backend.py"));
        while (h.find()) {
            hooks.put(h.group(3), h.group(1) + " " + h.group(2));
        }
        assertEquals(new TreeSet<>(PLATFORMS), new TreeSet<>(hooks.keySet()), "the hook backend's platforms");
        for (var entry : hooks.entrySet()) {
            String machine = machineOf(entry.getKey());
            String[] python = entry.getValue().split(" ");
            String os = Map.of("Linux", "linux", "Darwin", "macos", "Windows", "windows").get(python[0]);
            assertEquals(machine, os + " " + python[1].toLowerCase(java.util.Locale.ROOT), entry.toString());
        }
    }

    /** "linux x86_64", "macos arm64", "windows amd64" from a wheel's platform tag. */
    private static String machineOf(String platform) {
        Matcher m = Pattern.compile("(manylinux_\\d+_\\d+|macosx_\\d+_\\d+|win)_(\\w+)").matcher(platform);
        assertTrue(m.matches(), platform);
        String os = m.group(1).startsWith("manylinux") ? "linux" : m.group(1).startsWith("macosx") ? "macos" : "windows";
        return os + " " + m.group(2);
    }

    private static void assertStep(String job, String condition, String run) {
        for (String step : job.split("\\n      - ")) {
            if (step.contains("if: " + condition) && step.contains("run: " + run)) {
                return;
            }
        }
        throw new AssertionError("no step under `if: " + condition + "` runs `" + run + "`");
    }

    /** The matrix's include entries: platform -> its keys. */
    private static Map<String, Map<String, String>> matrix(String job) {
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        int include = job.indexOf("        include:\n");
        assertTrue(include > 0, "the matrix lists its entries under include:");
        Map<String, String> entry = null;
        List<Map<String, String>> all = new ArrayList<>();
        for (String line : job.substring(include).split("\n")) {
            Matcher m = Pattern.compile("^          (- |  )(\\w+): (\\S+)$").matcher(line);
            if (line.startsWith("          - ")) {
                entry = new LinkedHashMap<>();
                all.add(entry);
            } else if (!line.startsWith("            ") && !line.equals("        include:")) {
                break;
            }
            if (m.matches() && entry != null) {
                entry.put(m.group(2), m.group(3));
            }
        }
        for (Map<String, String> e : all) {
            assertNotNull(e.get("platform"), "a matrix entry without a platform: " + e);
            assertEquals(null, entries.put(e.get("platform"), e), "two entries build " + e.get("platform"));
        }
        return entries;
    }

    /** Each job under `jobs:` (two-space indented names) with its lines. */
    private static Map<String, String> jobs(String workflow) {
        Map<String, String> jobs = new LinkedHashMap<>();
        String[] lines = workflow.substring(workflow.indexOf("\njobs:\n") + "\njobs:\n".length()).split("\n", -1);
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            Matcher m = Pattern.compile("^  ([\\w-]+):\\s*$").matcher(line);
            if (m.matches()) {
                if (name != null) {
                    jobs.put(name, body.toString());
                }
                name = m.group(1);
                body = new StringBuilder();
            } else {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            jobs.put(name, body.toString());
        }
        return jobs;
    }

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }
}
