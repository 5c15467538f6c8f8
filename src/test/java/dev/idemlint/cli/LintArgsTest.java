package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class LintArgsTest {
    @Test
    void the_flags_the_guess_knows_are_the_lint_options_that_take_no_value() {
        Set<String> zeroArity = new TreeSet<>();
        for (OptionSpec o : LintCommand.spec().options()) {
            if (o.arity().max() == 0) {
                zeroArity.addAll(List.of(o.names()));
            }
        }
        assertEquals(zeroArity, new TreeSet<>(LintCommand.FLAGS));
    }

    @Test
    void the_guessed_paths_are_the_paths_picocli_parses() {
        List<String[]> cases = List.of(
                new String[] {"lint"},
                new String[] {"lint", "a"},
                new String[] {"lint", "a", "b/c", "--format", "json"},
                new String[] {"lint", "--format", "json", "a"},
                new String[] {"lint", "--format=json", "a"},
                new String[] {"lint", "-o", "out.json", "--fix", "a", "--diff", "b"},
                new String[] {"lint", "--select", "add-column-not-idempotent,multiple-heads", "x"},
                new String[] {"lint", "--select", "multiple-heads", "--ignore", "multiple-heads", "x", "y"},
                new String[] {"lint", "--srcroot", ".", "--baseline", "b.json", "--fail-on", "never", "v"},
                new String[] {"lint", "--alembic-version", "1.13.2", "--pg-version", "14", "p"},
                new String[] {"lint", "--unsafe-fixes", "--fix", "--color", "never", "--", "-odd", "x"},
                new String[] {"lint", "--write-baseline", "w.json"});
        for (String[] args : cases) {
            CommandSpec spec = LintCommand.spec();
            new CommandLine(spec).parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
            List<Path> parsed = spec.positionalParameters().get(0).getValue();
            List<Path> expected = parsed == null || parsed.isEmpty() ? List.of(Path.of(".")) : parsed;
            assertEquals(expected, LintCommand.guessPaths(args), String.join(" ", args));
        }
    }
}
