package dev.idemlint.server;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The editor's side of the protocol, written out by hand: JSON-RPC messages framed by
 * {@code Content-Length} headers, as an editor sends and reads them over a server's stdio.
 */
final class LspClient implements AutoCloseable {
    private static final long WAIT_SECONDS = 60;
    private final OutputStream toServer;
    private final BlockingQueue<JsonObject> incoming = new LinkedBlockingQueue<>();
    private final List<JsonObject> notifications = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Thread reader;

    LspClient(InputStream fromServer, OutputStream toServer) {
        this.toServer = toServer;
        reader = new Thread(() -> read(fromServer), "lsp-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream in) {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = headerLine(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring("content-length:".length()).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                incoming.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            // the server closed the stream
        }
    }

    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    synchronized void send(JsonObject message) throws IOException {
        message.addProperty("jsonrpc", "2.0");
        byte[] body = new Gson().toJson(message).getBytes(StandardCharsets.UTF_8);
        toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toServer.write(body);
        toServer.flush();
    }

    void notify(String method, JsonObject params) throws IOException {
        JsonObject m = new JsonObject();
        m.addProperty("method", method);
        m.add("params", params);
        send(m);
    }

    /** Sends a request and waits for its response's result (JSON null when the result is null). */
    JsonElement request(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        JsonObject m = new JsonObject();
        m.addProperty("id", id);
        m.addProperty("method", method);
        m.add("params", params);
        send(m);
        JsonObject r = await(o -> o.has("id") && o.get("id").getAsInt() == id && !o.has("method"));
        if (r.has("error")) {
            throw new AssertionError(method + " failed: " + r.get("error"));
        }
        return r.get("result");
    }

    /**
     * The next publishDiagnostics for {@code uri} that satisfies {@code wanted}; earlier ones for the
     * uri are skipped (a run for another buffer re-publishes this one).
     */
    JsonArray diagnostics(String uri, Predicate<JsonArray> wanted) throws Exception {
        JsonObject n = await(o -> "textDocument/publishDiagnostics".equals(str(o, "method"))
                && uri.equals(o.getAsJsonObject("params").get("uri").getAsString())
                && wanted.test(o.getAsJsonObject("params").getAsJsonArray("diagnostics")));
        return n.getAsJsonObject("params").getAsJsonArray("diagnostics");
    }

    private JsonObject await(Predicate<JsonObject> wanted) throws InterruptedException {
        synchronized (notifications) {
            for (JsonObject o : notifications) {
                if (wanted.test(o)) {
                    notifications.remove(o);
                    return o;
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject o = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
            if (o == null) {
                throw new AssertionError("no such message in " + WAIT_SECONDS + " s; seen: " + notifications);
            }
            if (wanted.test(o)) {
                return o;
            }
            synchronized (notifications) {
                notifications.add(o);
            }
        }
    }

    /**
     * The params of every publishDiagnostics received and not consumed yet, in order, up to the first
     * that satisfies {@code last} (waited for); with {@code last} null, those that arrive until the server
     * has been quiet for 300 ms. Other messages are left for the other methods.
     */
    List<JsonObject> publishedUntil(Predicate<JsonObject> last) throws InterruptedException {
        List<JsonObject> out = new ArrayList<>();
        synchronized (notifications) {
            for (java.util.Iterator<JsonObject> it = notifications.iterator(); it.hasNext();) {
                JsonObject o = it.next();
                if ("textDocument/publishDiagnostics".equals(str(o, "method"))) {
                    it.remove();
                    out.add(o.getAsJsonObject("params"));
                    if (last != null && last.test(o.getAsJsonObject("params"))) {
                        return out;
                    }
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            long left = last == null ? TimeUnit.MILLISECONDS.toNanos(300) : deadline - System.nanoTime();
            JsonObject o = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
            if (o == null) {
                if (last == null) {
                    return out;
                }
                throw new AssertionError("no such publication in " + WAIT_SECONDS + " s; seen: " + out);
            }
            if (!"textDocument/publishDiagnostics".equals(str(o, "method"))) {
                synchronized (notifications) {
                    notifications.add(o);
                }
                continue;
            }
            out.add(o.getAsJsonObject("params"));
            if (last != null && last.test(o.getAsJsonObject("params"))) {
                return out;
            }
        }
    }

    /** Messages received and not consumed yet, after waiting {@code millis} for more. */
    List<JsonObject> pending(long millis) throws InterruptedException {
        Thread.sleep(millis);
        List<JsonObject> out = new ArrayList<>();
        incoming.drainTo(out);
        synchronized (notifications) {
            notifications.addAll(out);
            return List.copyOf(notifications);
        }
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
    }

    @Override
    public void close() throws IOException {
        toServer.close();
    }
}
