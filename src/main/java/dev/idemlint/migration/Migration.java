package dev.idemlint.migration;

import dev.idemlint.python.PythonModule;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One revision file: header, operations of upgrade() and downgrade() in source order (helpers and
 * literal loops expanded), and the parsed module (kept for fixes; dropped by streaming runs).
 * {@code reads}: what modelling asked of the project's other files (an application module's table or constant, a
 * helper, SQL from a file beside the revision; found or absent), on which the model depends as on its own text.
 * {@code verdicts}: what the re-run check decided of {@code operations} ({@link RerunVerdicts#NONE} until it ran).
 */
public record Migration(SourceFile source, RevisionHeader header, List<Operation> operations,
        PythonModule module, List<Operation> upgrade, List<Operation> downgrade, ProjectReads reads,
        RerunVerdicts verdicts) {

    public Migration {
        if (verdicts == null) {
            verdicts = RerunVerdicts.NONE;
        }
        if (reads == null) {
            reads = ProjectReads.NONE;
        }
    }

    /**
     * {@code upgrade} and {@code downgrade} are the operations of each phase, in order: split here once
     * (every rule asks for them, the project rules once per revision each).
     */
    public Migration(SourceFile source, RevisionHeader header, List<Operation> operations, PythonModule module,
            ProjectReads reads) {
        this(source, header, operations, module, phase(operations, Phase.UPGRADE), phase(operations, Phase.DOWNGRADE),
                reads, RerunVerdicts.NONE);
    }

    // a loop, not a stream: C1-compiled streams cost ~1% of a run
    private static List<Operation> phase(List<Operation> operations, Phase phase) {
        List<Operation> out = new ArrayList<>(operations.size());
        for (Operation o : operations) {
            if (o.site().phase() == phase) {
                out.add(o);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The revision with {@code ops}; the verdicts stay with the operations at their positions ({@link RerunVerdicts#on}). */
    public Migration withOperations(List<Operation> ops) {
        return new Migration(source, header, ops, module, phase(ops, Phase.UPGRADE), phase(ops, Phase.DOWNGRADE),
                reads, verdicts.on(ops));
    }

    /** The revision with the re-run check's verdicts on its operations. */
    public Migration withVerdicts(RerunVerdicts v) {
        return new Migration(source, header, operations, module, upgrade, downgrade, reads, v.on(operations));
    }

    public Migration withoutModule() {
        return new Migration(source, header, operations, null, upgrade, downgrade, reads, verdicts);
    }

    /**
     * Lets go of the syntax trees the operations point at ({@link CallRef#release()}): for the
     * engine, once the file's per-file rules have run. The model stays complete; a later fix builder
     * that asks for a call parses the file again.
     */
    public void releaseSyntax() {
        for (Operation op : operations) {
            CallRef ref = op.site().callRef();
            if (ref != null) {
                ref.release();
            }
        }
    }
}
