package dev.idemlint.migration;

import java.util.List;

/**
 * Where the rows of an INSERT come from, as the statement says; what is known of them is the schema model's to
 * decide. {@code tables}: for {@link Kind#COPY} the one table copied, for {@link Kind#QUERY} the tables its FROM
 * and JOIN clauses name (their last part, as PostgreSQL folds it); empty otherwise.
 */
public record RowSource(Kind kind, List<String> tables) {
    public enum Kind {
        /**
         * The rows as the statement writes them, whatever any table holds: {@code VALUES} rows (a value read from
         * a table is still one value), a {@code SELECT} with no FROM, rows given in Python, or an aggregate query
         * with no GROUP BY, HAVING, set operation, LIMIT, OFFSET, FETCH, DISTINCT or window, which returns one row.
         */
        AS_WRITTEN,
        /** Every row of one table: {@code SELECT ... FROM x} with no other clause. */
        COPY,
        /** A query whose rows depend on what {@code tables} hold (a WHERE, a join, a grouping...). */
        QUERY,
        /** Rows not read: missing, dynamic ({@code "INSERT INTO t (a) {}".format(...)}), or from a table whose name is. */
        UNREAD
    }

    public static final RowSource AS_WRITTEN = new RowSource(Kind.AS_WRITTEN, List.of());
    public static final RowSource UNREAD = new RowSource(Kind.UNREAD, List.of());

    public RowSource {
        tables = List.copyOf(tables);
    }

    /** Whether which rows are written may depend on what {@code table} holds: the source reads it, or is not read. */
    public boolean mayRead(String table) {
        return kind == Kind.UNREAD || kind != Kind.AS_WRITTEN && tables.contains(table);
    }
}
