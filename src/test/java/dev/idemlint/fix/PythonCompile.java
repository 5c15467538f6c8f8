package dev.idemlint.fix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * CPython's own verdict on files: {@code compile()} of their bytes, when a python3 is installed. One
 * python3 serves every call of the test JVM (a start costs tens of milliseconds, and a fixture sweep asks
 * hundreds of times); it compiles each file anew with {@code dont_inherit=True}, so no call sees another's.
 */
public final class PythonCompile {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /**
     * Each request is one line per file, its path's bytes in hex, then an empty line; each answer is one
     * line per refused file (the path in hex, a tab, the error), then {@link #END}.
     */
    private static final String SCRIPT = """
            import os, sys
            for line in sys.stdin:
                line = line.strip()
                if line:
                    name = os.fsdecode(bytes.fromhex(line))
                    try:
                        with open(name, "rb") as f:
                            compile(f.read(), name, "exec", dont_inherit=True)
                    except (SyntaxError, ValueError) as e:
                        print(line + "\\t" + type(e).__name__ + ": " + str(e).replace("\\n", " "))
                else:
                    print("END")
                    sys.stdout.flush()
            """;
    private static final String END = "END";
    /** How this JVM turns a path into the bytes of a command-line argument, and back. */
    private static final Charset NAMES = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    private static Process process;
    private static OutputStream requests;
    private static BufferedReader answers;

    private PythonCompile() {
    }

    public static boolean available() {
        return Files.isExecutable(PYTHON);
    }

    /** "file: error" for each of {@code files} CPython refuses to compile; empty when all compile. */
    public static synchronized List<String> refused(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            return List.of();
        }
        if (process == null || !process.isAlive()) {
            process = new ProcessBuilder(PYTHON.toString(), "-I", "-u", "-c", SCRIPT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            requests = process.getOutputStream();
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }
        StringBuilder request = new StringBuilder();
        for (Path f : files) {
            request.append(HexFormat.of().formatHex(f.toString().getBytes(NAMES))).append('\n');
        }
        List<String> out = new ArrayList<>();
        try {
            requests.write(request.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
            requests.flush();
            for (String line = answers.readLine(); !END.equals(line); line = answers.readLine()) {
                if (line == null) {
                    throw new IOException("python3 exited with status " + exitStatus() + " (its error is on stderr)");
                }
                int tab = line.indexOf('\t');
                out.add(new String(HexFormat.of().parseHex(line.substring(0, tab)), NAMES)
                        + line.substring(tab));
            }
        } catch (IOException e) {
            process.destroyForcibly();
            process = null;
            throw new IOException("python3 failed: " + e.getMessage(), e);
        }
        return out;
    }

    private static String exitStatus() {
        try {
            return String.valueOf(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
