package dev.idemlint.plan;

import dev.idemlint.migration.Operation;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.SchemaState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows the walk's inserts write and whether a keyed insert meets a row already there: in the
 * database (read through the {@link Planner.RowProbe}), or written earlier in the walk.
 */
final class KeyedInserts {
    private final SchemaState state;
    private final Placement places;
    private final ServerFacts errors;
    private final Planner.RowProbe rowProbe;

    KeyedInserts(SchemaState state, Placement places, ServerFacts errors, Planner.RowProbe probe) {
        this.state = state;
        this.places = places;
        this.errors = errors;
        this.rowProbe = probe;
    }

    /** Literal rows of guarded and ON CONFLICT inserts: written or not, per table. */
    private final Map<QualifiedName, List<Map<String, String>>> maybeRows = new HashMap<>();
    /** Tables the walk made and filled with rows that are not literals. */
    private final Set<QualifiedName> opaqueRows = new HashSet<>();
    /** Literal rows the walk's own inserts wrote, per table. */
    private final Map<QualifiedName, List<Map<String, String>>> inserted = new HashMap<>();
    /**
     * A keyed insert fails when a row with the same key is already there: in the database (a read-only
     * SELECT per key of each literal row) or written earlier in the walk. Rows that are not literals
     * cannot be compared; an empty table made by the walk takes them once.
     */
    Outcome insert(Operation op, Operation.Insert i) {
        if (i.table() == null) {
            return new Outcome.Lost("an INSERT into a table not known statically");
        }
        Placement.Target t = places.relTarget(op, places.name(i.table(), op));
        if (t.schema() == null) {
            return new Outcome.Lost("the schema of table " + i.table() + " is not known statically");
        }
        QualifiedName tableKey = t.qualified();
        List<Map<String, String>> rows = InsertRows.of(i);
        List<Map<String, String>> earlier = inserted.computeIfAbsent(tableKey, k -> new ArrayList<>());
        if (i.onConflict() || i.guardedSelect() || i.source().mayRead(i.table())) {
            // never fails on a duplicate, or its rows depend on what the table holds: they may or may not be written
            if (rows != null) {
                maybeRows.computeIfAbsent(tableKey, k -> new ArrayList<>()).addAll(rows);
            } else {
                opaqueRows.add(tableKey);
            }
            return Outcome.OK;
        }
        boolean fresh = state.madeHere(t.qualified());
        List<List<String>> keys = state.uniqueKeys(t.qualified());
        if (!fresh && keys != null && keys.isEmpty()) {
            return Outcome.OK;
        }
        if (rows == null || opaqueRows.contains(tableKey)) {
            if (fresh && earlier.isEmpty() && !opaqueRows.contains(tableKey)) {
                opaqueRows.add(tableKey);
                return Outcome.OK;
            }
            if (rows == null && !fresh && earlier.isEmpty() && !opaqueRows.contains(tableKey)) {
                Boolean any = rowProbe == null ? null : rowProbe.hasRows(t.schema(), t.name());
                if (Boolean.FALSE.equals(any)) {
                    opaqueRows.add(tableKey);
                    return Outcome.OK;
                }
            }
            return new Outcome.Lost("an INSERT into " + places.shown(t.qualified()) + " whose rows cannot be compared with those"
                    + " already there (not literals, or written by statements idemlint cannot compare)");
        }
        Set<String> required = state.requiredColumns(t.qualified());
        if (required == null) {
            return new Outcome.Lost("which columns of " + places.shown(t.qualified()) + " are NOT NULL without a default is not known");
        }
        for (Map<String, String> row : rows) {
            for (String col : required) {
                if (!row.containsKey(col) || row.get(col) == null) {
                    return new Outcome.Fails(errors.notNullViolation().code(), errors.notNullViolation().label(),
                            "column " + col + " of " + places.shown(t.qualified()) + " is NOT NULL without a default and the"
                                    + " row " + row + " gives it no value", null, false);
                }
            }
        }
        if (keys == null && !fresh) {
            return new Outcome.Lost("table " + places.shown(t.qualified()) + " has a unique key on an expression or a partial one");
        }
        for (List<String> key : keys == null ? List.<List<String>>of() : keys) {
            for (Map<String, String> row : rows) {
                if (!row.keySet().containsAll(key) || key.stream().anyMatch(c -> row.get(c) == null)) {
                    continue;
                }
                Map<String, String> probe = project(row, key);
                boolean again = earlier.stream().anyMatch(r -> probe.equals(project(r, key)));
                if (!again && maybeRows.getOrDefault(tableKey, List.of()).stream()
                        .anyMatch(r -> probe.equals(project(r, key)))) {
                    return new Outcome.Lost("an earlier guarded or ON CONFLICT insert may have written the row with "
                            + probe + " into " + places.shown(t.qualified()));
                }
                Boolean there = again ? Boolean.TRUE : fresh ? Boolean.FALSE
                        : rowProbe == null ? null : rowProbe.hasRow(t.schema(), t.name(), probe);
                if (there == null) {
                    return new Outcome.Lost("whether " + places.shown(t.qualified()) + " already holds " + probe + " could not be read");
                }
                if (there) {
                    return new Outcome.Fails(errors.uniqueViolation().code(), errors.uniqueViolation().label(),
                            "table " + places.shown(t.qualified()) + " already has the row with (" + String.join(", ", key)
                                    + ")=(" + String.join(", ", probe.values()) + ")", null, true);
                }
            }
        }
        earlier.addAll(rows);
        return Outcome.OK;
    }

    private static Map<String, String> project(Map<String, String> row, List<String> key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : key) {
            out.put(c, row.get(c));
        }
        return out;
    }

    /** An insert under a check of the rows already there: it never fails, and its rows may or may not be written. */
    void guarded(Operation op, Operation.Insert ins) {
        Placement.Target t = places.relTarget(op, places.name(ins.table(), op));
        List<Map<String, String>> rows = InsertRows.of(ins);
        if (t.schema() != null) {
            if (rows != null) {
                maybeRows.computeIfAbsent(t.qualified(), k -> new ArrayList<>()).addAll(rows);
            } else {
                opaqueRows.add(t.qualified());
            }
        }
    }
}
