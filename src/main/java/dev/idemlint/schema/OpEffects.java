package dev.idemlint.schema;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one operation does to the schema ({@link Effects#of}, names not resolved by a convention), asked as
 * questions: what it makes, drops or renames, and whether code it cannot read may touch an object. Clients ask
 * these rather than take the effects apart.
 */
public record OpEffects(List<Effect> effects) {
    public OpEffects {
        effects = List.copyOf(effects);
    }

    public static OpEffects of(Operation op) {
        return new OpEffects(Effects.of(op, Effects.Naming.UNKNOWN));
    }

    /** Whether the operation does anything the effects can tell. */
    public boolean isEmpty() {
        return effects.isEmpty();
    }

    /** What the operation makes, in order. */
    public List<Effect.Create> creates() {
        return ofKind(Effect.Create.class);
    }

    /** The code of the operation that cannot be read (opaque SQL, names read at run time), in order. */
    public List<Effect.Forget> forgets() {
        return ofKind(Effect.Forget.class);
    }

    /** Whether some of the operation's code cannot be read. */
    public boolean opaque() {
        return effects.stream().anyMatch(Effect.Forget.class::isInstance);
    }

    /** The first rename the operation performs; null when it renames nothing. */
    public Effect.Rename rename() {
        for (Effect e : effects) {
            if (e instanceof Effect.Rename r) {
                return r;
            }
        }
        return null;
    }

    /** The objects the operation makes or drops, in order. */
    public List<ObjectRef> madeOrDropped() {
        List<ObjectRef> out = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.Create c) {
                out.add(c.object());
            } else if (e instanceof Effect.Drop d) {
                out.add(d.object());
            }
        }
        return out;
    }

    /** Whether the operation makes or drops {@code object}. */
    public boolean makesOrDrops(ObjectRef object) {
        return madeOrDropped().contains(object);
    }

    /** Whether the operation makes {@code object}, or renames something to it. */
    public boolean bringsIn(ObjectRef object) {
        for (Effect e : effects) {
            if (e instanceof Effect.Create c && c.object().equals(object)
                    || e instanceof Effect.Rename r && r.target().equals(object)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the operation makes, drops or renames one of {@code refs}, or may touch anything (opaque code). */
    public boolean touches(Set<ObjectRef> refs) {
        for (Effect e : effects) {
            if (e instanceof Effect.Create c && refs.contains(c.object())
                    || e instanceof Effect.Drop d && refs.contains(d.object())
                    || e instanceof Effect.Rename r && (refs.contains(r.object()) || refs.contains(r.target()))
                    || e instanceof Effect.Forget) {
                return true;
            }
        }
        return false;
    }

    /** The object the operation's first forget that names one is about (the table of a column not read); null when none. */
    public ObjectRef forgottenIn() {
        for (Effect.Forget f : forgets()) {
            if (f.object() != null) {
                return f.object();
            }
        }
        return null;
    }

    /**
     * Whether code forgotten as {@code f} (a drop of a column of a table whose name cannot be read, opaque SQL)
     * may make or drop {@code target}: only a forget certainly about other objects cannot.
     */
    public static boolean mayReach(Effect.Forget f, ObjectRef target) {
        ObjectRef table = target.table() == null ? null : ObjectRef.table(target.table());
        return switch (f.scope()) {
            case EVERYTHING -> true;
            case KIND -> (f.kind() == target.kind() || f.kind() == ObjectKind.TABLE)
                    && (f.object() == null || table == null || f.object().equals(table) || f.object().equals(target));
            case NAMED -> f.names().stream().anyMatch(n -> n.equalsIgnoreCase(target.name().name())
                    || table != null && n.equalsIgnoreCase(table.name().name()));
            case OBJECT -> f.object().equals(target) || f.object().equals(table);
            case TABLE_KEYS -> false;
        };
    }

    private <T extends Effect> List<T> ofKind(Class<T> kind) {
        return effects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
