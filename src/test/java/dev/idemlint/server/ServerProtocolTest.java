package dev.idemlint.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.idemlint.cli.CliRun;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.Rule;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code idemlint server} over a pair of pipes as an editor does: JSON-RPC with
 * Content-Length framing, on a copy of the bundled example project.
 */
class ServerProtocolTest {
    private static final String RULE = "add-column-not-idempotent";

    static Linter linter() {
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        for (Rule r : Registry.all()) {
            names.add(r.name());
        }
        return new Linter(Registry.all(), RuleCatalog.load(names));
    }

    /**
     * The bundled example with an env.py that sets lock_timeout: an editor session on 020 then sees its one
     * idempotency finding, without lock-timeout-not-set on the same line.
     */
    static Path copyExampleWithLockTimeout(Path to) throws IOException {
        Path project = copyExample(to);
        Path envPy = project.resolve("alembic/env.py");
        String env = Files.readString(envPy);
        String set = env.replace("        context.configure(",
                "        connection.exec_driver_sql(\"SET lock_timeout = '5s'\")\n        context.configure(");
        if (set.equals(env)) {
            throw new IllegalStateException("the example's env.py has no context.configure( to set lock_timeout before");
        }
        Files.writeString(envPy, set);
        return project;
    }

    static Path copyExample(Path to) throws IOException {
        Path from = Paths.get("examples/basketball-api");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return to;
    }

    private static JsonObject doc(String uri) {
        JsonObject d = new JsonObject();
        d.addProperty("uri", uri);
        return d;
    }

    private static JsonObject open(String uri, String text) {
        JsonObject d = doc(uri);
        d.addProperty("languageId", "python");
        d.addProperty("version", 1);
        d.addProperty("text", text);
        JsonObject p = new JsonObject();
        p.add("textDocument", d);
        return p;
    }

    private static JsonObject change(String uri, int version, String text) {
        JsonObject d = doc(uri);
        d.addProperty("version", version);
        JsonObject c = new JsonObject();
        c.addProperty("text", text);
        JsonArray changes = new JsonArray();
        changes.add(c);
        JsonObject p = new JsonObject();
        p.add("textDocument", d);
        p.add("contentChanges", changes);
        return p;
    }

    private static JsonObject position(int line, int character) {
        JsonObject p = new JsonObject();
        p.addProperty("line", line);
        p.addProperty("character", character);
        return p;
    }

    private static boolean has(JsonArray diags, String rule) {
        for (JsonElement e : diags) {
            if (rule.equals(e.getAsJsonObject().get("code").getAsString())) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject find(JsonArray diags, String rule) {
        for (JsonElement e : diags) {
            if (rule.equals(e.getAsJsonObject().get("code").getAsString())) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(rule + " not in " + diags);
    }

    /** The text after the edits of one file of a WorkspaceEdit (applied from the end, as editors do). */
    static String apply(String text, JsonArray edits) {
        Positions pos = new Positions(text);
        List<JsonObject> sorted = new ArrayList<>();
        edits.forEach(e -> sorted.add(e.getAsJsonObject()));
        sorted.sort((a, b) -> Integer.compare(offset(pos, b, "start"), offset(pos, a, "start")));
        StringBuilder sb = new StringBuilder(text);
        for (JsonObject e : sorted) {
            sb.replace(offset(pos, e, "start"), offset(pos, e, "end"), e.get("newText").getAsString());
        }
        return sb.toString();
    }

    private static int offset(Positions pos, JsonObject edit, String end) {
        JsonObject p = edit.getAsJsonObject("range").getAsJsonObject(end);
        return pos.offset(new org.eclipse.lsp4j.Position(p.get("line").getAsInt(), p.get("character").getAsInt()));
    }

    @Test
    void an_editor_session(@TempDir Path tmp) throws Exception {
        Path project = copyExampleWithLockTimeout(tmp.resolve("project")).toRealPath();
        Path versions = project.resolve("alembic/versions");
        Path file = versions.resolve("020_custom_notes.py");
        String text = Files.readString(file);
        String uri = file.toUri().toString();

        PipedOutputStream clientOut = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(clientOut, 1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(serverOut, 1 << 16);
        CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> {
            try {
                return IdemlintServer.run(linter(), serverIn, serverOut);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (LspClient client = new LspClient(clientIn, clientOut)) {
            JsonObject init = new JsonObject();
            init.addProperty("processId", ProcessHandle.current().pid());
            init.addProperty("rootUri", project.toUri().toString());
            init.add("capabilities", new JsonObject());
            JsonObject caps = client.request("initialize", init).getAsJsonObject().getAsJsonObject("capabilities");
            assertTrue(caps.get("hoverProvider").getAsBoolean(), caps.toString());
            assertNotNull(caps.get("codeActionProvider"), caps.toString());
            client.notify("initialized", new JsonObject());

            // an unguarded op.add_column: the rule's diagnostic at line 18 (0-based 17), column 5
            client.notify("textDocument/didOpen", open(uri, text));
            JsonArray diags = client.diagnostics(uri, d -> has(d, RULE));
            JsonObject d = find(diags, RULE);
            assertEquals("idemlint", d.get("source").getAsString());
            assertEquals(1, d.get("severity").getAsInt()); // Error
            JsonObject start = d.getAsJsonObject("range").getAsJsonObject("start");
            assertEquals(17, start.get("line").getAsInt());
            assertEquals(4, start.get("character").getAsInt());
            assertEquals(1, diags.size(), diags.toString());

            // the code action: the guard `lint --fix --unsafe-fixes` writes, labelled unsafe, not preferred
            JsonObject ca = new JsonObject();
            ca.add("textDocument", doc(uri));
            ca.add("range", d.getAsJsonObject("range"));
            JsonObject ctx = new JsonObject();
            JsonArray only = new JsonArray();
            only.add(d);
            ctx.add("diagnostics", only);
            ca.add("context", ctx);
            JsonArray actions = client.request("textDocument/codeAction", ca).getAsJsonArray();
            assertEquals(1, actions.size(), actions.toString());
            JsonObject action = actions.get(0).getAsJsonObject();
            assertTrue(action.get("title").getAsString().endsWith("(unsafe)"), action.toString());
            assertEquals("quickfix", action.get("kind").getAsString());
            assertFalse(action.has("isPreferred") && action.get("isPreferred").getAsBoolean(), action.toString());
            JsonArray edits = action.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri);
            String fixed = apply(text, edits);
            CliRun.Result cli = CliRun.runWithStdin(text, "lint", "--fix", "--unsafe-fixes", "--stdin-filename",
                    file.toString(), "-");
            assertEquals(cli.out(), fixed, "the code action makes the text lint --fix makes");
            assertTrue(fixed.contains("if \"custom_notes\" not in"), fixed);

            // hover on the finding: the rule's page
            JsonObject hp = new JsonObject();
            hp.add("textDocument", doc(uri));
            hp.add("position", position(17, 10));
            JsonObject hover = client.request("textDocument/hover", hp).getAsJsonObject();
            String md = hover.getAsJsonObject("contents").get("value").getAsString();
            assertEquals("markdown", hover.getAsJsonObject("contents").get("kind").getAsString());
            assertTrue(md.startsWith("# " + RULE + " (idempotency"), md);
            assertTrue(md.contains("## Why it breaks deploys"), md);
            hp.add("position", position(2, 0));
            assertTrue(client.request("textDocument/hover", hp).isJsonNull(), "no hover away from findings");

            // a second buffer, not on disk, declaring 020 again: the graph finding on both files
            Path copy = versions.resolve("099_copy.py");
            String copyUri = copy.toUri().toString();
            client.notify("textDocument/didOpen", open(copyUri, text));
            assertTrue(has(client.diagnostics(copyUri, x -> has(x, "duplicate-revision-id")), RULE));
            client.diagnostics(uri, x -> has(x, "duplicate-revision-id") && has(x, RULE));
            // renumbering the copy re-checks the open 020: its duplicate finding goes
            client.notify("textDocument/didChange", change(copyUri, 2, text.replace("revision = \"020\"",
                    "revision = \"099\"")));
            client.diagnostics(uri, x -> !has(x, "duplicate-revision-id") && has(x, RULE));

            // the fixed text: empty diagnostics
            client.notify("textDocument/didChange", change(uri, 2, fixed));
            client.diagnostics(uri, x -> x.size() == 0);

            // env.py is not a revision: nothing claimed
            Path env = project.resolve("alembic/env.py");
            String envUri = env.toUri().toString();
            client.notify("textDocument/didOpen", open(envUri, Files.readString(env)));
            assertEquals(0, client.diagnostics(envUri, x -> true).size());

            assertTrue(client.request("shutdown", null).isJsonNull());
            client.notify("exit", null);
            assertEquals(0, server.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void safe_fixes_are_the_preferred_quick_fixes_and_unsafe_ones_are_labelled(@TempDir Path tmp) throws Exception {
        Path project = copyExample(tmp.resolve("project")).toRealPath();
        Path file = project.resolve("alembic/versions/040_add_jersey_public_orders.py");
        String text = Files.readString(file);
        String uri = file.toUri().toString();
        PipedOutputStream clientOut = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(clientOut, 1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(serverOut, 1 << 16);
        CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> {
            try {
                return IdemlintServer.run(linter(), serverIn, serverOut);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (LspClient client = new LspClient(clientIn, clientOut)) {
            JsonObject init = new JsonObject();
            init.addProperty("rootUri", project.toUri().toString());
            init.add("capabilities", new JsonObject());
            client.request("initialize", init);
            client.notify("initialized", new JsonObject());
            client.notify("textDocument/didOpen", open(uri, text));
            JsonObject table = find(client.diagnostics(uri, d -> has(d, "create-table-not-idempotent")),
                    "create-table-not-idempotent");
            JsonObject ca = new JsonObject();
            ca.add("textDocument", doc(uri));
            ca.add("range", table.getAsJsonObject("range"));
            JsonObject ctx = new JsonObject();
            ctx.add("diagnostics", new JsonArray());
            ca.add("context", ctx);
            JsonArray actions = client.request("textDocument/codeAction", ca).getAsJsonArray();
            int preferred = 0;
            for (JsonElement e : actions) {
                JsonObject a = e.getAsJsonObject();
                boolean isPreferred = a.has("isPreferred") && a.get("isPreferred").getAsBoolean();
                boolean unsafe = a.get("title").getAsString().endsWith("(unsafe)");
                assertFalse(isPreferred && unsafe, a.toString());
                if (isPreferred) {
                    preferred++;
                    String fixed = apply(text, a.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri));
                    assertTrue(fixed.contains("if_not_exists=True") || fixed.contains("IF NOT EXISTS")
                            || fixed.contains("has_table") || fixed.contains("get_table_names"), fixed);
                }
            }
            assertEquals(1, preferred, "one preferred quick fix for the finding: " + actions);
            assertTrue(client.request("shutdown", null).isJsonNull());
            client.notify("exit", null);
            assertEquals(0, server.get(30, TimeUnit.SECONDS));
        }
    }
}
