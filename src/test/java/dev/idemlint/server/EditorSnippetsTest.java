package dev.idemlint.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Neovim snippet docs/editors.md gives for the Neovim on this machine, copied as a user copies it into
 * init.lua, with {@code idemlint} on PATH: headless Neovim opens a revision of the bundled example and
 * receives its diagnostic. Skipped where nvim is not installed (scripts/install-deps installs Debian's).
 */
class EditorSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (neovim-[0-9.]+) -->\\n```lua\\n(.*?)```",
            Pattern.DOTALL);

    /** "0.7" or "0.8" and later: which snippet a Neovim of this version takes. */
    private static String snippetFor(Path nvim) throws Exception {
        Process p = new ProcessBuilder(nvim.toString(), "--version").redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
                .orElse("");
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("NVIM v0\\.(\\d+)").matcher(first);
        assertTrue(m.find(), first);
        return Integer.parseInt(m.group(1)) < 8 ? "neovim-0.7" : "neovim-0.8";
    }

    @Test
    void the_documented_neovim_snippet_shows_the_examples_finding(@TempDir Path tmp) throws Exception {
        Path nvim = NeovimLspTest.nvim();
        assumeTrue(nvim != null, "nvim is not installed (scripts/install-deps installs it)");
        String wanted = snippetFor(nvim);
        String doc = Files.readString(Paths.get("docs/editors.md"));
        String snippet = null;
        for (Matcher m = SNIPPET.matcher(doc); m.find();) {
            if (m.group(1).equals(wanted)) {
                snippet = m.group(2);
            }
        }
        assertTrue(snippet != null, "docs/editors.md has no " + wanted + " snippet");
        Path init = Files.writeString(tmp.resolve("init.lua"), snippet);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path launcher = bin.resolve("idemlint");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Paths.get(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' dev.idemlint.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path project = ServerProtocolTest.copyExampleWithLockTimeout(tmp.resolve("project")).toRealPath();
        Path file = project.resolve("alembic/versions/020_custom_notes.py");
        Path out = tmp.resolve("out.json");
        Path wait = Files.writeString(tmp.resolve("wait.lua"), """
                local ok = vim.wait(90000, function() return #vim.diagnostic.get(0) > 0 end, 50)
                local seen = {}
                for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(seen, d.code) end
                local f = io.open(os.getenv("IDEMLINT_OUT"), "w")
                f:write(vim.fn.json_encode({ ok = ok, codes = table.concat(seen, ",") }))
                f:close()
                vim.cmd("qa!")
                """);
        ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "-u", init.toString(), "-i", "NONE",
                "-n", file.toString(), "-c", "luafile " + wait).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("nvim.log").toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("IDEMLINT_OUT", out.toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", tmp.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        Process p = pb.start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertTrue(Files.exists(out), () -> "Neovim wrote nothing; its log: " + read(tmp.resolve("nvim.log")));
        JsonObject seen = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertTrue(seen.get("ok").getAsBoolean(), () -> "no diagnostics; Neovim's log: " + read(tmp.resolve("nvim.log")));
        assertEquals("add-column-not-idempotent", seen.get("codes").getAsString());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
