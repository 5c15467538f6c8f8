package dev.idemlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bundled runtime's launchers (src/dist/jvm.options) run the JVM with ./idemlint's default flags. */
class DistFlagsTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));

    @Test
    void dist_launchers_use_the_repository_launchers_default_flags() throws IOException {
        String jit = "";
        List<String> defaults = new ArrayList<>();
        Pattern assignment = Pattern.compile("^\\s*(jit|default_opts)=\"(.*)\"$");
        for (String line : Files.readAllLines(ROOT.resolve("idemlint"))) {
            Matcher m = assignment.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String value = m.group(2).replace("$jit", jit);
            if (m.group(1).equals("jit")) {
                jit = value;
            } else {
                defaults.add(value);
            }
        }
        assertEquals(2, defaults.size(), "./idemlint sets default_opts for large and small memory");

        Map<String, String> dist = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("src/dist/jvm.options"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                dist.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertEquals(Map.of("large", defaults.get(0), "small", defaults.get(1)), dist);
    }

    @Test
    void every_launcher_that_passes_an_aot_cache_turns_its_training_replay_off() throws IOException {
        // the replay compiles, in every run, what the cache's training run compiled (./idemlint says why)
        for (String launcher : List.of("idemlint", "src/dist/idemlint", "src/dist/python/idemlint/__main__.py")) {
            String text = Files.readString(ROOT.resolve(launcher));
            int cache = text.indexOf("-XX:AOTCache=");
            int unlock = text.indexOf("-XX:+UnlockDiagnosticVMOptions", cache);
            int off = text.indexOf("-XX:-AOTReplayTraining", cache);
            assertTrue(cache >= 0 && unlock > cache && off > unlock, launcher
                    + ": the AOT cache is passed without -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining after it");
        }
    }
}
