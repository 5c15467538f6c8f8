package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a revision's statements may take an object whose name is not read. A creation whose name is not read
 * ({@code add_column(t, sa.Column(name, ...))} with {@code name} from a loop over items not read, an index named
 * from configuration) makes again, on a re-run, whatever it made; it fails there only when no earlier statement
 * of the revision may have taken that object first: a drop or rename of an object of its kind on its table (or
 * anywhere, for a name not read), of the table itself, or code that is not read. Worked out once per revision
 * from the statements' {@link Effects}; each question is a few lookups.
 */
public final class UnreadNames {
    private final Map<ObjectKind, Integer> anyTable = new HashMap<>();
    private final Map<Key, Integer> onTable = new HashMap<>();
    private final Map<QualifiedName, Integer> table = new HashMap<>();
    /** Per kind, the first position that may take an object of it on some table. */
    private final Map<ObjectKind, Integer> onSomeTable = new HashMap<>();
    private int anything = Integer.MAX_VALUE;

    private record Key(ObjectKind kind, QualifiedName table) {
    }

    public UnreadNames(List<Operation> ops) {
        for (int i = 0; i < ops.size(); i++) {
            for (Effect e : Effects.of(ops.get(i), Effects.Naming.UNKNOWN)) {
                if (e instanceof Effect.Drop d) {
                    taken(d.object(), i);
                } else if (e instanceof Effect.Rename r) {
                    taken(r.object(), i);
                } else if (e instanceof Effect.Forget f && f.reach().mayTake()) {
                    forgot(f, i);
                }
            }
        }
    }

    private void taken(ObjectRef o, int at) {
        if (o.kind() == ObjectKind.TABLE) {
            table.putIfAbsent(o.name(), at);
        }
        if (ObjectRef.tableScoped(o.kind()) && o.table() != null) {
            onTable.putIfAbsent(new Key(o.kind(), o.table()), at);
            onSomeTable.putIfAbsent(o.kind(), at);
        } else {
            // an index, a sequence, a type: one name in the schema, whatever table it is on
            anyTable.putIfAbsent(o.kind(), at);
        }
    }

    private void forgot(Effect.Forget f, int at) {
        switch (f.scope()) {
            case KIND -> {
                if (f.object() != null && ObjectRef.tableScoped(f.kind())) {
                    onTable.putIfAbsent(new Key(f.kind(), f.object().name()), at);
                    onSomeTable.putIfAbsent(f.kind(), at);
                } else if (f.object() != null && f.kind() == ObjectKind.TABLE) {
                    table.putIfAbsent(f.object().name(), at);
                } else {
                    anyTable.putIfAbsent(f.kind(), at);
                }
            }
            case OBJECT -> taken(f.object(), at);
            case TABLE_KEYS -> {
                onTable.putIfAbsent(new Key(ObjectKind.CONSTRAINT, f.object().name()), at);
                onSomeTable.putIfAbsent(ObjectKind.CONSTRAINT, at);
            }
            default -> anything = Math.min(anything, at);
        }
    }

    /**
     * Whether a statement before position {@code at} may take an object of {@code kind} on {@code owner} (null
     * when the object's table is not known), whose own name is not read.
     */
    public boolean mayTakeBefore(int at, ObjectKind kind, QualifiedName owner) {
        if (anything < at || anyTable.getOrDefault(kind, Integer.MAX_VALUE) < at) {
            return true;
        }
        if (owner == null) {
            return onSomeTable.getOrDefault(kind, Integer.MAX_VALUE) < at;
        }
        return table.getOrDefault(owner, Integer.MAX_VALUE) < at
                || onTable.getOrDefault(new Key(kind, owner), Integer.MAX_VALUE) < at;
    }
}
