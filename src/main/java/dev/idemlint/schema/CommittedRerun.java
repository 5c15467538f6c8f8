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
 * On PostgreSQL ({@link #ofPostgres}) the whole revision commits together, so its re-run starts from the end of
 * the first run: a plain literal {@code SELECT}/{@code WITH}/{@code UPDATE}/{@code INSERT}/{@code DELETE} that
 * reads a table (after {@code FROM}, {@code JOIN}, {@code UPDATE}, {@code INTO}) or a {@code table.column}
 * the revision drops later fails there. PostgreSQL resolves the FROM list before the expressions, so a read
 * that names both a dropped table and a dropped column fails on the table (42P01 undefined_table) before the
 * column (42703 undefined_column).
 * Names compare as the server stores them, case-insensitively (a case-insensitive match is taken). Built in
 * one pass over the revision, each statement's SQL scanned once.
 */
public final class CommittedRerun {

    /** {@code table.column} written (backticks optional) in raw SQL. */
    private static final Pattern QUALIFIED_COLUMN = Pattern.compile(
            "(?<![\\w$`])`?([\\w$]+)`?\\s*\\.\\s*`?([\\w$]+)`?(?![\\w$])");

    /**
     * A table named (double quotes or backticks optional, schema-qualified or not) after the keywords that
     * make PostgreSQL open a relation; {@code IS DISTINCT FROM} and {@code FROM (} (a subquery) name none.
     */
    private static final Pattern TABLE_READ = Pattern.compile(
            "(?i)(?<!DISTINCT\\s)\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(?:[\"`]?[\\w$]+[\"`]?\\s*\\.\\s*)?[\"`]?([\\w$]+)[\"`]?");

    /** The statements that read on PostgreSQL; MySQL/MariaDB keep to SELECT and WITH. */
    private static final List<String> POSTGRES_READS = List.of("SELECT", "WITH", "UPDATE", "INSERT", "DELETE");

    /** A read and its place in upgrade(). */
    private record Read(int index, Operation op) {
    }

    /**
     * A read that opens exactly one table, with its SQL, string literals blanked: a bare word there that is a
     * column of that table is a read of that column (no other table is in scope to own it).
     */
    private record SingleTableRead(int index, Operation op, String table, String sql) {
    }

    /** A FROM list with a second item, or a USING list: another table may own a bare column name. */
    private static final Pattern OTHER_FROM_ITEM = Pattern.compile(
            "(?is)\\bUSING\\b|\\bFROM\\b(?:(?!\\b(?:WHERE|GROUP|ORDER|LIMIT|RETURNING|HAVING)\\b).)*,");

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");

    private final Map<Operation, Operation.Rename> tableRenamedLater;
    private final Map<String, List<Read>> reads;
    private final Map<String, List<Read>> tableReads;
    private final List<SingleTableRead> singleTableReads;

    private CommittedRerun(Map<Operation, Operation.Rename> tableRenamedLater, Map<String, List<Read>> reads,
            Map<String, List<Read>> tableReads) {
        this.tableRenamedLater = tableRenamedLater;
        this.reads = reads;
        this.tableReads = tableReads;
        this.singleTableReads = singleTableReads(tableReads);
    }

    /** The orders of {@code upgrade}, a revision's upgrade() operations in order (MySQL/MariaDB). */
    public static CommittedRerun of(List<Operation> upgrade) {
        return new CommittedRerun(laterTableRenames(upgrade), columnReads(upgrade, List.of("SELECT", "WITH")),
                Map.of());
    }

    /** The reads of {@code upgrade} on PostgreSQL: columns and tables, of every data statement. */
    public static CommittedRerun ofPostgres(List<Operation> upgrade) {
        return new CommittedRerun(Map.of(), columnReads(upgrade, POSTGRES_READS), tableReads(upgrade));
    }

    /**
     * The first read at or before index {@code at}, in phase {@code phase}, that opens table {@code table};
     * null when there is none. Does not take it.
     */
    public Operation tableReadBefore(String table, int at, Phase phase) {
        return first(tableReads.getOrDefault(table.toLowerCase(Locale.ROOT), List.of()), at, phase);
    }

    /**
     * The first read at or before {@code at}, in phase {@code phase}, naming {@code table.column}, or naming
     * {@code column} bare in a statement that opens only {@code table}; null when none.
     */
    public Operation columnReadBefore(String table, String column, int at, Phase phase) {
        Operation qualified = first(reads.getOrDefault(key(table, column), List.of()), at, phase);
        Pattern bare = Pattern.compile("(?i)(?<![\\w$.\"])\"?" + Pattern.quote(column) + "\"?(?![\\w$\"])");
        for (SingleTableRead r : singleTableReads) {
            if (r.index() > at || qualified != null && r.index() >= indexOf(qualified)) {
                break;
            }
            if (r.op().site().phase() == phase && r.table().equalsIgnoreCase(table) && bare.matcher(r.sql()).find()) {
                return r.op();
            }
        }
        return qualified;
    }

    private int indexOf(Operation o) {
        for (List<Read> rs : reads.values()) {
            for (Read r : rs) {
                if (r.op() == o) {
                    return r.index();
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    private static List<SingleTableRead> singleTableReads(Map<String, List<Read>> tableReads) {
        Map<Operation, List<String>> opened = new IdentityHashMap<>();
        Map<Operation, Integer> index = new IdentityHashMap<>();
        tableReads.forEach((t, rs) -> rs.forEach(r -> {
            opened.computeIfAbsent(r.op(), k -> new ArrayList<>()).add(t);
            index.put(r.op(), r.index());
        }));
        List<SingleTableRead> out = new ArrayList<>();
        opened.forEach((o, ts) -> {
            OpSite site = o.site();
            String sql = site.sql().text().substring(site.sqlStart(), site.sqlEnd());
            String query = insertQuery(STRING_LITERAL.matcher(sql).replaceAll("''"));
            if (query != null) {
                // INSERT INTO t (...) SELECT ... FROM u: the query's bare names resolve in u alone (the target's
                // columns are only assigned), so the query is read as a statement of its own
                List<String> from = new ArrayList<>();
                Matcher x = TABLE_READ.matcher(query);
                while (x.find()) {
                    String t = x.group(1).toLowerCase(Locale.ROOT);
                    if (!from.contains(t)) {
                        from.add(t);
                    }
                }
                int selects = query.toUpperCase(Locale.ROOT).split("\\bSELECT\\b", -1).length - 1;
                if (from.size() == 1 && selects == 1 && !OTHER_FROM_ITEM.matcher(query).find()) {
                    out.add(new SingleTableRead(index.get(o), o, from.get(0), query));
                }
            } else if (ts.size() == 1) {
                String body = STRING_LITERAL.matcher(sql).replaceAll("''");
                // a subquery or a second FROM item may bring another table (or an alias) into scope
                // (a subquery, a comma list after FROM, DELETE ... USING): only a statement with none is taken
                String upper = body.toUpperCase(Locale.ROOT);
                int selects = upper.split("\\bSELECT\\b", -1).length - 1;
                boolean oneSelectAtMost = selects == 0 || selects == 1 && upper.stripLeading().startsWith("SELECT");
                if (oneSelectAtMost && !OTHER_FROM_ITEM.matcher(body).find()) {
                    out.add(new SingleTableRead(index.get(o), o, ts.get(0), body));
                }
            }
        });
        out.sort(java.util.Comparator.comparingInt(SingleTableRead::index));
        return out;
    }

    /** {@code INSERT INTO t [(...)]} followed by {@code SELECT} (a query of its own, without WITH). */
    private static final Pattern INSERT_SELECT = Pattern.compile(
            "(?is)\\s*INSERT\\s+INTO\\s+[^(]*?(?:\\([^()]*\\)\\s*)?(?=SELECT\\b)");

    /** Where the rows' own clauses start: they name the target's columns, not the query's. */
    private static final Pattern TARGET_CLAUSE = Pattern.compile("(?i)\\bON\\s+CONFLICT\\b|\\bRETURNING\\b");

    /**
     * The query of {@code INSERT INTO t [(cols)] SELECT ...} (string literals blanked), up to an {@code ON CONFLICT}
     * or {@code RETURNING} clause; null for any other statement.
     */
    private static String insertQuery(String body) {
        Matcher m = INSERT_SELECT.matcher(body);
        if (!m.lookingAt()) {
            return null;
        }
        String query = body.substring(m.end());
        Matcher end = TARGET_CLAUSE.matcher(query);
        return end.find() ? query.substring(0, end.start()) : query;
    }

    /** Whether read {@code read} opens table {@code table}. */
    public boolean opens(Operation read, String table) {
        return tableReads.getOrDefault(table.toLowerCase(Locale.ROOT), List.of()).stream()
                .anyMatch(r -> r.op() == read);
    }

    private static Operation first(List<Read> named, int at, Phase phase) {
        for (Read r : named) {
            if (r.index() > at) {
                return null;
            }
            if (r.op().site().phase() == phase) {
                return r.op();
            }
        }
        return null;
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

    /** The SQL of {@code o} when it is a literal raw statement starting with one of {@code heads}; else null. */
    private static String readSql(Operation o, List<String> heads) {
        OpSite site = o.site();
        if (site.origin() != Origin.RAW_SQL || site.sql() == null) {
            return null;
        }
        String sql = site.sql().text().substring(site.sqlStart(), site.sqlEnd());
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        return heads.stream().anyMatch(head::startsWith) ? sql : null;
    }

    /** The raw reads of upgrade() on PostgreSQL, in order, under each (lower-cased) table they open. */
    private static Map<String, List<Read>> tableReads(List<Operation> upgrade) {
        Map<String, List<Read>> out = new HashMap<>();
        for (int i = 0; i < upgrade.size(); i++) {
            Operation o = upgrade.get(i);
            String sql = readSql(o, POSTGRES_READS);
            if (sql == null) {
                continue;
            }
            Matcher x = TABLE_READ.matcher(sql);
            while (x.find()) {
                List<Read> named = out.computeIfAbsent(x.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>());
                if (named.isEmpty() || named.get(named.size() - 1).op() != o) {
                    named.add(new Read(i, o));
                }
            }
        }
        return out;
    }

    /** The raw statements of upgrade() starting with {@code heads}, in order, under each {@code table.column} they name. */
    private static Map<String, List<Read>> columnReads(List<Operation> upgrade, List<String> heads) {
        Map<String, List<Read>> out = new HashMap<>();
        for (int i = 0; i < upgrade.size(); i++) {
            Operation o = upgrade.get(i);
            String sql = readSql(o, heads);
            if (sql == null) {
                continue;
            }
            Map<String, String> aliases = heads == POSTGRES_READS ? aliases(sql) : Map.of();
            Matcher x = QUALIFIED_COLUMN.matcher(sql);
            // from the second name on, so that in schema.table.column "table.column" is found too
            for (int from = 0; x.find(from); from = x.start(2)) {
                String table = aliases.getOrDefault(x.group(1).toLowerCase(Locale.ROOT), x.group(1));
                List<Read> named = out.computeIfAbsent(key(table, x.group(2)), k -> new ArrayList<>());
                if (named.isEmpty() || named.get(named.size() - 1).op() != o) {
                    named.add(new Read(i, o));
                }
            }
        }
        return out;
    }

    /** A table opened with an alias: {@code FROM test_plan tp}, {@code UPDATE test_execution AS te}. */
    private static final Pattern ALIASED = Pattern.compile(
            "(?i)\\b(?:FROM|JOIN|UPDATE)\\s+(?:[\\w$]+\\s*\\.\\s*)?([\\w$]+)\\s+(?:AS\\s+)?([\\w$]+)");

    /** Words that may follow a table name and are no alias. */
    private static final java.util.Set<String> NOT_ALIASES = java.util.Set.of("where", "set", "on", "join", "left",
            "right", "inner", "outer", "full", "cross", "natural", "using", "group", "order", "limit", "offset",
            "returning", "having", "union", "except", "intersect", "window", "for", "lateral", "only", "as");

    /** The aliases of the tables a statement opens, lower-cased, each to its table; an alias given twice is dropped. */
    private static Map<String, String> aliases(String sql) {
        Map<String, String> out = new HashMap<>();
        java.util.Set<String> twice = new java.util.HashSet<>();
        Matcher a = ALIASED.matcher(STRING_LITERAL.matcher(sql).replaceAll("''"));
        while (a.find()) {
            String alias = a.group(2).toLowerCase(Locale.ROOT);
            if (NOT_ALIASES.contains(alias) || out.containsKey(alias) && !out.get(alias).equalsIgnoreCase(a.group(1))) {
                twice.add(alias);
            } else {
                out.put(alias, a.group(1));
            }
        }
        twice.forEach(out::remove);
        return out;
    }

    private static String key(String table, String column) {
        return (table + "." + column).toLowerCase(Locale.ROOT);
    }
}
