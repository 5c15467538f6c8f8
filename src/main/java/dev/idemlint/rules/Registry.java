package dev.idemlint.rules;

import dev.idemlint.rule.Rule;
import dev.idemlint.rules.correctness.ConcurrentlyInTransaction;
import dev.idemlint.rules.correctness.DropIndexOfConstraint;
import dev.idemlint.rules.correctness.InvalidIfNotExists;
import dev.idemlint.rules.correctness.UnsupportedAlembicKwarg;
import dev.idemlint.rules.graph.DuplicateRevisionId;
import dev.idemlint.rules.graph.MultipleHeads;
import dev.idemlint.rules.graph.MissingDownRevision;
import dev.idemlint.rules.graph.RevisionCycle;
import dev.idemlint.rules.graph.MultipleBases;
import dev.idemlint.rules.graph.DuplicateBranchLabel;
import dev.idemlint.rules.graph.FilenameRevisionMismatch;
import dev.idemlint.rules.graph.DocstringHeaderMismatch;
import dev.idemlint.rules.idempotency.AddColumnNotIdempotent;
import dev.idemlint.rules.idempotency.AddConstraintNotIdempotent;
import dev.idemlint.rules.idempotency.AlterColumnTypeNotIdempotent;
import dev.idemlint.rules.idempotency.ColumnIdentityNotIdempotent;
import dev.idemlint.rules.idempotency.CreateIndexNotIdempotent;
import dev.idemlint.rules.idempotency.CreateStatementNotIdempotent;
import dev.idemlint.rules.idempotency.CreateTableNotIdempotent;
import dev.idemlint.rules.idempotency.CreateTypeUnguarded;
import dev.idemlint.rules.idempotency.DropNotIdempotent;
import dev.idemlint.rules.idempotency.ReadBeforeRename;
import dev.idemlint.rules.idempotency.RenameNotIdempotent;
import dev.idemlint.rules.idempotency.IdempotencyKwargUnpinned;
import dev.idemlint.rules.idempotency.RevisionLeftHalfApplied;
import dev.idemlint.rules.idempotency.RevisionNeverStamped;
import dev.idemlint.rules.locks.AddCheckConstraintScansTable;
import dev.idemlint.rules.locks.BackfillUnderExclusiveLock;
import dev.idemlint.rules.locks.BreaksRunningCode;
import dev.idemlint.rules.locks.AddColumnDefaultRewritesTable;
import dev.idemlint.rules.locks.AddForeignKeyBlocksWrites;
import dev.idemlint.rules.locks.AddUniqueBuildsIndex;
import dev.idemlint.rules.locks.AlterColumnTypeRewritesTable;
import dev.idemlint.rules.locks.CreateIndexBlocksWrites;
import dev.idemlint.rules.locks.DropIndexBlocksTable;
import dev.idemlint.rules.locks.ExclusiveLocksHeldTogether;
import dev.idemlint.rules.locks.LockTimeoutNotSet;
import dev.idemlint.rules.locks.SetNotNullScansTable;
import dev.idemlint.rules.locks.ValidateInSameTransaction;
import dev.idemlint.rules.types.AlterTypeAddValueNotIdempotent;
import dev.idemlint.rules.types.DoBlockWrongException;
import dev.idemlint.rules.types.EnumCreateTypeIgnored;
import dev.idemlint.rules.types.EnumTypeCreatedTwice;
import dev.idemlint.rules.types.EnumTypeMissing;
import dev.idemlint.rules.types.IfNotExistsKwargIncomplete;
import dev.idemlint.rules.types.InsertNotIdempotent;
import dev.idemlint.rules.types.ObjectCreatedTwice;
import java.util.List;

/** The one list of rules. Adding a rule: doc, class, this line, fixtures, approve (CONTRIBUTING.md). */
public final class Registry {
    private Registry() {
    }

    public static List<Rule> all() {
        return List.of(
                new AddColumnNotIdempotent(),
                new CreateTableNotIdempotent(),
                new CreateIndexNotIdempotent(),
                new AddConstraintNotIdempotent(),
                new CreateTypeUnguarded(),
                new CreateStatementNotIdempotent(),
                new DropNotIdempotent(),
                new RenameNotIdempotent(),
                new ReadBeforeRename(),
                new ColumnIdentityNotIdempotent(),
                new AlterColumnTypeNotIdempotent(),
                new InvalidIfNotExists(),
                new UnsupportedAlembicKwarg(),
                new ConcurrentlyInTransaction(),
                new DropIndexOfConstraint(),
                new EnumTypeCreatedTwice(),
                new EnumCreateTypeIgnored(),
                new EnumTypeMissing(),
                new AlterTypeAddValueNotIdempotent(),
                new IfNotExistsKwargIncomplete(),
                new ObjectCreatedTwice(),
                new DoBlockWrongException(),
                new InsertNotIdempotent(),
                new RevisionLeftHalfApplied(),
                new RevisionNeverStamped(),
                new IdempotencyKwargUnpinned(),
                new CreateIndexBlocksWrites(),
                new DropIndexBlocksTable(),
                new AddForeignKeyBlocksWrites(),
                new AddUniqueBuildsIndex(),
                new AddCheckConstraintScansTable(),
                new AlterColumnTypeRewritesTable(),
                new AddColumnDefaultRewritesTable(),
                new SetNotNullScansTable(),
                new ValidateInSameTransaction(),
                new LockTimeoutNotSet(),
                new ExclusiveLocksHeldTogether(),
                new BackfillUnderExclusiveLock(),
                new BreaksRunningCode(),
                new DuplicateRevisionId(),
                new MultipleHeads(),
                new MissingDownRevision(),
                new RevisionCycle(),
                new MultipleBases(),
                new DuplicateBranchLabel(),
                new FilenameRevisionMismatch(),
                new DocstringHeaderMismatch());
    }
}
