package dev.idemlint.migration;

import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Drop-then-create pairs inside one revision re-run cleanly: {@code DROP TRIGGER IF EXISTS t ON x;
 * CREATE TRIGGER t ...} creates a trigger that the re-run drops first, and a plain drop followed by
 * a re-create finds the object again on the re-run. So does a drop of something the same revision
 * created before it. Marks the protected halves as guarded.
 */
public final class OperationPairs {
    private OperationPairs() {
    }

    /** The object an operation creates or drops: kind, name and (for columns, constraints...) table. */
    record Key(ObjectKind kind, String name, String table) {
        boolean matches(Key o) {
            if (kind != o.kind || name == null || !name.equals(o.name)) {
                return false;
            }
            boolean tableScoped = kind == ObjectKind.COLUMN || kind == ObjectKind.CONSTRAINT
                    || kind == ObjectKind.TRIGGER || kind == ObjectKind.POLICY || kind == ObjectKind.RULE;
            return !tableScoped || table == null || o.table == null || Objects.equals(table, o.table);
        }
    }

    static Key created(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return new Key(ObjectKind.COLUMN, a.column().name(), a.table());
        } else if (op instanceof Operation.CreateTable t) {
            return new Key(ObjectKind.TABLE, t.table(), null);
        } else if (op instanceof Operation.CreateIndex i) {
            return new Key(ObjectKind.INDEX, i.name(), i.table());
        } else if (op instanceof Operation.AddConstraint c) {
            return new Key(ObjectKind.CONSTRAINT, c.name(), c.table());
        } else if (op instanceof Operation.CreateEnumType e) {
            return new Key(ObjectKind.TYPE, e.name(), null);
        } else if (op instanceof Operation.CreateObject o) {
            return new Key(o.kind(), o.name(), o.table());
        }
        return null;
    }

    public static List<Operation> protect(List<Operation> ops) {
        return protect(ops, () -> false);
    }

    /** {@code postgresNames}: unnamed keys get PostgreSQL's default names (no naming convention names them). */
    public static List<Operation> protect(List<Operation> ops, java.util.function.BooleanSupplier postgresNames) {
        List<Operation> out = new ArrayList<>(ops);
        // CREATE TABLE IF NOT EXISTS tmp ...; DROP TABLE tmp: the re-run creates it again before the drop.
        for (int i = 0; i < out.size(); i++) {
            if (!(out.get(i) instanceof Operation.Drop d) || d.name() == null
                    || !Guard.protectsNothing(d.site().guard())) {
                continue;
            }
            Key dropped = new Key(d.kind(), d.name(), d.table());
            for (int j = i - 1; j >= 0; j--) {
                Operation earlier = out.get(j);
                if (earlier instanceof Operation.Drop prior && dropped.matches(new Key(prior.kind(), prior.name(),
                        prior.table()))) {
                    break;
                }
                Key made = created(earlier);
                if (earlier.site().phase() == d.site().phase() && made != null && dropped.matches(made)) {
                    out.set(i, d.withSite(d.site().withGuard(Guard.of(GuardKind.RECREATED_LATER,
                            earlier.site().span(), "created earlier in this revision"))));
                    break;
                }
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (!(out.get(i) instanceof Operation.Drop d) || d.name() == null) {
                continue;
            }
            Key dropped = new Key(d.kind(), d.name(), d.table());
            for (int j = i + 1; j < out.size(); j++) {
                Operation later = out.get(j);
                Key made = created(later);
                if (later.site().phase() != d.site().phase() || made == null || !dropped.matches(made)) {
                    continue;
                }
                Span where = d.site().span();
                if (Guard.protectsNothing(later.site().guard())) {
                    out.set(j, later.withSite(later.site().withGuard(Guard.of(GuardKind.DROPPED_FIRST, where,
                            "dropped earlier in this revision"))));
                }
                if (Guard.protectsNothing(out.get(i).site().guard())) {
                    out.set(i, d.withSite(d.site().withGuard(Guard.of(GuardKind.RECREATED_LATER,
                            later.site().span(), "created again later in this revision"))));
                }
                break;
            }
        }
        return RerunSimulation.protect(out, postgresNames);
    }
}
