package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.Phase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the re-run of a revision meets on MySQL and MariaDB, where each statement of its first run committed
 * on its own, so the re-run starts from everything that run did, later statements included. Two orders of a
 * revision's own statements decide where that re-run stops before its statement's own object does:
 * <ul>
 *   <li>a column rename on a table that a later {@code rename_table} renames away: the table is gone under
 *       its old name, so the column rename fails on the missing table (1146 ER_NO_SUCH_TABLE);</li>
 *   <li>a raw {@code SELECT}/{@code WITH} that names {@code table.column} (backticks optional) of a column a
 *       later statement drops: the read fails (1054 ER_BAD_FIELD_ERROR) before the re-run reaches the drop.</li>
 * </ul>
 * Names compare as the server stores them, case-insensitively (a case-insensitive match is taken). Built in
 * one pass over the revision, each statement's SQL scanned once.
 */
public final class CommittedRerun {

    /** {@code table.column} written (backticks optional) in raw SQL. */
    private static final Pattern QUALIFIED_COLUMN = Pattern.compile(
            "(?<![\\w$`])`?([\\w$]+)`?\\s*\\.\\s*`?([\\w$]+)`?(?![\\w$])");

    /** A read and its place in upgrade(). */
    private record Read(int index, Operation op) {
    }

    private final Map<Operation, Operation.Rename> tableRenamedLater;
    private final Map<String, List<Read>> reads;

    private CommittedRerun(Map<Operation, Operation.Rename> tableRenamedLater, Map<String, List<Read>> reads) {
        this.tableRenamedLater = tableRenamedLater;
        this.reads = reads;
    }

    /** The orders of {@code upgrade}, a revision's upgrade() operations in order. */
    public static CommittedRerun of(List<Operation> upgrade) {
        return new CommittedRerun(laterTableRenames(upgrade), columnReads(upgrade));
    }

    /**
     * The nearest {@code rename_table} after column rename {@code r} that renames its table away; null when
     * none does (or {@code r} is not a column rename).
     */
    public Operation.Rename tableRenamedLater(Operation r) {
        return tableRenamedLater.get(r);
    }

    /**
     * The first raw read at or before index {@code at} of upgrade(), in phase {@code phase}, that names
     * {@code table.column}, and that {@code taken} does not hold (a read fails on the first dropped column it
     * names, so each is reported once); null when there is none. A read already taken ends the search: the
     * reads after it meet it first.
     */
    public Operation readBefore(String table, String column, int at, Phase phase, java.util.Set<Operation> taken) {
        for (Read r : reads.getOrDefault(key(table, column), List.of())) {
            if (r.index() > at) {
                return null;
            }
            if (r.op().site().phase() != phase) {
                continue;
            }
            return taken.add(r.op()) ? r.op() : null;
        }
        return null;
    }

    private static Map<Operation, Operation.Rename> laterTableRenames(List<Operation> upgrade) {
        // one pass from the end: the nearest later rename_table of each (lower-cased) table name
        Map<String, Operation.Rename> next = new HashMap<>();
        Map<Operation, Operation.Rename> out = new IdentityHashMap<>();
        for (int i = upgrade.size() - 1; i >= 0; i--) {
            if (!(upgrade.get(i) instanceof Operation.Rename r)) {
                continue;
            }
            if (r.kind() == ObjectKind.COLUMN && r.table() != null) {
                Operation.Rename t = next.get(r.table().toLowerCase(Locale.ROOT));
                if (t != null) {
                    out.put(r, t);
                }
            } else if (r.kind() == ObjectKind.TABLE && r.from() != null) {
                next.put(r.from().toLowerCase(Locale.ROOT), r);
            }
        }
        return out;
    }

    /** The raw SELECT/WITH statements of upgrade(), in order, under each {@code table.column} they name. */
    private static Map<String, List<Read>> columnReads(List<Operation> upgrade) {
        Map<String, List<Read>> out = new HashMap<>();
        for (int i = 0; i < upgrade.size(); i++) {
            Operation o = upgrade.get(i);
            OpSite site = o.site();
            if (site.origin() != Origin.RAW_SQL || site.sql() == null) {
                continue;
            }
            String sql = site.sql().text().substring(site.sqlStart(), site.sqlEnd());
            String head = sql.stripLeading().toUpperCase(Locale.ROOT);
            if (!head.startsWith("SELECT") && !head.startsWith("WITH")) {
                continue;
            }
            Matcher x = QUALIFIED_COLUMN.matcher(sql);
            // from the second name on, so that in schema.table.column "table.column" is found too
            for (int from = 0; x.find(from); from = x.start(2)) {
                List<Read> named = out.computeIfAbsent(key(x.group(1), x.group(2)), k -> new ArrayList<>());
                if (named.isEmpty() || named.get(named.size() - 1).op() != o) {
                    named.add(new Read(i, o));
                }
            }
        }
        return out;
    }

    private static String key(String table, String column) {
        return (table + "." + column).toLowerCase(Locale.ROOT);
    }
}
