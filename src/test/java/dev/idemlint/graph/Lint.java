package dev.idemlint.graph;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.FileChange;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.ProjectRule;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.RuleNames;
import dev.idemlint.rule.VersionsTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one graph rule on hand-picked migrations, with the catalog from the bundled docs, and
 * applies fixes to in-memory files.
 */
final class Lint {
    private Lint() {
    }

    static ProjectRule rule(String name) {
        try {
            return (ProjectRule) Class.forName("dev.idemlint.rules.graph." + RuleNames.pascal(name))
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Diagnostic> run(ProjectRule rule, List<Migration> migrations) {
        return run(rule, migrations, Settings.DEFAULT);
    }

    static List<Diagnostic> run(ProjectRule rule, List<Migration> migrations, Settings settings) {
        List<Diagnostic> out = new ArrayList<>();
        RuleContext ctx = RuleContext.forRule(rule, settings, RuleCatalog.load(List.of(rule.name())), out);
        Path dir = migrations.isEmpty() ? Path.of("versions") : migrations.get(0).source().path().getParent();
        rule.check(new VersionsTree(dir, migrations, RevisionGraph.build(migrations)), ctx);
        return out;
    }

    /** Applies a fix to in-memory files: text edits end to start, then moves and creates. */
    static Map<Path, String> apply(Map<Path, String> files, Fix fix) {
        Map<Path, String> out = new LinkedHashMap<>(files);
        Map<Path, List<TextEdit>> byFile = new LinkedHashMap<>();
        for (TextEdit e : fix.edits()) {
            byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
        }
        byFile.forEach((file, edits) -> {
            StringBuilder sb = new StringBuilder(out.get(file));
            edits.stream().sorted(Comparator.comparing((TextEdit e) -> e.range().start()).reversed())
                    .forEach(e -> sb.replace(e.range().start(), e.range().end(), e.replacement()));
            out.put(file, sb.toString());
        });
        for (FileChange c : fix.files()) {
            if (c instanceof FileChange.Move mv) {
                out.put(mv.to(), out.remove(mv.from()));
            } else if (c instanceof FileChange.Create cr && !out.containsKey(cr.file())) {
                out.put(cr.file(), cr.content());
            }
        }
        return out;
    }

    static List<Migration> migrations(Map<Path, String> files) {
        return files.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> HeaderReader.read(e.getKey(), "versions/" + e.getKey().getFileName(), e.getValue()))
                .toList();
    }
}
