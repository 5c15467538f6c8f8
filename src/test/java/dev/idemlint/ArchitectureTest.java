package dev.idemlint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.RerunFailure;
import dev.idemlint.rules.Registry;
import dev.idemlint.schema.RerunSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages follow the pipeline: a stage imports only earlier stages, and each third-party library
 * stays behind its one package.
 */
class ArchitectureTest {
    static final List<String> STAGES = List.of("source", "fix", "discovery", "db", "python", "migration", "sql",
            "graph", "schema", "rule", "rules", "plan", "report", "cache", "server",
            "cli");
    static final Map<String, String> THIRD_PARTY = Map.of("org.antlr", "python", "net.sf.jsqlparser", "sql",
            "picocli", "cli", "org.postgresql", "db", "java.sql", "db", "org.eclipse.lsp4j", "server", "com.google.gson", "server");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.idemlint\\.(\\w+)\\.");
    static final Path MAIN = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")))
            .resolve("src/main/java/dev/idemlint");

    @Test
    void stages_import_only_earlier_stages_and_third_party_types_stay_in_their_package() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String stage = MAIN.relativize(f).getName(0).toString();
                int own = STAGES.indexOf(stage);
                if (own < 0) {
                    violations.add(f + ": package " + stage + " is not a pipeline stage");
                    continue;
                }
                String text = Files.readString(f);
                Matcher q = QUALIFIED.matcher(text);
                while (q.find()) {
                    int used = STAGES.indexOf(q.group(1));
                    if (used > own) {
                        violations.add(MAIN.relativize(f) + " uses later stage " + q.group(1));
                    }
                }
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String imp = m.group(1);
                    for (Map.Entry<String, String> e : THIRD_PARTY.entrySet()) {
                        if (imp.startsWith(e.getKey()) && !stage.equals(e.getValue())) {
                            violations.add(MAIN.relativize(f) + " imports " + imp + " outside " + e.getValue());
                        }
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /** Building or fetching the schema timeline, or the answers of a revision's re-run. */
    private static final Pattern TIMELINE_FETCH = Pattern.compile(
            "\\b(?:SchemaTimeline\\s*\\.\\s*build|CommittedRerun\\s*\\.\\s*(?:of|ofPostgres))\\s*\\(");

    @Test
    void rules_are_handed_the_timeline_and_rerun_answers_by_their_context() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String stage : List.of("rule", "rules")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(stage))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (f.equals(MAIN.resolve("rule/RuleContext.java"))) {
                        continue;
                    }
                    Matcher m = TIMELINE_FETCH.matcher(Files.readString(f));
                    while (m.find()) {
                        violations.add(MAIN.relativize(f) + ": " + m.group() + " (ask the RuleContext)");
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        assertTrue(TIMELINE_FETCH.matcher("SchemaTimeline.build(List.of(m))").find()
                && TIMELINE_FETCH.matcher("dev.idemlint.schema.CommittedRerun.ofPostgres(m.upgrade())").find(),
                "the pattern finds a fetch");
    }

    /** Taking an operation's effects apart: a type test or a switch case on one of {@code Effect}'s kinds. */
    private static final Pattern EFFECT_TEST = Pattern.compile("\\binstanceof\\s+Effect\\s*\\.|\\bcase\\s+Effect\\s*\\.");

    /** Rules ask the model what an operation makes, drops or renames ({@code OpEffects}, the re-run answers). */
    @Test
    void rules_ask_the_model_what_an_operation_does() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String stage : List.of("rule", "rules")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(stage))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = EFFECT_TEST.matcher(Files.readString(f));
                    while (m.find()) {
                        violations.add(MAIN.relativize(f) + ": " + m.group() + " (ask schema.OpEffects)");
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        assertTrue(EFFECT_TEST.matcher("e instanceof Effect.Forget f").find()
                && EFFECT_TEST.matcher("case Effect.Create c ->").find()
                && !EFFECT_TEST.matcher("List<Effect.Forget> forgets").find(), "the pattern finds a type test");
    }

    /**
     * A rule calls no other rule, and the toolkit and the other shared pieces of {@code rules/} call none: what two
     * rules share lives in the model or in {@code rules.fix}. Only the {@code Registry} names them all.
     */
    @Test
    void rules_call_no_other_rule() throws IOException {
        Set<String> rules = new HashSet<>();
        Registry.all().forEach(r -> rules.add(r.getClass().getSimpleName()));
        assertTrue(rules.contains("DropNotIdempotent") && rules.contains("MultipleHeads"), "the registry lists the rules");
        Pattern named = Pattern.compile("\\b(" + String.join("|", rules) + ")\\b");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String own = f.getFileName().toString().replace(".java", "");
                if (own.equals("Registry")) {
                    continue;
                }
                Matcher m = named.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(own)) {
                        violations.add(MAIN.relativize(f) + ": " + m.group(1) + " (share it through the model or rules.fix)");
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        assertTrue(named.matcher("DropNotIdempotent.guard(d, file, inner)").find()
                && !named.matcher("DropFixes.guard(d, file, inner)").find(), "the pattern finds a call");
    }

    /** The names of the marks the re-run check once put on operations in place of guards. */
    private static final Pattern RERUN_MARK = Pattern.compile("\\b(?:DROPPED_FIRST|RECREATED_LATER|RERUN_UNKNOWN)\\b");

    /**
     * What the re-run check decides reaches the rules, the timeline and {@code plan} as {@code RerunVerdicts}: no
     * guard kind stands for a verdict, the operation's site carries none, and no source names the old marks.
     */
    @Test
    void rerun_verdicts_are_data_not_guards() throws IOException {
        assertTrue(Arrays.stream(GuardKind.values()).noneMatch(k -> RERUN_MARK.matcher(k.name()).matches()),
                "no GuardKind stands for a re-run verdict");
        assertTrue(Arrays.stream(OpSite.class.getRecordComponents()).noneMatch(c -> c.getName().equals("rerun")
                || c.getType() == RerunFailure.class), "OpSite carries no re-run verdict");
        assertTrue(Arrays.stream(OpSite.class.getMethods()).noneMatch(m -> m.getName().equals("withRerun")),
                "OpSite has no withRerun");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RERUN_MARK.matcher(Files.readString(f));
                while (m.find()) {
                    violations.add(MAIN.relativize(f) + ": " + m.group() + " (ask the RerunVerdicts)");
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        assertTrue(RERUN_MARK.matcher("g == GuardKind.RERUN_UNKNOWN").find(), "the pattern finds a mark");
    }

    /** A call of the re-run check itself. */
    private static final Pattern RERUN_CALL = Pattern.compile("\\bRerunSimulation\\s*\\.\\s*[a-z]\\w*\\s*\\(");

    /** Rules ask their context for the re-run check's answers ({@code RuleContext.rerunAnswers}), never the check. */
    @Test
    void rules_are_handed_the_rerun_answers() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RERUN_CALL.matcher(Files.readString(f));
                while (m.find()) {
                    violations.add(MAIN.relativize(f) + ": " + m.group() + " (ask the RuleContext)");
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        // the rule-shaped questions are asked of RerunAnswers; the check itself exports none of them
        Set<String> ruleShaped = Set.of("meets", "columnsMovedBefore", "rowsMet", "claimed", "failures", "claimStands");
        assertTrue(Arrays.stream(RerunSimulation.class.getMethods()).noneMatch(m -> ruleShaped.contains(m.getName())),
                "RerunSimulation exports no rule-shaped statics");
        assertTrue(RERUN_CALL.matcher("RerunSimulation.meets(upgrade, naming, asked)").find()
                && !RERUN_CALL.matcher("RerunSimulation.Question(at, object)").find(), "the pattern finds a call");
    }

    /** Asking which server it is where the server's facts answer: the facade rules used, or the dialect's family. */
    private static final Pattern DIALECT_ASK = Pattern.compile(
            "\\b(?:MysqlDialect|ServerErrors)\\b|\\.(?:mysqlFamily|isMariaDb)\\s*\\(\\s*\\)");

    /** Files of rules/ that still ask the dialect's family, each for a reason its code says; none may join them. */
    private static final Set<String> ASKS_DIALECT = Set.of("rules/correctness/InvalidIfNotExists.java");

    @Test
    void rules_ask_the_server_facts_not_which_server_it_is() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = MAIN.relativize(f).toString().replace('\\', '/');
                Matcher m = DIALECT_ASK.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group().contains("Mysql") || m.group().contains("ServerErrors") || !ASKS_DIALECT.contains(rel)) {
                        violations.add(rel + ": " + m.group() + " (ask RuleContext.facts())");
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        assertTrue(DIALECT_ASK.matcher("MysqlDialect.applies(s)").find()
                && DIALECT_ASK.matcher("s.dialect().mysqlFamily()").find()
                && !DIALECT_ASK.matcher("MysqlDialects").find(), "the pattern finds an ask");
    }

    /**
     * A branch on which server it is: the dialect's family, its kind or PostgreSQL's dialect compared, a switch over
     * the kinds, or whether each statement commits on its own, which stands in for "is this MySQL" too.
     */
    static final Pattern DIALECT_BRANCH = Pattern.compile("\\.(?:mysqlFamily|isMariaDb|commitsEachStatement)\\s*\\(\\s*\\)"
            + "|[!=]=\\s*(?:Dialect\\.)?Kind\\.(?:POSTGRESQL|MYSQL|MARIADB)\\b|\\bKind\\.(?:POSTGRESQL|MYSQL|MARIADB)\\s*[!=]="
            + "|[!=]=\\s*Dialect\\.POSTGRESQL\\b|\\bDialect\\.POSTGRESQL\\s*[!=]=|\\.equals\\(Dialect\\.POSTGRESQL\\)"
            + "|\\bcase\\s+(?:POSTGRESQL|MYSQL|MARIADB)\\b");

    /** The server facts and the drivers, whose business is to branch on the server. */
    private static final Set<String> FACTS_AND_DRIVERS = Set.of("discovery/Dialect.java", "migration/ServerFacts.java",
            "migration/PostgresFacts.java", "migration/MysqlFacts.java", "migration/PostgresLocks.java",
            "migration/StatementLocks.java");

    /**
     * Dialect branches in main outside the facts and the drivers (db/): a ceiling at today's count, to be lowered
     * as branches move behind {@link dev.idemlint.migration.ServerFacts}. The ones left ask whether each statement
     * commits on its own, for which re-run a finding describes (the revision's end, or what a failure half way
     * leaves applied).
     */
    private static final int DIALECT_BRANCH_CEILING = 6;

    @Test
    void dialect_branches_outside_the_facts_and_the_drivers_do_not_grow() throws IOException {
        List<String> branches = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = MAIN.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("db/") || FACTS_AND_DRIVERS.contains(rel)) {
                    continue;
                }
                Matcher m = DIALECT_BRANCH.matcher(Files.readString(f));
                while (m.find()) {
                    branches.add(rel + ": " + m.group());
                }
            }
        }
        assertTrue(branches.size() <= DIALECT_BRANCH_CEILING, branches.size() + " dialect branches outside the facts"
                + " and the drivers, over the ceiling of " + DIALECT_BRANCH_CEILING + " (ask RuleContext.facts()):\n"
                + String.join("\n", branches));
        for (String branch : List.of("facts.commitsEachStatement()", "s.dialect().mysqlFamily()",
                "kind() == Dialect.Kind.MYSQL", "d.equals(Dialect.POSTGRESQL)", "case MARIADB ->")) {
            assertTrue(DIALECT_BRANCH.matcher(branch).find(), "the pattern finds " + branch);
        }
        assertTrue(!DIALECT_BRANCH.matcher("kind == Kind.CHECK").find(), "another enum's kind is no dialect branch");
    }

    /** A rule reading a statement's SQL text itself. */
    private static final Pattern SQL_TEXT_READ = Pattern.compile("\\.sqlStatement\\s*\\(\\s*\\)");

    @Test
    void rules_ask_the_model_what_a_statement_says_instead_of_reading_its_sql() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String stage : List.of("rule", "rules")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(stage))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String rel = MAIN.relativize(f).toString().replace('\\', '/');
                    // the fix builders rewrite the statement's text, so they read it
                    if (rel.startsWith("rules/fix/")) {
                        continue;
                    }
                    Matcher m = SQL_TEXT_READ.matcher(Files.readString(f));
                    while (m.find()) {
                        violations.add(rel + ": " + m.group() + " (ask migration.OpText or the classifier)");
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        assertTrue(SQL_TEXT_READ.matcher("a.site().sqlStatement()").find(), "the pattern finds a read");
    }

    @Test
    void every_stage_package_says_what_it_takes_and_gives() throws IOException {
        for (String stage : STAGES) {
            Path dir = MAIN.resolve(stage);
            if (hasJava(dir)) {
                assertTrue(Files.exists(dir.resolve("package-info.java")), stage + " lacks package-info.java");
            }
        }
    }

    private static boolean hasJava(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".java"));
        }
    }
}
