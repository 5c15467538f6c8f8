package dev.idemlint.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each Neovim snippet docs/editors.md gives, copied as a user copies it into init.lua, with {@code idemlint}
 * on PATH, run by a Neovim of the versions it is for: headless Neovim opens a revision of the bundled example
 * and must receive its diagnostic. The Neovims are the one on PATH (Debian 12's 0.7.2) and Debian 13's 0.10
 * that scripts/install-deps unpacks into the cache. A snippet with no Neovim to run it is skipped, and fails
 * when {@code IDEMLINT_NEOVIM_REQUIRED=1} (scripts/test sets it).
 */
class EditorSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (neovim-[0-9.]+) -->\\n```lua\\n(.*?)```",
            Pattern.DOTALL);

    /** "neovim-0.7" or "neovim-0.8" (0.8 and later): which snippet a Neovim of this version takes. */
    private static String snippetFor(Path nvim) throws Exception {
        Process p = new ProcessBuilder(nvim.toString(), "--version").redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
                .orElse("");
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("NVIM v0\\.(\\d+)").matcher(first);
        assertTrue(m.find(), first);
        return Integer.parseInt(m.group(1)) < 8 ? "neovim-0.7" : "neovim-0.8";
    }

    /** The Neovims this machine has: the one on PATH and the launcher scripts/install-deps writes. */
    private static List<Path> neovims() {
        List<Path> found = new ArrayList<>();
        Path onPath = NeovimLspTest.nvim();
        if (onPath != null) {
            found.add(onPath);
        }
        String cache = System.getenv().getOrDefault("XDG_CACHE_HOME",
                Paths.get(System.getProperty("user.home"), ".cache").toString());
        Path trixie = Paths.get(cache, "idemlint", "neovim-trixie", "bin", "nvim");
        if (Files.isExecutable(trixie)) {
            found.add(trixie);
        }
        return found;
    }

    static Stream<Arguments> snippets() throws Exception {
        String doc = Files.readString(Paths.get("docs/editors.md"));
        List<Arguments> all = new ArrayList<>();
        for (Matcher m = SNIPPET.matcher(doc); m.find();) {
            all.add(Arguments.of(m.group(1), m.group(2)));
        }
        assertEquals(List.of("neovim-0.7", "neovim-0.8"), all.stream().map(a -> a.get()[0]).toList());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void the_documented_neovim_snippet_shows_the_examples_finding(String name, String snippet, @TempDir Path tmp)
            throws Exception {
        Path nvim = null;
        for (Path candidate : neovims()) {
            if (snippetFor(candidate).equals(name)) {
                nvim = candidate;
            }
        }
        if (nvim == null && "1".equals(System.getenv("IDEMLINT_NEOVIM_REQUIRED"))) {
            fail("no Neovim for the " + name + " snippet; scripts/install-deps installs one for each");
        }
        assumeTrue(nvim != null, "no Neovim for the " + name + " snippet (scripts/install-deps installs one)");
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
        } catch (IOException e) {
            return e.toString();
        }
    }
}
