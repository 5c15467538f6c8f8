package dev.idemlint.cli;

import dev.idemlint.graph.GraphPrinter;
import dev.idemlint.graph.RevisionGraph;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.source.Printable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idemlint graph [PATH]}: the revision graph as a text tree, JSON or Graphviz dot. */
public final class GraphCommand implements Callable<Integer> {
    private final List<Path> paths;
    private final String format;

    static CommandSpec spec() {
        CommandSpec s = Specs.command("graph", "Print the revision graph (text, json, dot or mermaid).", GraphCommand::new);
        Specs.positional(s, Path.class, true, "PATH", "versions directories or project roots (default: .)");
        Specs.option(s, "--format", String.class, "FORMAT", "text, json, dot or mermaid (default: text)", "text");
        return s;
    }

    private GraphCommand(CommandSpec parsed) {
        paths = Specs.positionals(parsed);
        format = Specs.value(parsed, "--format");
    }

    @Override
    public Integer call() {
        if (!List.of("text", "json", "dot", "mermaid").contains(format)) {
            System.err.println("idemlint: unknown --format '" + format + "' (text, json, dot, mermaid)");
            return 2;
        }
        TreeLoader.Loaded loaded = TreeLoader.load(paths);
        loaded.problems().forEach(p -> System.err.println("idemlint: " + Printable.line(p)));
        for (int i = 0; i < loaded.trees().size(); i++) {
            VersionsTree t = loaded.trees().get(i);
            if (loaded.trees().size() > 1 && !format.equals("json")) {
                System.out.println("# " + Printable.line(t.dir().toString()));
            }
            // the graph as the project's Alembic reads it (which file of a duplicate id it keeps)
            RevisionGraph g = loaded.alembicGraph(i);
            String out = switch (format) {
                case "json" -> GraphPrinter.json(g);
                case "dot" -> GraphPrinter.dot(g);
                case "mermaid" -> GraphPrinter.mermaid(g);
                default -> GraphPrinter.text(g);
            };
            System.out.print(out.endsWith("\n") ? out : out + "\n");
        }
        return loaded.trees().isEmpty() ? 2 : 0;
    }
}
