package dev.idemlint.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.idemlint.rule.Diagnostic;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's kept models change no finding: a server is driven through edits, files created, changed
 * and deleted on disk (with and without the editor's notification), a save and closes, and every
 * publishDiagnostics it sends is compared, as JSON, with what a fresh workspace with a fresh linter (every
 * file read and parsed) finds for the same buffers and files. Each step also checks how many files the
 * run parsed: the edited buffer and the files changed on disk, no others.
 */
class KeptModelsTest {
    private static final Gson GSON = new MessageJsonHandler(Map.of()).getGson();

    /** The editor's side: the open buffers as the server was told of them, in the order it was. */
    private record Open(String uri, String text, int version) {
    }

    private final Map<Path, Open> open = new LinkedHashMap<>();
    private Path project;
    private Path versions;
    private LspClient client;
    private IdemlintServer server;
    private int steps;

    @Test
    void findings_with_kept_models_are_those_of_a_fresh_lint(@TempDir Path tmp) throws Exception {
        project = ServerProtocolTest.copyExample(tmp.resolve("project")).toRealPath();
        versions = project.resolve("alembic/versions");
        int files;
        try (Stream<Path> s = Files.list(versions)) {
            files = (int) s.filter(p -> p.toString().endsWith(".py")).count();
        }
        // files last written an hour ago: their stamps are trusted without reading them again
        FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        try (Stream<Path> s = Files.walk(project)) {
            for (Path p : s.toList()) {
                Files.setLastModifiedTime(p, hourAgo);
            }
        }
        Path a = versions.resolve("020_custom_notes.py");
        Path b = versions.resolve("024_is_public.py");
        Path closed = versions.resolve("021_oauth_tokens.py");
        String aText = Files.readString(a);
        String bText = Files.readString(b);

        PipedOutputStream clientOut = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(clientOut, 1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(serverOut, 1 << 16);
        server = new IdemlintServer(ServerProtocolTest.linter());
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(() -> {
            try {
                return IdemlintServer.serve(server, serverIn, serverOut);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (LspClient c = new LspClient(clientIn, clientOut)) {
            client = c;
            JsonObject init = new JsonObject();
            init.addProperty("rootUri", project.toUri().toString());
            init.add("capabilities", new JsonObject());
            client.request("initialize", init);
            client.notify("initialized", new JsonObject());

            // the first run parses every file; the second buffer's opening parses that buffer alone
            openBuffer(a, aText);
            assertParsed(files, files);
            openBuffer(b, bText);
            assertParsed(files, 1);

            // edits of a buffer: that buffer is parsed, the other files' models are kept
            edit(a, aText.replace("op.add_column(", "op.create_table(\"players\")\n    op.add_column("));
            assertParsed(files, 1);
            edit(a, aText);
            assertParsed(files, 1);
            edit(b, bText + "\n# a comment\n");
            assertParsed(files, 1);

            // a closed revision changed on disk with no notification: read again for its new stamp
            String closedText = Files.readString(closed);
            Files.writeString(closed, closedText.replace("revision = \"021\"", "revision = \"020\""));
            edit(a, aText + "\n");
            assertParsed(files, 2);
            // changed again within the same timestamp, at the same size: its text is compared, as the
            // first stamp was too recent to vouch for it
            FileTime first = Files.getLastModifiedTime(closed);
            Files.writeString(closed, closedText.replace("revision = \"021\"", "revision = \"019\""));
            Files.setLastModifiedTime(closed, first);
            edit(a, aText);
            assertParsed(files, 2);
            // nothing changed since: its stamp is recent, so its text is compared again, and kept
            edit(a, aText + "\n");
            assertParsed(files, 1);
            Files.writeString(closed, closedText);
            Files.setLastModifiedTime(closed, hourAgo);

            // a revision created on disk, then deleted, each with the editor's watched-file notification
            Path created = versions.resolve("099_new_head.py");
            Files.writeString(created, "revision = \"099\"\ndown_revision = \"024\"\n\nfrom alembic import op\n"
                    + "import sqlalchemy as sa\n\n\ndef upgrade():\n    op.add_column(\"players\", sa.Column(\"x\", sa.Text()))\n\n\n"
                    + "def downgrade():\n    pass\n");
            watched(created, 1);
            edit(a, aText);
            assertParsed(files + 1, 3); // the edited buffer, the new file, and 021 (written back)
            Files.delete(created);
            watched(created, 3);
            edit(a, aText + "\n");
            assertParsed(files, 1);

            // a buffer saved, then closed: the closed file is read from disk once, then kept
            Files.writeString(b, bText + "\n# a comment\n");
            step(() -> {
                JsonObject p = new JsonObject();
                p.add("textDocument", doc(b.toUri().toString()));
                client.notify("textDocument/didSave", p);
            }, b, open.get(b).version());
            assertParsed(files, 1);
            step(() -> {
                open.remove(b);
                JsonObject p = new JsonObject();
                p.add("textDocument", doc(b.toUri().toString()));
                client.notify("textDocument/didClose", p);
            }, null, 0);
            edit(a, aText);
            assertParsed(files, 2);
            edit(a, aText + "\n");
            assertParsed(files, 1);

            // the buffer's own file changed on disk: the buffer still stands for it
            Files.writeString(a, aText.replace("custom_notes", "other_notes"));
            edit(a, aText);
            assertParsed(files, 1);

            // the last buffer of the tree closed: its models are let go; reopened, every file is read again
            step(() -> {
                open.remove(a);
                JsonObject p = new JsonObject();
                p.add("textDocument", doc(a.toUri().toString()));
                client.notify("textDocument/didClose", p);
            }, null, 0);
            assertArrayEquals(new int[] {0, 0}, server.keptModels(versions));
            openBuffer(a, aText);
            assertParsed(files, files);

            assertTrue(steps >= 15, "steps compared: " + steps);
            assertTrue(client.request("shutdown", null).isJsonNull());
            client.notify("exit", null);
            assertEquals(0, done.get(30, TimeUnit.SECONDS));
        }
    }

    /** That the tree keeps {@code kept} models and its last run parsed {@code parsed} files. */
    private void assertParsed(int kept, int parsed) {
        assertArrayEquals(new int[] {kept, parsed}, server.keptModels(versions), "kept models, files parsed");
    }

    private void openBuffer(Path p, String text) throws Exception {
        String uri = p.toUri().toString();
        step(() -> {
            open.put(p, new Open(uri, text, 1));
            JsonObject d = doc(uri);
            d.addProperty("languageId", "python");
            d.addProperty("version", 1);
            d.addProperty("text", text);
            JsonObject params = new JsonObject();
            params.add("textDocument", d);
            client.notify("textDocument/didOpen", params);
        }, p, 1);
    }

    private void edit(Path p, String text) throws Exception {
        Open o = open.get(p);
        int version = o.version() + 1;
        step(() -> {
            open.put(p, new Open(o.uri(), text, version));
            JsonObject d = doc(o.uri());
            d.addProperty("version", version);
            JsonObject change = new JsonObject();
            change.addProperty("text", text);
            JsonArray changes = new JsonArray();
            changes.add(change);
            JsonObject params = new JsonObject();
            params.add("textDocument", d);
            params.add("contentChanges", changes);
            client.notify("textDocument/didChange", params);
        }, p, version);
    }

    /** The editor's notification that {@code p} was created (1), changed (2) or deleted (3) on disk; no run. */
    private void watched(Path p, int type) throws Exception {
        JsonObject e = new JsonObject();
        e.addProperty("uri", p.toUri().toString());
        e.addProperty("type", type);
        JsonArray changes = new JsonArray();
        changes.add(e);
        JsonObject params = new JsonObject();
        params.add("changes", changes);
        client.notify("workspace/didChangeWatchedFiles", params);
    }

    private interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code action} (one notification, at most one run), waits for the publication of {@code until}'s
     * {@code version} (none: a close, which publishes at once) and for the server to go quiet, and compares
     * every publication of the step with a fresh lint.
     */
    private void step(Action action, Path until, int version) throws Exception {
        action.run();
        List<JsonObject> got = new ArrayList<>();
        if (until != null) {
            String uri = until.toUri().toString();
            got.addAll(client.publishedUntil(m -> uri.equals(m.get("uri").getAsString()) && m.has("version")
                    && m.get("version").getAsInt() == version));
        }
        got.addAll(client.publishedUntil(null));
        assertFalse(got.isEmpty(), "a publication");
        for (JsonObject m : got) {
            Path p = Path.of(java.net.URI.create(m.get("uri").getAsString()));
            Open o = open.get(p);
            String expected;
            if (o == null) {
                expected = "[]"; // closed: its findings are cleared
            } else {
                assertEquals(o.version(), m.get("version").getAsInt(), "published for the newest version");
                expected = fresh(p, o.text());
            }
            assertEquals(expected, m.getAsJsonArray("diagnostics").toString(), "step " + steps + ", " + p);
        }
        steps++;
    }

    /** What a workspace and linter made now find for the open buffer {@code p}, as the protocol's JSON. */
    private String fresh(Path p, String text) {
        Workspace ws = new Workspace(ServerProtocolTest.linter(), IdemlintServer.displayFrom(project));
        for (Map.Entry<Path, Open> e : open.entrySet()) {
            ws.open(e.getKey(), e.getValue().uri(), e.getValue().text(), e.getValue().version());
        }
        List<Diagnostic> found = ws.lint(p, ws.buffers()).findings().get(p);
        Positions pos = new Positions(text);
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : found) {
            out.add(IdemlintServer.lsp(d, pos));
        }
        JsonElement tree = GSON.toJsonTree(out);
        return JsonParser.parseString(tree.toString()).toString();
    }

    private static JsonObject doc(String uri) {
        JsonObject d = new JsonObject();
        d.addProperty("uri", uri);
        return d;
    }
}
