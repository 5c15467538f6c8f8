package dev.idemlint.migration;

import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import java.util.ArrayList;
import java.util.List;

/** The expressions and nested statements of a statement, for generic walks. */
final class StmtChildren {
    private StmtChildren() {
    }

    static List<Object> of(Stmt s) {
        List<Object> out = new ArrayList<>(StmtParts.expressions(s));
        out.addAll(StmtParts.blocks(s));
        return out;
    }
}
