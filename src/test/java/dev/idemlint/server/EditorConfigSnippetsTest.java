package dev.idemlint.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VS Code and Helix configurations of docs/editors.md, which no test machine can run the editor
 * for (neither is packaged for Debian 12): each snippet parses as what the editor reads (JSON for VS
 * Code's settings.json, TOML by Python's tomllib for Helix's languages.toml), attaches the server to
 * Python, and the command line it names, started as the editor starts it with {@code idemlint} on
 * PATH, answers an LSP handshake and publishes the finding of a revision of the bundled example.
 */
class EditorConfigSnippetsTest {
    private static final String PYTHON = System.getenv().getOrDefault("IDEMLINT_PYTHON", "/usr/bin/python3");

    @TempDir
    Path tmp;

    @Test
    void the_vscode_settings_start_a_server_that_publishes_the_examples_finding() throws Exception {
        JsonObject settings = JsonParser.parseString(snippet("vscode-glspc", "json")).getAsJsonObject();
        List<String> languages = strings(settings.getAsJsonArray("glspc.server.languageId"));
        assertTrue(languages.contains("python"), "the server runs for Python files: " + languages);
        List<String> command = new ArrayList<>();
        command.add(settings.get("glspc.server.command").getAsString());
        command.addAll(strings(settings.getAsJsonArray("glspc.server.commandArguments")));
        assertServes(command);
    }

    @Test
    void the_helix_languages_toml_starts_a_server_that_publishes_the_examples_finding() throws Exception {
        Path toml = Files.writeString(tmp.resolve("languages.toml"), snippet("helix", "toml"));
        // tomllib (Python 3.11+) reads the file as Helix's TOML parser would; printed back as JSON
        Process p = new ProcessBuilder(PYTHON, "-c", """
                import json, sys, tomllib
                with open(sys.argv[1], "rb") as f:
                    print(json.dumps(tomllib.load(f)))
                """, toml.toString()).redirectErrorStream(true).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "the Helix snippet is not TOML: " + json);
        JsonObject config = JsonParser.parseString(json).getAsJsonObject();
        JsonObject server = config.getAsJsonObject("language-server").getAsJsonObject("idemlint");
        assertNotNull(server, "a [language-server.idemlint] table: " + json);
        JsonObject python = null;
        for (JsonElement language : config.getAsJsonArray("language")) {
            if (language.getAsJsonObject().get("name").getAsString().equals("python")) {
                python = language.getAsJsonObject();
            }
        }
        assertNotNull(python, "a [[language]] entry for python: " + json);
        assertTrue(strings(python.getAsJsonArray("language-servers")).contains("idemlint"),
                "python's language-servers name idemlint: " + python);
        List<String> command = new ArrayList<>();
        command.add(server.get("command").getAsString());
        command.addAll(strings(server.getAsJsonArray("args")));
        assertServes(command);
    }

    /** The snippet under {@code <!-- snippet: NAME -->}, a fenced block of {@code lang}. */
    private static String snippet(String name, String lang) throws IOException {
        String doc = Files.readString(Paths.get("docs/editors.md"));
        Matcher m = Pattern.compile("<!-- snippet: " + Pattern.quote(name) + " -->\\n```" + lang + "\\n(.*?)```",
                Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "docs/editors.md has no " + name + " snippet in a ```" + lang + " block");
        return m.group(1);
    }

    private static List<String> strings(JsonArray array) {
        assertNotNull(array);
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    /**
     * Starts {@code command} as an editor does (its first word found on PATH, where only this build's
     * idemlint is), opens the example's 020 revision and waits for its diagnostics.
     */
    private void assertServes(List<String> command) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path launcher = bin.resolve("idemlint");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Paths.get(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' dev.idemlint.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path exe = bin.resolve(command.get(0));
        assertTrue(!command.get(0).contains("/") && Files.isExecutable(exe),
                "the snippet's command '" + command.get(0) + "' is not the idemlint on PATH");
        List<String> argv = new ArrayList<>(command);
        argv.set(0, exe.toString());

        Path project = ServerProtocolTest.copyExampleWithLockTimeout(tmp.resolve("project")).toRealPath();
        Path rev = project.resolve("alembic/versions/020_custom_notes.py");
        ProcessBuilder pb = new ProcessBuilder(argv).directory(project.toFile())
                .redirectError(tmp.resolve("server.log").toFile());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process server = pb.start();
        var reader = Executors.newSingleThreadExecutor();
        try {
            OutputStream in = server.getOutputStream();
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":\""
                    + project.toUri() + "\",\"capabilities\":{}}}");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            JsonObject open = new JsonObject();
            JsonObject doc = new JsonObject();
            doc.addProperty("uri", rev.toUri().toString());
            doc.addProperty("languageId", "python");
            doc.addProperty("version", 1);
            doc.addProperty("text", Files.readString(rev));
            JsonObject params = new JsonObject();
            params.add("textDocument", doc);
            open.addProperty("jsonrpc", "2.0");
            open.addProperty("method", "textDocument/didOpen");
            open.add("params", params);
            send(in, open.toString());

            InputStream out = server.getInputStream();
            Future<List<String>> codes = reader.submit(() -> {
                boolean initialized = false;
                while (true) {
                    JsonObject m = read(out);
                    if (m == null) {
                        return null;
                    }
                    if (m.has("id") && m.get("id").getAsInt() == 1) {
                        initialized = m.getAsJsonObject("result").has("capabilities");
                    }
                    if (initialized && "textDocument/publishDiagnostics".equals(m.has("method") ? m.get("method").getAsString() : "")
                            && m.getAsJsonObject("params").get("uri").getAsString().equals(rev.toUri().toString())) {
                        List<String> seen = new ArrayList<>();
                        m.getAsJsonObject("params").getAsJsonArray("diagnostics")
                                .forEach(d -> seen.add(d.getAsJsonObject().get("code").getAsString()));
                        return seen;
                    }
                }
            });
            List<String> seen = codes.get(120, TimeUnit.SECONDS);
            assertNotNull(seen, "the server closed its output: " + Files.readString(tmp.resolve("server.log")));
            assertEquals(List.of("add-column-not-idempotent"), seen);
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            in.close();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not exit after shutdown and exit");
        } finally {
            reader.shutdownNow();
            server.destroyForcibly();
        }
    }

    private static void send(OutputStream in, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        in.write(body);
        in.flush();
    }

    /** One LSP message, or null at the end of the stream. */
    private static JsonObject read(InputStream out) throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = out.read();
            if (c < 0) {
                return null;
            }
            if (c == '\n') {
                String header = line.toString().strip();
                line.setLength(0);
                if (header.isEmpty()) {
                    break;
                }
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(header.indexOf(':') + 1).strip());
                }
            } else {
                line.append((char) c);
            }
        }
        byte[] body = out.readNBytes(length);
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
