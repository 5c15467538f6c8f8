package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.Phase;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.sql.StatementReads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * column (42703 undefined_column). Only a read that runs whenever the revision runs counts there (a read under a
 * guard, a condition or in a loop over rows a query returns may not run again). {@code t.c} is no claim when
 * {@code c} is a function PostgreSQL can apply to the row ({@link PostgresFacts#rowFunction}), nor is a bare
 * name equal to an unaliased table in scope (the table's whole row). A bare name is read in the FROM scope of
 * a statement that opens one table, or of the SELECT of an {@code INSERT ... SELECT} from one table.
 * Names compare as the server stores them, case-insensitively (a case-insensitive match is taken). Built in
 * one pass over the revision, each statement's SQL lexed once (a name inside a literal or a comment is no
 * read); every question is then a map lookup. On PostgreSQL a SQLAlchemy Core statement reads too: it opens the
 * lightweight tables it names and reads the columns of them it names ({@link Operation.CoreName}), as SQLAlchemy
 * renders {@code t.c.x}: {@code t.x}. A bare name of a subquery that can name no outer query's column (one in
 * {@code FROM} or {@code JOIN}, or a {@code WITH} query's body: {@link StatementReads#subqueries}) is read in the
 * scope of its one table.
 */
public final class CommittedRerun {

    /** The statements that read on PostgreSQL; MySQL/MariaDB keep to SELECT and WITH. */
    private static final List<String> POSTGRES_READS = List.of("SELECT", "WITH", "UPDATE", "INSERT", "DELETE");
    private static final List<String> MYSQL_READS = List.of("SELECT", "WITH");

    /** A read and its place in upgrade(). */
    private record Read(int index, Operation op) {
    }

    /**
     * What a read names, in one phase: a table ({@link ObjectRef#table}) or a column of one ({@link #column}).
     * Names are lower-cased: they compare as the server stores them, case-insensitively.
     */
    private record Key(Phase phase, ObjectRef object) {
    }

    private final Map<Operation, Operation.Rename> tableRenamedLater;
    /** The reads naming {@code table.column}, in order. */
    private final Map<Key, List<Read>> reads = new HashMap<>();
    /** The reads opening a table, in order. */
    private final Map<Key, List<Read>> tableReads = new HashMap<>();
    /** The (lower-cased) tables each read opens. */
    private final Map<Operation, Set<String>> opened = new IdentityHashMap<>();
    /**
     * The reads that open exactly one table, named by nothing dynamic, with no subquery, second FROM item or
     * USING list, under each {@code table.column} they write bare: no other table is in scope to own it.
     */
    private final Map<Key, List<Read>> bareReads = new HashMap<>();
    /** Per read, the offset of each column it names first (PostgreSQL). */
    private final Map<Operation, Map<ObjectRef, Integer>> offsets = new IdentityHashMap<>();
    /** The requirements among the reads ({@link #withRequirements}): statements that alter a column. */
    private final Set<Operation> requirements = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private CommittedRerun(List<Operation> upgrade, RerunVerdicts verdicts, List<String> heads, boolean postgres,
            boolean requirementsToo) {
        this.tableRenamedLater = postgres ? Map.of() : laterTableRenames(upgrade);
        for (int i = 0; i < upgrade.size(); i++) {
            Operation o = upgrade.get(i);
            OpSite site = o.site();
            if (requirementsToo && alters(o)) {
                if (verdicts.definite(o)) {
                    Operation.Benign b = (Operation.Benign) o;
                    addCore(new Read(i, o), List.of(new Operation.CoreName(b.table(), null, 0),
                            new Operation.CoreName(b.table(), b.column(), 0)));
                    requirements.add(o);
                }
                continue;
            }
            if (postgres && o instanceof Operation.Benign b && !b.names().isEmpty()) {
                if (verdicts.definite(o)) {
                    addCore(new Read(i, o), b.names());
                }
                continue;
            }
            if (!reads(site, heads) || postgres && !verdicts.definite(o)) {
                continue;
            }
            StatementReads sql = StatementReads.of(site.sql().text(), site.sqlStart(), site.sqlEnd());
            Read read = new Read(i, o);
            Map<String, String> aliases = postgres ? sql.aliases() : Map.of();
            Map<ObjectRef, Integer> at = new HashMap<>();
            for (StatementReads.Column c : sql.columns()) {
                if (postgres && PostgresFacts.rowFunction(c.column())) {
                    continue;
                }
                ObjectRef column = column(aliases.getOrDefault(c.table().toLowerCase(Locale.ROOT), c.table()), c.column());
                add(reads, new Key(site.phase(), column), read);
                at.putIfAbsent(column, c.at());
            }
            if (!postgres) {
                continue;
            }
            offsets.put(o, at);
            Set<String> tables = new LinkedHashSet<>();
            sql.tables().forEach(t -> tables.add(t.toLowerCase(Locale.ROOT)));
            tables.forEach(t -> add(tableReads, new Key(site.phase(), table(t)), read));
            if (!tables.isEmpty()) {
                opened.put(o, tables);
            }
            if (tables.size() == 1 && !sql.dynamicTable() && sql.oneSelectAtMost() && !sql.anotherFromItem()) {
                String table = tables.iterator().next();
                boolean aliased = sql.aliases().values().stream().anyMatch(table::equalsIgnoreCase);
                addBare(site.phase(), read, table, aliased, sql.bare(), at);
            } else if (sql.insertSelect() != null && !sql.dynamicTable()) {
                addBare(site.phase(), read, sql.insertSelect().table().toLowerCase(Locale.ROOT), false,
                        sql.insertSelect().bare(), at);
            }
            for (StatementReads.Scope s : sql.subqueries()) {
                addBare(site.phase(), read, s.table().toLowerCase(Locale.ROOT), s.aliased(), s.bare(), at);
            }
        }
    }

    /**
     * Adds what a SQLAlchemy Core statement names through its lightweight tables ({@link Operation.CoreName}):
     * each table it opens, and each column as if written {@code table.column}, which is how SQLAlchemy renders it.
     */
    private void addCore(Read read, List<Operation.CoreName> names) {
        Phase phase = read.op().site().phase();
        Set<String> tables = new LinkedHashSet<>();
        Map<ObjectRef, Integer> at = new HashMap<>();
        for (Operation.CoreName n : names) {
            if (n.column() == null) {
                tables.add(n.table().toLowerCase(Locale.ROOT));
            } else {
                ObjectRef column = column(n.table(), n.column());
                add(reads, new Key(phase, column), read);
                at.putIfAbsent(column, n.at());
            }
        }
        tables.forEach(t -> add(tableReads, new Key(phase, table(t)), read));
        opened.put(read.op(), tables);
        offsets.put(read.op(), at);
    }

    /**
     * Adds the bare names of {@code read} as columns of {@code table}, the one table in their scope. Its own name
     * is left out unless {@code aliased}: with no such column PostgreSQL reads it as the table's whole row.
     */
    private void addBare(Phase phase, Read read, String table, boolean aliased, Map<String, Integer> bare,
            Map<ObjectRef, Integer> at) {
        bare.forEach((c, offset) -> {
            if (aliased || !c.equals(table)) {
                add(bareReads, new Key(phase, column(table, c)), read);
                at.merge(column(table, c), offset, Math::min);
            }
        });
    }

    /**
     * The offset in read {@code read} of its first reference to column {@code column} of {@code table} (qualified
     * or bare, as {@link #columnReadBefore} takes them); {@link Integer#MAX_VALUE} when it names none.
     */
    public int offsetOf(Operation read, String table, String column) {
        return offsets.getOrDefault(read, Map.of()).getOrDefault(column(table, column), Integer.MAX_VALUE);
    }

    /** The (lower-cased) tables read {@code read} opens (PostgreSQL), as {@link #opens} compares them. */
    public Set<String> tablesOpened(Operation read) {
        return opened.getOrDefault(read, Set.of());
    }

    /** The (lower-cased, {@link #columnRef}) columns read {@code read} names, qualified or bare (PostgreSQL). */
    public Set<ObjectRef> columnsNamed(Operation read) {
        return offsets.getOrDefault(read, Map.of()).keySet();
    }

    /** Column {@code column} of {@code table} as {@link #columnsNamed} gives it. */
    public static ObjectRef columnRef(String table, String column) {
        return column(table, column);
    }

    /** Table {@code table} as reads name it (see {@link #tablesOpened}). */
    public static ObjectRef tableRef(String table) {
        return table(table);
    }

    /**
     * Whether {@code o} is an Alembic {@code alter_column} (not a rename) of a named column of a named table: it
     * requires the table and the column to exist without making either, so it fails where they are gone, as a read
     * does (42P01 / 42703 on PostgreSQL, 1146 / 1054 on MySQL and MariaDB, whatever the alteration).
     */
    private static boolean alters(Operation o) {
        return o instanceof Operation.Benign b && "alter_column".equals(b.what()) && b.site().origin().alembicOp()
                && b.table() != null && b.column() != null;
    }

    /** Whether read {@code o} is a requirement ({@link #withRequirements}) rather than a data statement. */
    public boolean requirement(Operation o) {
        return requirements.contains(o);
    }

    /**
     * The orders of {@code upgrade}, a revision's upgrade() operations in order (MySQL/MariaDB); a statement the
     * re-run check settled ({@link RerunVerdicts#definite}) read as guarded.
     */
    public static CommittedRerun of(List<Operation> upgrade, RerunVerdicts verdicts) {
        return new CommittedRerun(upgrade, verdicts, MYSQL_READS, false, false);
    }

    /** The reads of {@code upgrade} on PostgreSQL: columns and tables, of every data statement. */
    public static CommittedRerun ofPostgres(List<Operation> upgrade) {
        return ofPostgres(upgrade, RerunVerdicts.NONE);
    }

    /** As {@link #ofPostgres(List)}, a statement the re-run check settled read as guarded. */
    public static CommittedRerun ofPostgres(List<Operation> upgrade, RerunVerdicts verdicts) {
        return new CommittedRerun(upgrade, verdicts, POSTGRES_READS, true, false);
    }

    /**
     * As {@link #ofPostgres(List, RerunVerdicts)}, with each certain {@code alter_column} of a named column read as
     * a requirement of its table and its column ({@link #requirement}): the statement fails on the re-run when a
     * later statement of the revision dropped either, whatever the server.
     */
    public static CommittedRerun withRequirements(List<Operation> upgrade, RerunVerdicts verdicts) {
        return new CommittedRerun(upgrade, verdicts, POSTGRES_READS, true, true);
    }

    /** Adds {@code read} under {@code key} once: a statement naming it twice is one read. */
    private static void add(Map<Key, List<Read>> map, Key key, Read read) {
        List<Read> named = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (named.isEmpty() || named.get(named.size() - 1).op() != read.op()) {
            named.add(read);
        }
    }

    /**
     * The first read at or before index {@code at}, in phase {@code phase}, that opens table {@code table};
     * null when there is none. Does not take it.
     */
    public Operation tableReadBefore(String table, int at, Phase phase) {
        Read r = first(tableReads, new Key(phase, table(table)), at);
        return r == null ? null : r.op();
    }

    /**
     * The first read at or before {@code at}, in phase {@code phase}, naming {@code table.column}, or naming
     * {@code column} bare in a statement that opens only {@code table}; null when none.
     */
    public Operation columnReadBefore(String table, String column, int at, Phase phase) {
        Key key = new Key(phase, column(table, column));
        Read qualified = first(reads, key, at);
        Read bare = first(bareReads, key, at);
        return bare != null && (qualified == null || bare.index() < qualified.index()) ? bare.op()
                : qualified == null ? null : qualified.op();
    }

    /** Whether read {@code read} opens table {@code table}. */
    public boolean opens(Operation read, String table) {
        return opened.getOrDefault(read, Set.of()).contains(table.toLowerCase(Locale.ROOT));
    }

    /** The first read under {@code key}, when it is at or before index {@code at}; else null. */
    private static Read first(Map<Key, List<Read>> map, Key key, int at) {
        List<Read> named = map.get(key);
        return named == null || named.get(0).index() > at ? null : named.get(0);
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
    public Operation readBefore(String table, String column, int at, Phase phase, Set<Operation> taken) {
        Read r = first(reads, new Key(phase, column(table, column)), at);
        return r != null && taken.add(r.op()) ? r.op() : null;
    }

    /**
     * Per rename of a column, the nearest later {@code rename_table} of this upgrade that renames its table away;
     * absent when none does.
     */
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

    /** Whether {@code site} is a literal raw statement starting with one of {@code heads}. */
    private static boolean reads(OpSite site, List<String> heads) {
        if (site.origin() != Origin.RAW_SQL || site.sql() == null) {
            return false;
        }
        String text = site.sql().text();
        int start = site.sqlStart();
        while (start < site.sqlEnd() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        for (String head : heads) {
            if (start + head.length() <= site.sqlEnd() && text.regionMatches(true, start, head, 0, head.length())) {
                return true;
            }
        }
        return false;
    }

    /** Table {@code table}, as reads name it: lower-cased, as one name (a qualified {@code s.t} read is not resolved). */
    private static ObjectRef table(String table) {
        return ObjectRef.table(QualifiedName.of(table.toLowerCase(Locale.ROOT)));
    }

    /** Column {@code column} of table {@code table}, both lower-cased. */
    private static ObjectRef column(String table, String column) {
        return ObjectRef.in(ObjectKind.COLUMN, QualifiedName.of(table.toLowerCase(Locale.ROOT)),
                column.toLowerCase(Locale.ROOT));
    }
}
