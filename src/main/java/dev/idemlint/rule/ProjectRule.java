package dev.idemlint.rule;

/** A rule that looks at a whole versions directory: graph, timeline, several files. */
public non-sealed interface ProjectRule extends Rule {
    void check(VersionsTree tree, RuleContext ctx);
}
