package dev.idemlint.sql;

import dev.idemlint.migration.Guard;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a raw SQL operation into one classified operation per statement (several for an ALTER
 * TABLE with several actions, one per statement inside a DO block). Thread-safe and stateless.
 *
 * <p>Conventions the model leaves open: an enum's labels are empty when any label is dynamic;
 * {@code ALTER TYPE t RENAME VALUE 'a' TO 'b'} is a {@code Rename(OTHER, table=t, a, b)}; a SQL
 * string that holds no statement is one {@code Benign("empty SQL")}; a guard on the raw site (a
 * Python {@code if}) wins over one found inside a DO block; an {@code EXECUTE}d string gets its own
 * decoded {@link SqlText} whose offsets still point into the file.
 */
public final class SqlClassifier {
    public List<Operation> classify(Operation.RawSql raw) {
        OpSite site = raw.site();
        SqlText sql = site.sql();
        if (sql == null) {
            return List.of(new Operation.Unknown(site, "sql"));
        }
        List<Operation> ops = classifyText(site, sql, 0, sql.text().length(), null);
        return ops.isEmpty() ? List.of(new Operation.Benign(site, "empty SQL")) : ops;
    }

    /** Classifies every statement of {@code sql[from, to)}; {@code guard} comes from an enclosing DO block. */
    static List<Operation> classifyText(OpSite base, SqlText sql, int from, int to, Guard guard) {
        List<Operation> out = new ArrayList<>();
        for (List<SqlToken> statement : StatementSplitter.statements(sql.text(), from, to)) {
            out.addAll(StatementClassifier.classify(base, sql, statement, guard));
        }
        return out;
    }

    /**
     * An IF check guards whatever a surrounding exception handler does or does not catch; two
     * handlers together catch the union of their conditions.
     */
    static Guard combine(Guard outer, Guard inner) {
        if (outer == null || inner == null) {
            return outer == null ? inner : outer;
        }
        if (outer.kind() == GuardKind.PLPGSQL_IF) {
            return outer;
        }
        if (inner.kind() == GuardKind.PLPGSQL_IF || outer.kind() != GuardKind.DO_BLOCK_EXCEPTION
                || inner.kind() != GuardKind.DO_BLOCK_EXCEPTION) {
            return inner;
        }
        Set<String> all = new TreeSet<>(outer.conditions());
        all.addAll(inner.conditions());
        return new Guard(GuardKind.DO_BLOCK_EXCEPTION, inner.span(), "DO block catches " + String.join(", ", all),
                Set.copyOf(all));
    }
}
