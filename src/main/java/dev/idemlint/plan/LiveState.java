package dev.idemlint.plan;

import dev.idemlint.db.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema as the walk goes: what the catalog snapshot held, then changed by each operation that
 * runs. Objects live in PostgreSQL's namespaces: relations (tables, views, indexes, sequences share
 * one per schema), types, routines, schemas, extensions, and per table its columns, constraints,
 * triggers and policies. An object is present, absent, or {@link Fact#UNKNOWN} once something the walk
 * cannot follow may have made or dropped it.
 */
final class LiveState {
    enum Fact { PRESENT, ABSENT, UNKNOWN }

    /** Relation kind per "schema.name". */
    private final Map<String, Character> relations = new HashMap<>();
    /** Type per "schema.table.column" (null type text when unknown). */
    private final Map<String, String> columns = new HashMap<>();
    /** Constraint kind letter per "schema.table.name". */
    private final Map<String, Character> constraints = new HashMap<>();
    /** Table of each index, "schema.index" -> table. */
    private final Map<String, String> indexTables = new HashMap<>();
    /** Unique indexes, "schema.index". */
    private final Set<String> uniqueIndexes = new HashSet<>();
    /** Enum labels (empty for other types) per "schema.type". */
    private final Map<String, List<String>> types = new HashMap<>();
    private final Set<String> routines = new HashSet<>();
    private final Set<String> triggers = new HashSet<>();
    private final Set<String> policies = new HashSet<>();
    private final Set<String> extensions = new HashSet<>();
    private final Set<String> schemas = new HashSet<>();
    private final Set<String> roles = new HashSet<>();
    /** Unique keys (column lists) per "schema.table"; a table in {@link #keysUnknown} has some that cannot be compared. */
    private final Map<String, List<List<String>>> uniqueKeys = new HashMap<>();
    private final Set<String> keysUnknown = new HashSet<>();
    /** Tables with constraints PostgreSQL named itself during the walk, and schemas with such indexes. */
    private final Set<String> unnamedConstraints = new HashSet<>();
    private final Set<String> unnamedIndexes = new HashSet<>();
    /** NOT NULL columns without a default, per "schema.table" (a table missing here: none known). */
    private final Map<String, Set<String>> required = new HashMap<>();
    /** Tables whose required columns are not known (made by SQL or a column the walk cannot read). */
    private final Set<String> requiredUnknown = new HashSet<>();
    /** Keys ("kind:path") whose state the walk lost track of. */
    private final Set<String> unknown = new HashSet<>();
    /** Tables made by the walk itself: empty, whatever is inserted later is the walk's own. */
    private final Set<String> madeByWalk = new HashSet<>();

    final String currentSchema;
    final List<String> searchPath;

    LiveState(Catalog c) {
        currentSchema = c.currentSchema();
        searchPath = c.searchPath();
        schemas.addAll(c.schemas());
        for (Catalog.Relation r : c.relations()) {
            relations.put(r.schema() + "." + r.name(), r.kind());
        }
        for (Catalog.Column col : c.columns()) {
            columns.put(col.schema() + "." + col.table() + "." + col.name(), col.type());
            if (col.notNull() && col.defaultExpr() == null) {
                required.computeIfAbsent(col.schema() + "." + col.table(), k -> new HashSet<>()).add(col.name());
            }
        }
        for (Catalog.Constraint k : c.constraints()) {
            constraints.put(k.schema() + "." + k.table() + "." + k.name(), k.type());
        }
        for (Catalog.Index i : c.indexes()) {
            indexTables.put(i.schema() + "." + i.name(), i.table());
            if (i.unique()) {
                uniqueIndexes.add(i.schema() + "." + i.name());
                String t = i.schema() + "." + i.table();
                if (i.columns() == null) {
                    keysUnknown.add(t);
                } else {
                    uniqueKeys.computeIfAbsent(t, k -> new ArrayList<>()).add(i.columns());
                }
            }
        }
        for (Catalog.Type t : c.types()) {
            types.put(t.schema() + "." + t.name(), t.kind() == 'e' ? new ArrayList<>(t.labels()) : null);
        }
        for (Catalog.Routine r : c.routines()) {
            routines.add(r.schema() + "." + r.name());
        }
        for (Catalog.Trigger t : c.triggers()) {
            triggers.add(t.schema() + "." + t.table() + "." + t.name());
        }
        for (Catalog.Policy p : c.policies()) {
            policies.add(p.schema() + "." + p.table() + "." + p.name());
        }
        for (Catalog.Extension e : c.extensions()) {
            extensions.add(e.name());
        }
        roles.addAll(c.roles());
    }

    // ---- where names resolve ----

    /** The schema an unqualified relation name resolves to through the search path, or null. */
    String relationSchema(String name) {
        for (String s : searchPath) {
            if (relations.containsKey(s + "." + name) || unknown.contains("rel:" + s + "." + name)) {
                return s;
            }
        }
        return null;
    }

    /** The schema an unqualified type name resolves to through the search path, or null. */
    String typeSchema(String name) {
        for (String s : searchPath) {
            if (types.containsKey(s + "." + name) || unknown.contains("typ:" + s + "." + name)) {
                return s;
            }
        }
        return null;
    }

    // ---- facts ----

    private Fact fact(boolean present, String key) {
        if (unknown.contains(key)) {
            return Fact.UNKNOWN;
        }
        return present ? Fact.PRESENT : Fact.ABSENT;
    }

    Fact relation(String schema, String name) {
        return fact(relations.containsKey(schema + "." + name), "rel:" + schema + "." + name);
    }

    Character relationKind(String schema, String name) {
        return relations.get(schema + "." + name);
    }

    Fact column(String schema, String table, String name) {
        Fact t = relation(schema, table);
        if (t == Fact.UNKNOWN) {
            return Fact.UNKNOWN;
        }
        return fact(columns.containsKey(schema + "." + table + "." + name), "col:" + schema + "." + table + "." + name);
    }

    String columnType(String schema, String table, String name) {
        return columns.get(schema + "." + table + "." + name);
    }

    Fact constraint(String schema, String table, String name) {
        if (relation(schema, table) == Fact.UNKNOWN) {
            return Fact.UNKNOWN;
        }
        Fact f = fact(constraints.containsKey(schema + "." + table + "." + name), "con:" + schema + "." + table + "." + name);
        return f == Fact.ABSENT && unnamedConstraints.contains(schema + "." + table)
                && pgDefaultName(name, table, "(fkey|key|check|excl|pkey)") ? Fact.UNKNOWN : f;
    }

    /**
     * Whether {@code name} could be one PostgreSQL chose itself for an unnamed constraint or index of
     * {@code table} ({@code players_team_id_fkey}, {@code players_pkey}, {@code players_name_idx1}).
     */
    private static boolean pgDefaultName(String name, String table, String suffixes) {
        return name.matches("(?i)" + (table == null ? "[^.]+" : java.util.regex.Pattern.quote(table))
                + "(_.+)?_" + suffixes + "\\d*");
    }

    /** An index by name: as a relation, unknown when absent but PostgreSQL named some index of the schema itself. */
    Fact index(String schema, String name) {
        Fact f = relation(schema, name);
        return f == Fact.ABSENT && unnamedIndexes.contains(schema) && pgDefaultName(name, null, "(idx|key|pkey|excl)")
                ? Fact.UNKNOWN : f;
    }

    /** A constraint PostgreSQL names itself was made on a table ({@code t_c_fkey}): names there are no longer certain. */
    void unnamedConstraint(String schema, String table) {
        unnamedConstraints.add(schema + "." + table);
    }

    void unnamedIndex(String schema) {
        unnamedIndexes.add(schema);
    }

    /** The NOT NULL columns without a default of a table, or null when they are not known. */
    Set<String> requiredColumns(String schema, String table) {
        String t = schema + "." + table;
        return requiredUnknown.contains(t) ? null : required.getOrDefault(t, Set.of());
    }

    /** A column that became NOT NULL without a default ({@code known} false: the walk cannot tell). */
    void required(String schema, String table, String column, Boolean isRequired) {
        String t = schema + "." + table;
        if (isRequired == null) {
            requiredUnknown.add(t);
        } else if (isRequired) {
            required.computeIfAbsent(t, k -> new HashSet<>()).add(column);
        }
    }

    void setRequired(String schema, String table, Set<String> columns, boolean known) {
        String t = schema + "." + table;
        required.put(t, new HashSet<>(columns));
        if (known) {
            requiredUnknown.remove(t);
        } else {
            requiredUnknown.add(t);
        }
    }

    Fact type(String schema, String name) {
        return fact(types.containsKey(schema + "." + name), "typ:" + schema + "." + name);
    }

    /** An enum's labels in order, or null when the type is not a known enum. */
    List<String> labels(String schema, String name) {
        return types.get(schema + "." + name);
    }

    Fact routine(String schema, String name) {
        return fact(routines.contains(schema + "." + name), "fn:" + schema + "." + name);
    }

    Fact trigger(String schema, String table, String name) {
        return fact(triggers.contains(schema + "." + table + "." + name), "trg:" + schema + "." + table + "." + name);
    }

    Fact policy(String schema, String table, String name) {
        return fact(policies.contains(schema + "." + table + "." + name), "pol:" + schema + "." + table + "." + name);
    }

    Fact extension(String name) {
        return fact(extensions.contains(name), "ext:" + name);
    }

    Fact role(String name) {
        return fact(roles.contains(name), "role:" + name);
    }

    void addRole(String name) {
        roles.add(name);
        unknown.remove("role:" + name);
    }

    void dropRole(String name) {
        roles.remove(name);
        unknown.remove("role:" + name);
    }

    Fact schema(String name) {
        return fact(schemas.contains(name), "sch:" + name);
    }

    /** Whether a table has a primary key, a unique constraint or a unique index (null: unknown). */
    Boolean hasUniqueKey(String schema, String table) {
        if (relation(schema, table) != Fact.PRESENT) {
            return null;
        }
        String prefix = schema + "." + table + ".";
        for (Map.Entry<String, Character> e : constraints.entrySet()) {
            if (e.getKey().startsWith(prefix) && (e.getValue() == 'p' || e.getValue() == 'u' || e.getValue() == 'x')) {
                return true;
            }
        }
        for (Map.Entry<String, String> e : indexTables.entrySet()) {
            if (e.getValue().equals(table) && e.getKey().startsWith(schema + ".") && uniqueIndexes.contains(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    /** The unique keys of a table as column lists, or null when some cannot be compared by columns. */
    List<List<String>> uniqueKeys(String schema, String table) {
        String t = schema + "." + table;
        return keysUnknown.contains(t) ? null : uniqueKeys.getOrDefault(t, List.of());
    }

    /** The unique keys of a table the walk made: known ({@code complete}) or not comparable by columns. */
    void setUniqueKeys(String schema, String table, List<List<String>> keys, boolean complete) {
        String t = schema + "." + table;
        uniqueKeys.put(t, new ArrayList<>(keys));
        if (complete) {
            keysUnknown.remove(t);
        } else {
            keysUnknown.add(t);
        }
    }

    boolean madeByWalk(String schema, String table) {
        return madeByWalk.contains(schema + "." + table);
    }

    // ---- changes ----

    void addRelation(String schema, String name, char kind, String table) {
        String k = schema + "." + name;
        relations.put(k, kind);
        unknown.remove("rel:" + k);
        if (kind == 'r') {
            madeByWalk.add(k);
            types.put(k, null); // a table's row type
        }
        if (kind == 'i' && table != null) {
            indexTables.put(k, table);
        }
    }

    void addUniqueIndex(String schema, String name, String table) {
        addRelation(schema, name, 'i', table);
        uniqueIndexes.add(schema + "." + name);
        if (table != null) {
            keysUnknown.add(schema + "." + table);
        }
    }

    void dropRelation(String schema, String name) {
        String k = schema + "." + name;
        Character kind = relations.remove(k);
        unknown.remove("rel:" + k);
        indexTables.remove(k);
        uniqueIndexes.remove(k);
        if (kind != null && (kind == 'r' || kind == 'p' || kind == 'v' || kind == 'm' || kind == 'f')) {
            String prefix = k + ".";
            columns.keySet().removeIf(c -> c.startsWith(prefix));
            constraints.keySet().removeIf(c -> c.startsWith(prefix));
            triggers.removeIf(c -> c.startsWith(prefix));
            policies.removeIf(c -> c.startsWith(prefix));
            List<String> indexes = new ArrayList<>();
            for (Map.Entry<String, String> e : indexTables.entrySet()) {
                if (e.getValue().equals(name) && e.getKey().startsWith(schema + ".")) {
                    indexes.add(e.getKey());
                }
            }
            for (String i : indexes) {
                indexTables.remove(i);
                relations.remove(i);
                uniqueIndexes.remove(i);
            }
            types.remove(k);
        }
    }

    void renameRelation(String schema, String from, String to) {
        String f = schema + "." + from;
        String t = schema + "." + to;
        Character kind = relations.remove(f);
        if (kind == null) {
            return;
        }
        relations.put(t, kind);
        moveKeys(columns, f + ".", t + ".");
        moveKeys(constraints, f + ".", t + ".");
        String idxTable = indexTables.remove(f);
        if (idxTable != null) {
            indexTables.put(t, idxTable);
        }
        if (uniqueIndexes.remove(f)) {
            uniqueIndexes.add(t);
        }
        for (Map.Entry<String, String> e : indexTables.entrySet()) {
            if (e.getValue().equals(from) && e.getKey().startsWith(schema + ".")) {
                e.setValue(to);
            }
        }
        if (types.containsKey(f) && types.get(f) == null) {
            types.remove(f);
            types.put(t, null);
        }
        if (madeByWalk.remove(f)) {
            madeByWalk.add(t);
        }
    }

    private static <V> void moveKeys(Map<String, V> map, String fromPrefix, String toPrefix) {
        Map<String, V> moved = new LinkedHashMap<>();
        map.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(fromPrefix)) {
                moved.put(toPrefix + e.getKey().substring(fromPrefix.length()), e.getValue());
                return true;
            }
            return false;
        });
        map.putAll(moved);
    }

    void addColumn(String schema, String table, String name, String type) {
        String k = schema + "." + table + "." + name;
        columns.put(k, type);
        unknown.remove("col:" + k);
    }

    /** A column whose type the walk cannot follow (an alter_column): its type is no longer compared. */
    void forgetColumnType(String schema, String table, String name) {
        columns.computeIfPresent(schema + "." + table + "." + name, (k, v) -> null);
    }

    void dropColumn(String schema, String table, String name) {
        String k = schema + "." + table + "." + name;
        required.getOrDefault(schema + "." + table, new HashSet<>()).remove(name);
        columns.remove(k);
        unknown.remove("col:" + k);
    }

    void renameColumn(String schema, String table, String from, String to) {
        requiredUnknown.add(schema + "." + table);
        String type = columns.remove(schema + "." + table + "." + from);
        columns.put(schema + "." + table + "." + to, type);
    }

    void addConstraint(String schema, String table, String name, char kind) {
        String k = schema + "." + table + "." + name;
        constraints.put(k, kind);
        unknown.remove("con:" + k);
    }

    void dropConstraint(String schema, String table, String name) {
        String k = schema + "." + table + "." + name;
        constraints.remove(k);
        unknown.remove("con:" + k);
        // a unique or primary key constraint takes its index with it
        relations.remove(schema + "." + name);
        indexTables.remove(schema + "." + name);
        uniqueIndexes.remove(schema + "." + name);
    }

    void renameConstraint(String schema, String table, String from, String to) {
        Character kind = constraints.remove(schema + "." + table + "." + from);
        constraints.put(schema + "." + table + "." + to, kind == null ? '?' : kind);
    }

    void addType(String schema, String name, List<String> labels) {
        types.put(schema + "." + name, labels == null ? null : new ArrayList<>(labels));
        unknown.remove("typ:" + schema + "." + name);
    }

    void dropType(String schema, String name) {
        types.remove(schema + "." + name);
        unknown.remove("typ:" + schema + "." + name);
    }

    void renameType(String schema, String from, String to) {
        List<String> l = types.remove(schema + "." + from);
        types.put(schema + "." + to, l);
    }

    void addLabel(String schema, String type, String label) {
        List<String> l = types.get(schema + "." + type);
        if (l != null && !l.contains(label)) {
            l.add(label);
        }
    }

    void renameLabel(String schema, String type, String from, String to) {
        List<String> l = types.get(schema + "." + type);
        if (l != null && l.indexOf(from) >= 0) {
            l.set(l.indexOf(from), to);
        }
    }

    void addRoutine(String schema, String name) {
        routines.add(schema + "." + name);
        unknown.remove("fn:" + schema + "." + name);
    }

    void dropRoutine(String schema, String name) {
        routines.remove(schema + "." + name);
        unknown.remove("fn:" + schema + "." + name);
    }

    void addTrigger(String schema, String table, String name) {
        triggers.add(schema + "." + table + "." + name);
        unknown.remove("trg:" + schema + "." + table + "." + name);
    }

    void dropTrigger(String schema, String table, String name) {
        triggers.remove(schema + "." + table + "." + name);
        unknown.remove("trg:" + schema + "." + table + "." + name);
    }

    void addPolicy(String schema, String table, String name) {
        policies.add(schema + "." + table + "." + name);
        unknown.remove("pol:" + schema + "." + table + "." + name);
    }

    void dropPolicy(String schema, String table, String name) {
        policies.remove(schema + "." + table + "." + name);
        unknown.remove("pol:" + schema + "." + table + "." + name);
    }

    void addExtension(String name) {
        extensions.add(name);
        unknown.remove("ext:" + name);
    }

    void dropExtension(String name) {
        extensions.remove(name);
        unknown.remove("ext:" + name);
    }

    void addSchema(String name) {
        schemas.add(name);
        unknown.remove("sch:" + name);
    }

    void dropSchema(String name) {
        schemas.remove(name);
        unknown.remove("sch:" + name);
    }

    /** The walk no longer knows whether the object behind {@code key} ("kind:path") exists. */
    void forget(String key) {
        unknown.add(key);
    }
}
