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
 * Every line of the README and docs/ that installs a released idemlint (PyPI, a release URL, the
 * Action at a tag, a pre-commit `rev:`) names the version it installs and says, on the line, in its
 * paragraph or code block, or in its section's heading, that it needs that release: until the tag
 * exists none of them works, and a reader must not take one for the install of today.
 */
class InstallDocsTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));
    private static final Pattern RELEASED = Pattern.compile(
            "(?:pip|pipx|uv tool) install idemlint\\b(?!-)|releases/download/|idemlint/idemlint@|rev: v\\d");
    private static final Pattern VERSION = Pattern.compile("(?:==|/v|@v|rev: v)(\\d+\\.\\d+\\.\\d+)");

    @Test
    void every_install_of_a_release_names_the_release_it_needs() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> unmarked = new ArrayList<>();
        int seen = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            String heading = "";
            int blockStart = -1;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("```")) {
                    blockStart = blockStart < 0 ? i : -1;
                    continue;
                }
                if (blockStart < 0 && line.startsWith("#")) {
                    heading = line;
                }
                if (!RELEASED.matcher(line).find()) {
                    continue;
                }
                seen++;
                String where = ROOT.relativize(file) + ":" + (i + 1) + ": " + line.strip();
                Matcher v = VERSION.matcher(line);
                if (!v.find()) {
                    unmarked.add(where + " (names no version)");
                    continue;
                }
                String needs = "needs the v" + v.group(1) + " release";
                String context = blockStart >= 0 ? block(lines, blockStart) : paragraph(lines, i);
                if (!(context.contains(needs) || heading.contains(needs))) {
                    unmarked.add(where + " (does not say it " + needs + ")");
                }
            }
        }
        assertTrue(seen >= 8, "the docs show the release's installs: " + seen);
        assertEquals(List.of(), unmarked);
    }

    @Test
    void the_install_that_works_before_a_release_comes_first() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int install = readme.indexOf("## Install\n");
        int clone = readme.indexOf("scripts/dist", install);
        int released = readme.indexOf("pip install idemlint==", install);
        assertTrue(install > 0 && clone > install && released > clone,
                "the README's install section builds the wheel from a clone before it names a release");
    }

    private static String block(List<String> lines, int start) {
        StringBuilder b = new StringBuilder();
        for (int i = start; i < lines.size() && (i == start || !lines.get(i).startsWith("```")); i++) {
            b.append(lines.get(i)).append('\n');
        }
        return b.toString();
    }

    private static String paragraph(List<String> lines, int at) {
        int from = at;
        while (from > 0 && !lines.get(from - 1).isBlank() && !lines.get(from - 1).startsWith("```")) {
            from--;
        }
        int to = at;
        while (to + 1 < lines.size() && !lines.get(to + 1).isBlank() && !lines.get(to + 1).startsWith("```")) {
            to++;
        }
        return String.join(" ", lines.subList(from, to + 1));
    }
}
