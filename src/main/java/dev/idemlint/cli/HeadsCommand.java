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
        for (int i = 0; i < loaded.trees().size(); i++) {
            VersionsTree t = loaded.trees().get(i);
            if (loaded.trees().size() > 1) {
                System.out.println("# " + Printable.line(t.dir().toString()));
            }
            // the file Alembic keeps of a duplicate id is the last it reads: in the directory's own order
            // before Alembic 1.10, by file name from 1.10
            RevisionGraph g = loaded.alembicGraph(i);
            String heads = GraphPrinter.heads(g);
            System.out.print(heads.endsWith("\n") || heads.isEmpty() ? heads : heads + "\n");
            if (g != t.graph() && !g.shadowed().isEmpty()) {
                System.err.println("idemlint: note: Alembic " + loaded.settings().get(i).alembic() + " reads a versions"
                        + " directory in its own order (os.listdir) and keeps, of the files that declare one id, the"
                        + " last it reads: here the one listed as head above; another clone or file system can list"
                        + " them otherwise (Alembic 1.10+ keeps the last by file name)");
            }
            if (!g.shadowed().isEmpty() || !intentionalBranches(g)) {
                rc = Math.max(rc, 1);
            }
            if (dbRevision != null) {
                var resolved = g.resolve(dbRevision);
                if (resolved.isEmpty()) {
                    System.out.println("Can't locate revision identified by '" + Printable.line(dbRevision)
                            + "': the database is ahead of (or off) this code's chain; `alembic upgrade` will fail.");
                    rc = Math.max(rc, 1);
                    continue;
                }
                List<Migration> plan = g.upgradePlan(resolved.get());
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
