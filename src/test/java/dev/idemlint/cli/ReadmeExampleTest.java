package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What README.md shows of the bundled example is what idemlint prints for it: the finding under
 * "What it finds" is a verbatim excerpt of {@code idemlint lint examples/basketball-api}, the diff
 * under "Fixes" one of {@code --diff --unsafe-fixes}; the example's README names only paths that
 * are in the repository.
 */
class ReadmeExampleTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));
    private static final String EXAMPLE = "examples/basketball-api";

    @Test
    void the_readmes_example_finding_is_what_lint_prints() throws IOException {
        List<String> blocks = fencedBlocks(section("## What it finds"), "");
        assertEquals(1, blocks.size(), "one output block under What it finds");
        CliRun.Result run = CliRun.run("lint", "--no-cache", EXAMPLE);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains(blocks.get(0)), "README.md's example output is not in what `idemlint lint "
                + EXAMPLE + "` prints:\n" + blocks.get(0) + "\n--- printed:\n" + run.out());
    }

    @Test
    void the_readmes_example_fix_is_what_diff_prints() throws IOException {
        List<String> blocks = fencedBlocks(section("### Fixes"), "diff");
        assertEquals(1, blocks.size(), "one diff block under Fixes");
        CliRun.Result run = CliRun.run("lint", "--no-cache", "--diff", "--unsafe-fixes", EXAMPLE);
        assertTrue(run.out().contains(blocks.get(0)), "README.md's example diff is not in what `idemlint lint --diff"
                + " --unsafe-fixes " + EXAMPLE + "` prints:\n" + blocks.get(0) + "\n--- printed:\n" + run.out());
    }

    @Test
    void the_examples_readme_names_only_paths_in_the_repository() throws IOException {
        String text = Files.readString(ROOT.resolve(EXAMPLE).resolve("README.md"));
        Matcher m = Pattern.compile("`([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]*)+)`").matcher(text);
        List<String> paths = new ArrayList<>();
        while (m.find()) {
            paths.add(m.group(1));
        }
        assertFalse(paths.isEmpty(), "the example's README names no path: the check below would check nothing");
        for (String path : paths) {
            assertTrue(Files.exists(ROOT.resolve(EXAMPLE).resolve(path)) || Files.exists(ROOT.resolve(path)),
                    EXAMPLE + "/README.md names " + path + ", which is not in the repository");
        }
    }

    /** The text of README.md from the heading to the next heading of the same or a higher level. */
    private static String section(String heading) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README.md has no " + heading);
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = readme.length();
        for (String h = "\n#"; h.length() <= level.length() ; h += "#") {
            int next = readme.indexOf(h + " ", start + heading.length() + 1);
            if (next >= 0 && next < end) {
                end = next;
            }
        }
        return readme.substring(start, end);
    }

    /** The bodies of the section's fenced blocks with that info string, each ending in a newline. */
    private static List<String> fencedBlocks(String section, String info) {
        Matcher m = Pattern.compile("(?m)^```" + Pattern.quote(info) + "\n(.*?)^```$", Pattern.DOTALL).matcher(section);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
