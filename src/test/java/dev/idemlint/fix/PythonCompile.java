package dev.idemlint.fix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** CPython's own verdict on files: {@code compile()} of their bytes, when a python3 is installed. */
public final class PythonCompile {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = """
            import sys
            for name in sys.argv[1:]:
                try:
                    with open(name, "rb") as f:
                        compile(f.read(), name, "exec", dont_inherit=True)
                except (SyntaxError, ValueError) as e:
                    print(name + "\\t" + type(e).__name__ + ": " + str(e).replace("\\n", " "))
            """;

    private PythonCompile() {
    }

    public static boolean available() {
        return Files.isExecutable(PYTHON);
    }

    /** "file: error" for each of {@code files} CPython refuses to compile; empty when all compile. */
    public static List<String> refused(List<Path> files) throws IOException, InterruptedException {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-I", "-c", SCRIPT));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("python3 failed: " + new String(out, StandardCharsets.UTF_8));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : text.lines().toList();
    }
}
