package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lint} starts without the Language Server's libraries: lsp4j and gson load only for {@code server}. */
class LintLoadsNoLspTest {

    private static String classesLoaded(String... args) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), "-Xshare:off", "-verbose:class", "-cp",
                System.getProperty("java.class.path"), "dev.idemlint.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close(); // the server reads EOF and ends
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void lint_loads_no_lsp4j_or_gson_class() throws Exception {
        String lint = classesLoaded("lint", "examples/basketball-api");
        assertTrue(lint.contains("dev.idemlint.rule.Linter"), "the class list is there");
        assertFalse(lint.contains("org.eclipse.lsp4j"), "lint loaded lsp4j");
        assertFalse(lint.contains("com.google.gson"), "lint loaded gson");
        String server = classesLoaded("server");
        assertTrue(server.contains("org.eclipse.lsp4j.jsonrpc"), "the check sees lsp4j when it is loaded");
        assertEquals(-1, server.indexOf("Exception in thread"), server);
    }
}
