package dev.idemlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Action and the workflows run third-party actions only at a commit SHA (a tag can be moved to
 * other code), and the Action installs only a wheel whose SHA-256 it checked.
 */
class ActionPinsTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));
    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");

    @Test
    void every_third_party_action_is_pinned_by_commit_sha() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("action.yml")));
        try (Stream<Path> workflows = Files.list(ROOT.resolve(".github/workflows"))) {
            workflows.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
        }
        List<String> unpinned = new ArrayList<>();
        int uses = 0;
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                Matcher m = USES.matcher(line);
                if (m.find()) {
                    uses++;
                    if (!PINNED.matcher(m.group(1)).matches()) {
                        unpinned.add(ROOT.relativize(file) + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(uses >= 4, "the files name the actions they use: " + uses);
        assertEquals(List.of(), unpinned);
    }

    @Test
    void the_action_installs_only_a_checked_wheel() throws IOException {
        String action = Files.readString(ROOT.resolve("action.yml"));
        int check = action.indexOf("if [[ ! \"$expected\" =~ ^[0-9a-f]{64}$ || \"$actual\" != \"$expected\" ]]; then");
        int install = action.indexOf("-m pip install");
        assertTrue(check > 0 && install > check, "the wheel's SHA-256 is compared with the expected one before pip install");
        assertTrue(action.indexOf("actual=$(sha256sum -- \"$WHEEL\"") < check
                && action.indexOf("actual=$(shasum -a 256 -- \"$WHEEL\"") < check, "the hash of the downloaded file");
        assertTrue(action.contains("--no-index \"$DIR/$WHEEL\""), "pip installs the checked file, not a URL");
        assertTrue(Files.readString(ROOT.resolve(".github/workflows/release.yml")).contains("SHA256SUMS"),
                "the release publishes the checksums the Action reads");
    }
}
