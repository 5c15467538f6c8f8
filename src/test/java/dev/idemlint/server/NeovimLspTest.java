package dev.idemlint.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.idemlint.cli.CliRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor: headless Neovim (Debian's package; scripts/install-deps installs it) with its built-in
 * LSP client runs {@code idemlint server}, receives the diagnostics, applies a code action and saves;
 * the saved file is what {@code lint --fix --unsafe-fixes} makes. Skipped where nvim is not installed.
 */
class NeovimLspTest {

    static Path nvim() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Paths.get(dir, "nvim");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void neovim_receives_the_diagnostics_and_applies_the_fix(@TempDir Path tmp) throws Exception {
        Path nvim = nvim();
        assumeTrue(nvim != null, "nvim is not installed (scripts/install-deps installs it)");
        Path project = ServerProtocolTest.copyExampleWithLockTimeout(tmp.resolve("project")).toRealPath();
        Path file = project.resolve("alembic/versions/020_custom_notes.py");
        String before = Files.readString(file);
        String expected = CliRun.runWithStdin(before, "lint", "--fix", "--unsafe-fixes", "--stdin-filename",
                file.toString(), "-").out();

        Path script = Paths.get("src/test/resources/nvim/fix-with-lsp.lua").toAbsolutePath();
        Path out = tmp.resolve("out.json");
        JsonArray cmd = new JsonArray();
        for (String s : List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.idemlint.cli.Main", "server")) {
            cmd.add(s);
        }
        ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "-u", "NONE", "-i", "NONE", "-n",
                "-c", "luafile " + script).redirectErrorStream(true).redirectOutput(tmp.resolve("nvim.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("IDEMLINT_FILE", file.toString());
        pb.environment().put("IDEMLINT_ROOT", project.toString());
        pb.environment().put("IDEMLINT_CMD", cmd.toString());
        pb.environment().put("IDEMLINT_OUT", out.toString());
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nvim did not finish: " + Files.readString(tmp.resolve("nvim.log")));
        }
        assertTrue(Files.exists(out), "nvim wrote no result: " + Files.readString(tmp.resolve("nvim.log")));
        JsonObject result = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals("ok", result.get("status").getAsString(), result.toString());
        JsonObject first = result.getAsJsonArray("steps").get(0).getAsJsonObject();
        assertEquals("add-column-not-idempotent", first.get("diagnostic").getAsString(), result.toString());
        assertEquals(17, first.get("line").getAsInt());
        assertTrue(result.getAsJsonArray("steps").get(1).getAsJsonObject().get("action").getAsString()
                .endsWith("(unsafe)"), result.toString());
        assertEquals(expected, Files.readString(file), "the file Neovim saved is the one lint --fix makes");
    }
}
