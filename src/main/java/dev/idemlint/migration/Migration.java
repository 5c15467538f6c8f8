package dev.idemlint.migration;

import dev.idemlint.python.PythonModule;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One revision file: header, operations of upgrade() and downgrade() in source order (helpers and
 * literal loops expanded), and the parsed module (kept for fixes; dropped by streaming runs).
 * {@code readsModels}: an operation's table was looked up in an application module the revision imports
 * ({@code Model.__table__}), whether the look-up found one or not, so the model depends on files other than
 * the revision's own: the module, and the paths tried before it and where none was found, present or not; also
 * set when the module read SQL from a file beside it ({@link SideFiles}).
 * {@code verdicts}: what the re-run check decided of {@code operations} ({@link RerunVerdicts#NONE} until it ran).
 */
public record Migration(SourceFile source, RevisionHeader header, List<Operation> operations,
        PythonModule module, List<Operation> upgrade, List<Operation> downgrade, boolean readsModels,
        RerunVerdicts verdicts) {

    public Migration {
        if (verdicts == null) {
            verdicts = RerunVerdicts.NONE;
        }
    }

    /**
     * {@code upgrade} and {@code downgrade} are the operations of each phase, in order: split here once
     * (every rule asks for them, the project rules once per revision each).
     */
    public Migration(SourceFile source, RevisionHeader header, List<Operation> operations, PythonModule module,
            boolean readsModels) {
        this(source, header, operations, module, phase(operations, Phase.UPGRADE), phase(operations, Phase.DOWNGRADE),
                readsModels, RerunVerdicts.NONE);
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
                readsModels, verdicts.on(ops));
    }

    /** The revision with the re-run check's verdicts on its operations. */
    public Migration withVerdicts(RerunVerdicts v) {
        return new Migration(source, header, operations, module, upgrade, downgrade, readsModels, v.on(operations));
    }

    public Migration withoutModule() {
        return new Migration(source, header, operations, null, upgrade, downgrade, readsModels, verdicts);
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
