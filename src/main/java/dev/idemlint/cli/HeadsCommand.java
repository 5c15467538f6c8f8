package dev.idemlint.cli;

import dev.idemlint.graph.GraphPrinter;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.migration.Migration;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.source.Printable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code idemlint heads [PATH]}: the heads, like {@code alembic heads} without importing the app.
 * Exit 1 when a tree has more than one head. With {@code --db-revision REV} (the value in
 * alembic_version), lists what {@code upgrade heads} would apply from there.
 */
public final class HeadsCommand implements Callable<Integer> {
    private final List<Path> paths;
    private final String dbRevision;

    static CommandSpec spec() {
        CommandSpec s = Specs.command("heads", "Print the heads; exit 1 on more than one.", HeadsCommand::new);
        Specs.positional(s, Path.class, true, "PATH", "versions directories or project roots (default: .)");
        Specs.option(s, "--db-revision", String.class, "REV",
                "the database's alembic_version value: show the upgrade plan", null);
        return s;
    }

    private HeadsCommand(CommandSpec parsed) {
        paths = Specs.positionals(parsed);
        dbRevision = Specs.value(parsed, "--db-revision");
    }

    /** One head, or heads that each sit on a distinct labelled branch (expand/contract style). */
    static boolean intentionalBranches(RevisionGraph g) {
        List<String> heads = g.heads();
        if (heads.size() <= 1) {
            return true;
        }
        Set<Set<String>> seen = new HashSet<>();
        int unlabelled = 0;
        for (String h : heads) {
            Set<String> labels = g.labelsOf(h);
            if (labels.isEmpty()) {
                unlabelled++;
            } else if (!seen.add(labels)) {
                return false;
            }
        }
        return unlabelled <= 1;
    }

    @Override
    public Integer call() {
        TreeLoader.Loaded loaded = TreeLoader.load(paths);
        loaded.problems().forEach(p -> System.err.println("idemlint: " + Printable.line(p)));
        int rc = loaded.trees().isEmpty() ? 2 : 0;
        for (VersionsTree t : loaded.trees()) {
            if (loaded.trees().size() > 1) {
                System.out.println("# " + Printable.line(t.dir().toString()));
            }
            String heads = GraphPrinter.heads(t.graph());
            System.out.print(heads.endsWith("\n") || heads.isEmpty() ? heads : heads + "\n");
            if (!t.graph().shadowed().isEmpty() || !intentionalBranches(t.graph())) {
                rc = Math.max(rc, 1);
            }
            if (dbRevision != null) {
                var resolved = t.graph().resolve(dbRevision);
                if (resolved.isEmpty()) {
                    System.out.println("Can't locate revision identified by '" + Printable.line(dbRevision)
                            + "': the database is ahead of (or off) this code's chain; `alembic upgrade` will fail.");
                    rc = Math.max(rc, 1);
                    continue;
                }
                List<Migration> plan = t.graph().upgradePlan(resolved.get());
                System.out.println("upgrade heads from " + Printable.line(resolved.get()) + " applies " + plan.size()
                        + (plan.size() == 1 ? " revision:" : " revisions:"));
                for (Migration m : plan) {
                    System.out.println("  " + Printable.line(m.header().revisionId()) + "  "
                            + Printable.line(m.source().displayPath()));
                }
            }
        }
        return rc;
    }
}
