package dev.idemlint.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A server on 127.0.0.1 that speaks PostgreSQL's protocol as far as asking for the password in clear
 * (AuthenticationCleartextPassword), as a server a pull request names could, and records what one client told
 * it: the startup parameters and the password.
 */
final class FakePostgres {
    /** What one connection sent: the startup parameters and the password, "" for none. */
    record Received(Map<String, String> startup, String password) {
    }

    private FakePostgres() {
    }

    /** Serves the next connection; completes with null when none came within {@code acceptMillis}. */
    static CompletableFuture<Received> recording(ServerSocket server, int acceptMillis) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                server.setSoTimeout(acceptMillis);
                try (Socket s = server.accept()) {
                    s.setSoTimeout(30_000);
                    return serve(new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()));
                }
            } catch (SocketTimeoutException e) {
                return null;
            } catch (IOException e) {
                return new Received(Map.of(), "");
            }
        });
    }

    private static Received serve(DataInputStream in, DataOutputStream out) throws IOException {
        byte[] message;
        while (true) {
            message = new byte[in.readInt() - 4];
            in.readFully(message);
            int code = ByteBuffer.wrap(message).getInt();
            if (code != 80877103 && code != 80877104) {
                break;
            }
            out.write('N'); // no SSL, no GSS encryption: the startup message follows
            out.flush();
        }
        Map<String, String> startup = new LinkedHashMap<>();
        String[] fields = new String(message, 4, message.length - 4, StandardCharsets.UTF_8).split("\0");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            startup.put(fields[i], fields[i + 1]);
        }
        out.write('R');
        out.writeInt(8);
        out.writeInt(3);
        out.flush();
        if (in.read() != 'p') {
            return new Received(startup, "");
        }
        byte[] password = new byte[in.readInt() - 4];
        in.readFully(password);
        return new Received(startup, new String(password, 0, Math.max(0, password.length - 1), StandardCharsets.UTF_8));
    }
}
