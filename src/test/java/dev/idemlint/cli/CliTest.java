package dev.idemlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.report.ResourceNamer;
import java.nio.file.Path;
import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as picocli parses it from the hand-built command models (Specs). */
class CliTest {
    private static final List<String> COMMANDS = List.of("lint", "rules", "explain", "heads", "graph", "plan", "daemon");

    private static CliRun.Result run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void every_command_has_help_and_version() {
        for (String c : COMMANDS) {
            for (String h : List.of("--help", "-h")) {
                CliRun.Result r = run(c, h);
                assertEquals(0, r.exit(), c + " " + h + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: idemlint " + c + (c.equals("lint") ? " [-hqV]" : " [-hV]")), r.out());
                // picocli's ${...} variables are not expanded (Main turns interpolation off): none may be written
                assertFalse(r.out().contains("${"), c + " " + h + " shows an unexpanded variable: " + r.out());
            }
            for (String v : List.of("--version", "-V")) {
                CliRun.Result r = run(c, v);
                assertEquals(0, r.exit(), c + " " + v);
                assertEquals(versionText(), r.out().strip());
            }
        }
        assertEquals(versionText(), run("--version").out().strip());
    }

    /** Tests run on a system JDK from the class path: the version names that runtime and where it is. */
    private static String versionText() {
        return "idemlint " + Main.VERSION + System.lineSeparator() + "Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home");
    }

    @Test
    void help_text_matches_the_approved_snapshot() {
        StringBuilder all = new StringBuilder();
        CliRun.Result root = run();
        assertEquals(0, root.exit());
        all.append("$ idemlint\n").append(root.out());
        for (String c : COMMANDS) {
            all.append("\n$ idemlint help ").append(c).append('\n').append(run("help", c).out());
        }
        Path dir = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")), "src/test/resources/cli");
        Options options = new Options()
                .withReporter(Boolean.getBoolean("approve") ? new AutoApproveReporter() : new QuietReporter())
                .forFile().withExtension(".txt")
                .forFile().withNamer(new ResourceNamer(dir, "help"));
        Approvals.verify(all.toString(), options);
    }

    @Test
    void usage_errors_exit_2_with_one_line_naming_the_problem() {
        record Case(List<String> args, String message) {
        }
        for (Case c : List.of(
                new Case(List.of("bogus"), "idemlint: Unmatched argument at index 0: 'bogus'"),
                new Case(List.of("lint", "--bogus"), "idemlint: Unknown option: '--bogus'"),
                new Case(List.of("lint", "--format"), "idemlint: Missing required parameter for option '--output-format' (FORMAT)"),
                new Case(List.of("lint", "--format", "json", "--format", "text"),
                        "idemlint: option '--output-format' (FORMAT) should be specified only once"),
                new Case(List.of("lint", "--pg-version", "abc"), "idemlint: Invalid value for option '--pg-version'"),
                new Case(List.of("explain"), "idemlint: Missing required parameter: 'RULE'"),
                new Case(List.of("explain", "a", "b"), "idemlint: Unmatched argument at index 2: 'b'"),
                new Case(List.of("rules", "extra"), "idemlint: Unmatched argument at index 1: 'extra'"),
                new Case(List.of("heads", "--db-revision"), "idemlint: Missing required parameter for option '--db-revision' (REV)"))) {
            CliRun.Result r = run(c.args().toArray(String[]::new));
            assertEquals(2, r.exit(), c.args().toString());
            assertTrue(r.err().startsWith(c.message()), c.args() + ": " + r.err());
            String command = c.args().get(0).equals("bogus") ? "" : " " + c.args().get(0);
            assertTrue(r.err().endsWith(" (`idemlint" + command + " --help` lists the "
                    + (command.isEmpty() ? "commands" : "options") + ")\n"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(r.err().contains("Usage:") || r.err().contains("did you mean"), r.err());
        }
    }

    @Test
    void a_mistyped_command_or_option_gets_the_one_meant_on_one_line() {
        record Case(List<String> args, String line) {
        }
        for (Case c : List.of(
                new Case(List.of("lnt", "."), "idemlint: Unmatched arguments from index 0: 'lnt', '.'; did you mean"
                        + " 'lint'? (`idemlint --help` lists the commands)"),
                new Case(List.of("lint", "--formt", "json"), "idemlint: Unknown option: '--formt'; did you mean"
                        + " '--format'? (`idemlint lint --help` lists the options)"),
                new Case(List.of("lint", "--selcet=graph"), "idemlint: Unknown option: '--selcet=graph'; did you mean"
                        + " '--select'? (`idemlint lint --help` lists the options)"),
                new Case(List.of("plan", "--hedas"), "idemlint: Unknown option: '--hedas'; did you mean '--heads'?"
                        + " (`idemlint plan --help` lists the options)"),
                new Case(List.of("heads", "--db-revison", "x"), "idemlint: Unknown option: '--db-revison'; did you mean"
                        + " '--db-revision'? (`idemlint heads --help` lists the options)"))) {
            CliRun.Result r = run(c.args().toArray(String[]::new));
            assertEquals(2, r.exit(), c.args().toString());
            assertEquals(c.line() + "\n", r.err(), c.args().toString());
            assertEquals("", r.out());
        }
        // a rule name, on the command line, to explain, and in the config
        CliRun.Result select = run("lint", "--select", "add-colum-not-idempotent", ".");
        assertEquals(2, select.exit());
        assertEquals("idemlint: unknown rule or category 'add-colum-not-idempotent'; did you mean"
                + " 'add-column-not-idempotent'? `idemlint rules` lists them.\n", select.err());
        CliRun.Result category = run("lint", "--ignore", "grahp", ".");
        assertTrue(category.err().contains("; did you mean 'graph'?"), category.err());
        CliRun.Result explain = run("explain", "multiple-head");
        assertEquals(2, explain.exit());
        assertEquals("idemlint: unknown rule 'multiple-head'; did you mean 'multiple-heads'? `idemlint rules` lists"
                + " them.\n", explain.err());
    }

    @Test
    void option_values_reach_the_commands() {
        // --select splits on commas and accumulates; the first unknown name is reported
        CliRun.Result r = run("lint", "--select", "add-column-not-idempotent,nope-a", "--select", "nope-b", "--ignore", "x");
        assertEquals(2, r.exit());
        assertEquals("idemlint: unknown rule or category 'nope-a'; `idemlint rules` lists them.", r.err().strip());
        r = run("lint", "--ignore=add-column-not-idempotent", "--select", "nope-c");
        assertTrue(r.err().contains("'nope-c'"), r.err());
        r = run("lint", "--format=xml");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown --output-format 'xml'"), r.err());
        r = run("lint", "--fail-on", "sometimes");
        assertTrue(r.err().contains("unknown --fail-on 'sometimes'"), r.err());
        r = run("lint", "--alembic-version", "x.y");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("idemlint: "), r.err());
        r = run("rules", "--format", "json");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("[\n  {\"name\": "), r.out());
        r = run("explain", "add-column-not-idempotent");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("# add-column-not-idempotent ("), r.out());
        r = run("graph", "--format=dot", "src/test/resources/no-such-dir");
        assertEquals(2, r.exit());
        r = run("heads", "--db-revision", "abc", "src/test/resources/no-such-dir");
        assertEquals(2, r.exit());
    }
    @Test
    void a_file_that_cannot_be_read_makes_the_exit_code_2_whatever_fail_on_says(@TempDir Path dir) throws Exception {
        // A link to /proc/self/mem is a regular file whose read fails (EIO), even for root, for whom a
        // file without read permission would still read: the io-error finding decides the exit code.
        Path mem = Path.of("/proc/self/mem");
        Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(mem), "needs Linux /proc");
        Path versions = java.nio.file.Files.createDirectories(dir.resolve("versions"));
        java.nio.file.Files.writeString(versions.resolve("001_base.py"),
                "revision = \"001\"\ndown_revision = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
        Path link = java.nio.file.Files.createSymbolicLink(versions.resolve("002_gone.py"), mem);
        for (String failOn : List.of("never", "warning", "error")) {
            // named on the command line with --follow-links, the link is read although it leads out of the project
            CliRun.Result r = run("lint", "--format", "json", "--fail-on", failOn, "--follow-links", versions.toString(),
                    link.toString());
            assertEquals(2, r.exit(), failOn + ": " + r.err());
            assertTrue(r.out().contains("\"rule\": \"io-error\""), r.out());
        }
        // without it, the clean file passes at every threshold
        java.nio.file.Files.delete(versions.resolve("002_gone.py"));
        for (String failOn : List.of("never", "warning", "error")) {
            assertEquals(0, run("lint", "--format", "json", "--fail-on", failOn, versions.toString()).exit(), failOn);
        }
    }

    @Test
    void an_internal_error_makes_the_exit_code_2_whatever_fail_on_says() {
        long[] errors = new long[dev.idemlint.rule.Severity.values().length];
        errors[dev.idemlint.rule.Severity.ERROR.ordinal()] = 3;
        var findings = new dev.idemlint.report.Report.Tally(errors, java.util.Map.of("add-column-not-idempotent", 3));
        var none = new dev.idemlint.report.Report.Tally(new long[errors.length], java.util.Map.of());
        for (String failOn : List.of("never", "warning", "error")) {
            assertEquals(2, LintCommand.status(false, true, findings, failOn), failOn);
            assertEquals(2, LintCommand.status(false, true, none, failOn), failOn);
        }
        assertEquals(0, LintCommand.status(false, false, findings, "never"));
        assertEquals(1, LintCommand.status(false, false, findings, "error"));
        assertEquals(0, LintCommand.status(false, false, none, "error"));
    }
}
