package dev.idemlint.rule;

/** A rule that looks at a whole versions directory: graph, timeline, several files. */
public non-sealed interface ProjectRule extends Rule {
    void check(VersionsTree tree, RuleContext ctx);

    /**
     * Whether the rule reads the revision graph ({@link VersionsTree#graph()}); one that does not is
     * run while the graph is built, with a tree whose graph is null.
     */
    default boolean usesGraph() {
        return true;
    }
}
