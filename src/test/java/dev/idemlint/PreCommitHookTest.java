package dev.idemlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hooks' install (scripts/pre-commit/idemlint_hook_backend.py): the code-free wheel it
 * builds requires the release's idemlint wheel with the SHA-256 that the release's SHA256SUMS lists,
 * and pip installs the download only when it has that hash. A release served over HTTP on 127.0.0.1
 * stands in for GitHub's; the real pip installs the built wheel into a scratch folder.
 */
class PreCommitHookTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));
    private static final String PYTHON = System.getenv().getOrDefault("IDEMLINT_PYTHON", "/usr/bin/python3");

    @TempDir
    Path tmp;
    private HttpServer server;
    private Path release;
    private String version;
    private String wheelName;
    private byte[] wheel;

    @BeforeEach
    void serveARelease() throws Exception {
        version = python("import idemlint_hook_backend as b; print(b._version())").strip();
        wheelName = "idemlint-" + version + "-py3-none-manylinux_2_17_x86_64.whl";
        wheel = idemlintWheel(version);
        Path site = Files.createDirectories(tmp.resolve("site"));
        release = Files.createDirectories(site.resolve("v" + version));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = site.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            byte[] body = file.startsWith(site) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void the_wheel_whose_hash_the_releases_sha256sums_lists_is_installed() throws Exception {
        Files.write(release.resolve(wheelName), wheel);
        Files.writeString(release.resolve("SHA256SUMS"),
                "0".repeat(64) + "  idemlint-" + version + "-linux-x86_64.tar.gz\n" + sha256(wheel) + "  " + wheelName + "\n");

        Result built = buildHookWheel();
        assertEquals(0, built.exit, built.output);
        assertTrue(built.output.contains("Requires-Dist: idemlint @ " + base() + "/" + wheelName + "#sha256=" + sha256(wheel)),
                built.output);
        Result installed = pipInstall();
        assertEquals(0, installed.exit, installed.output);
        assertTrue(Files.isRegularFile(tmp.resolve("installed/idemlint_stand_in.py")), installed.output);
    }

    @Test
    void a_download_that_differs_from_sha256sums_is_refused() throws Exception {
        Files.writeString(release.resolve("SHA256SUMS"), sha256(wheel) + " *" + wheelName + "\n");
        Result built = buildHookWheel();
        assertEquals(0, built.exit, built.output);

        // the release (or whatever answers for it) serves other bytes than the ones SHA256SUMS lists
        byte[] tampered = idemlintWheel(version + "\n# tampered");
        assertNotEquals(sha256(wheel), sha256(tampered));
        Files.write(release.resolve(wheelName), tampered);
        Result installed = pipInstall();
        assertNotEquals(0, installed.exit, installed.output);
        assertTrue(installed.output.contains("DO NOT MATCH THE HASHES") && installed.output.contains("Expected sha256 " + sha256(wheel)),
                installed.output);
        assertFalse(Files.exists(tmp.resolve("installed/idemlint_stand_in.py")), "the tampered wheel was installed");
    }

    @Test
    void a_sha256sums_that_does_not_list_the_wheel_stops_the_build() throws Exception {
        Files.write(release.resolve(wheelName), wheel);
        Files.writeString(release.resolve("SHA256SUMS"), sha256(wheel) + "  idemlint-" + version + "-linux-x86_64.tar.gz\n");
        Result built = buildHookWheel();
        assertNotEquals(0, built.exit, built.output);
        assertTrue(built.output.contains("idemlint: " + base() + "/SHA256SUMS lists no SHA-256 for " + wheelName
                + "; the wheel is not installed unchecked"), built.output);
    }

    @Test
    void a_release_without_sha256sums_stops_the_build() throws Exception {
        Files.write(release.resolve(wheelName), wheel);
        Result built = buildHookWheel();
        assertNotEquals(0, built.exit, built.output);
        assertTrue(built.output.contains("idemlint: cannot download " + base() + "/SHA256SUMS (HTTP Error 404"), built.output);
        assertTrue(built.output.contains("set IDEMLINT_WHEEL"), built.output);
    }

    @Test
    void a_mac_or_windows_machine_requires_the_wheel_of_its_platform() throws Exception {
        StringBuilder sums = new StringBuilder();
        for (String[] machine : new String[][] {{"Darwin", "arm64", "macosx_11_0_arm64"},
                {"Darwin", "x86_64", "macosx_11_0_x86_64"}, {"Windows", "AMD64", "win_amd64"},
                {"Linux", "aarch64", "manylinux_2_17_aarch64"}}) {
            String name = "idemlint-" + version + "-py3-none-" + machine[2] + ".whl";
            byte[] data = idemlintWheel(version + "\n# " + machine[2]);
            Files.write(release.resolve(name), data);
            sums.append(sha256(data)).append("  ").append(name).append('\n');
            Files.writeString(release.resolve("SHA256SUMS"), sums);
            Result built = buildHookWheel(machine[0], machine[1]);
            assertEquals(0, built.exit, built.output);
            assertTrue(built.output.contains("Requires-Dist: idemlint @ " + base() + "/" + name + "#sha256=" + sha256(data)),
                    built.output);
        }
        Result other = buildHookWheel("FreeBSD", "amd64");
        assertNotEquals(0, other.exit, other.output);
        assertTrue(other.output.contains("idemlint: no released wheel is built for FreeBSD amd64")
                && other.output.contains("use the idemlint-system hook"), other.output);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v" + version;
    }

    private record Result(int exit, String output) {}

    /** build_wheel with the release URL pointed at the local server; prints the METADATA it wrote. */
    private Result buildHookWheel() throws Exception {
        return buildHookWheel("Linux", "x86_64");
    }

    /** build_wheel as on a machine whose platform.system() and platform.machine() are the ones given. */
    private Result buildHookWheel(String system, String machine) throws Exception {
        Files.createDirectories(tmp.resolve("hook"));
        return run(List.of(PYTHON, "-c", """
                import sys, zipfile
                import idemlint_hook_backend as b
                b._RELEASES = sys.argv[1]
                b.platform.system = lambda: sys.argv[3]
                b.platform.machine = lambda: sys.argv[4]
                name = b.build_wheel(sys.argv[2])
                with zipfile.ZipFile(sys.argv[2] + "/" + name) as z:
                    print(z.read(name.split("-")[0] + "-%s.dist-info/METADATA" % b._version()).decode())
                """, "http://127.0.0.1:" + server.getAddress().getPort(), tmp.resolve("hook").toString(), system, machine));
    }

    private Result pipInstall() throws Exception {
        List<String> wheels;
        try (var files = Files.list(tmp.resolve("hook"))) {
            wheels = files.map(Path::toString).toList();
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, "-m", "pip", "install", "--no-index", "--no-cache-dir",
                "--disable-pip-version-check", "--target", tmp.resolve("installed").toString()));
        command.addAll(wheels);
        return run(command);
    }

    private Result run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", ROOT.resolve("scripts/pre-commit").toString());
        // pip's settings from this machine (find-links, an index, a cache) stay out of the install
        pb.environment().keySet().removeIf(k -> k.startsWith("PIP_"));
        pb.environment().put("PIP_CONFIG_FILE", "/dev/null");
        pb.environment().remove("IDEMLINT_WHEEL");
        // the stand-in release is on this machine, whatever proxy the environment names
        pb.environment().put("no_proxy", "127.0.0.1");
        pb.environment().put("NO_PROXY", "127.0.0.1");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Result(p.exitValue(), out);
    }

    private String python(String code) throws Exception {
        Result r = run(List.of(PYTHON, "-c", code));
        assertEquals(0, r.exit, r.output);
        return r.output;
    }

    /** A stand-in idemlint wheel: one module, its metadata and RECORD; `marker` varies its bytes. */
    private static byte[] idemlintWheel(String marker) throws IOException {
        String version = marker.lines().findFirst().orElseThrow();
        String info = "idemlint-" + version + ".dist-info/";
        List<String[]> files = List.of(
                new String[] {"idemlint_stand_in.py", "# " + marker + "\n"},
                new String[] {info + "METADATA", "Metadata-Version: 2.1\nName: idemlint\nVersion: " + version + "\n"},
                new String[] {info + "WHEEL",
                        "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: py3-none-manylinux_2_17_x86_64\n"});
        var bytes = new java.io.ByteArrayOutputStream();
        StringBuilder record = new StringBuilder();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String[] f : files) {
                byte[] data = f[1].getBytes(StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(f[0]));
                zip.write(data);
                zip.closeEntry();
                String digest = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest(data));
                record.append(f[0]).append(",sha256=").append(digest).append(',').append(data.length).append('\n');
            }
            record.append(info).append("RECORD,,\n");
            zip.putNextEntry(new ZipEntry(info + "RECORD"));
            zip.write(record.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }
}
