package dev.idemlint.schema;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the schema held when a revision's transaction began, as the {@link SchemaTimeline} tells it, for the
 * statements whose cost depends on it: a lock on a table that already holds rows stops the application, one on a
 * table the revision itself created does not (nobody else can see it before the commit).
 */
public final class RevisionStart {
    private RevisionStart() {
    }

    /** Where a table a statement acts on comes from. */
    public enum Table {
        /** The revision created it before the statement (or renamed into place a table it created). */
        MADE_HERE,
        /**
         * It existed before the revision: an ancestor created it, or no revision on the path did, and the chain
         * started from a schema that already held it (made by {@code create_all()}, a dump, another tool).
         */
        EXISTING,
        /** Not known: its name is dynamic, or code of the revision the analyzer cannot read may have made it. */
        UNKNOWN
    }

    /**
     * Where the table {@code table} that operation {@code index} of {@code m} acts on comes from. A table no revision
     * before the statement creates is {@link Table#EXISTING}: a chain mostly alters tables it created, and one it
     * never created is there from before the chain, which is the case of every long-lived project whose first
     * revision came after its first deploy. It is {@link Table#UNKNOWN} only when code of the revision itself,
     * before the statement, may have made it: an operation the analyzer could not read that names it or may touch
     * anything, or a {@code CREATE TABLE} with a dynamic name. A table the revision made is {@link Table#MADE_HERE}
     * even when a commit of the revision ({@code autocommit_block()}, {@code COMMIT}) lies between its creation and
     * the statement: others can see it from that commit on, but only the revision's own code, not the running
     * application, uses a table the deploy is still making, so a lock on it stops nobody.
     */
    public static Table table(SchemaTimeline t, Migration m, int index, Operation op, String table, Settings s) {
        ObjectRef ref = Effects.ref(op, ObjectKind.TABLE, null, table);
        int at = index;
        List<Operation> ops = m.upgrade();
        // each step follows a rename back to an earlier operation of the revision: at most one step per operation
        for (int steps = 0; ref != null && steps <= ops.size(); steps++) {
            if (!madeInRevision(t, ref, m, at)) {
                // whatever made it is older than the revision, if anything did
                return madeUnseen(ops, at, ref) && t.existing(ref, m, at, s) == null ? Table.UNKNOWN : Table.EXISTING;
            }
            Creation c = t.existing(ref, m, at, s);
            if (c == null) {
                return madeUnseen(ops, at, ref) ? Table.UNKNOWN : Table.EXISTING;
            }
            if (c.migration() != m) {
                return Table.EXISTING;
            }
            if (c.via() != Creation.Via.RENAME) {
                return Table.MADE_HERE;
            }
            if (!(c.operation() instanceof Operation.Rename r) || r.kind() != ObjectKind.TABLE) {
                return Table.UNKNOWN;
            }
            ref = Effects.ref(r, ObjectKind.TABLE, null, r.from());
            at = c.index();
        }
        return Table.UNKNOWN;
    }

    /**
     * Whether {@code column} of a table, which operation {@code index} of {@code m} acts on, was added by the revision
     * itself before the statement ({@code add_column}, or with its table by {@code create_table}): the running
     * application's code, released before the revision, cannot use it. A column no revision on the path creates,
     * or one the revision renamed into place, is not.
     */
    public static boolean columnMadeHere(SchemaTimeline t, Migration m, int index, Operation op, String table,
            String column, Settings s) {
        Creation c = columnCreation(t, m, index, op, table, column, s);
        return c != null && c.migration() == m && c.via() != Creation.Via.RENAME;
    }

    /**
     * As {@link #columnMadeHere}, but a column the revision renamed to that name counts as made here too: no code
     * released before the revision knew it by that name.
     */
    public static boolean columnNamedHere(SchemaTimeline t, Migration m, int index, Operation op, String table,
            String column, Settings s) {
        Creation c = columnCreation(t, m, index, op, table, column, s);
        return c != null && c.migration() == m;
    }

    /** The creation of the column before statement {@code index} when the revision made it; null when not. */
    private static Creation columnCreation(SchemaTimeline t, Migration m, int index, Operation op, String table,
            String column, Settings s) {
        ObjectRef ref = Effects.ref(op, ObjectKind.COLUMN, table, column);
        return ref == null || !madeInRevision(t, ref, m, index) ? null
                : t.existing(SchemaTimeline.norm(ref), m, index, s);
    }

    /** What {@link #transaction} answers for a statement that runs outside any transaction block. */
    public static final int NO_TRANSACTION = -1;

    /**
     * Which of the revision's transactions operation {@code index} of {@code m} runs in: 0 for Alembic's, counted
     * up at each commit the revision makes, or {@link #NO_TRANSACTION} for a statement that commits on its own. A
     * statement inside {@code autocommit_block()} runs outside a transaction (Alembic commits what came before the
     * block and begins a new transaction after it), and so does everything after {@code op.execute("COMMIT")} or
     * {@code op.get_bind().commit()} ({@link dev.idemlint.migration.OpSite#autocommit()}); the {@code COMMIT}
     * itself ends the transaction it runs in. Two statements hold their locks together exactly when they run in the
     * same transaction: PostgreSQL keeps a table lock until the transaction ends.
     */
    public static int transaction(Migration m, int index) {
        List<Operation> ops = m.upgrade();
        if (index < 0 || index >= ops.size() || ops.get(index).site().autocommit()) {
            return NO_TRANSACTION;
        }
        int n = 0;
        boolean outside = false;
        for (int k = 0; k < index; k++) {
            boolean auto = ops.get(k).site().autocommit();
            if (!auto && outside) {
                n++;
            }
            outside = auto;
        }
        return outside ? n + 1 : n;
    }

    /**
     * {@link #transaction} of each operation of {@code m}'s upgrade, in one pass: element {@code i} is what {@code
     * transaction(m, i)} answers.
     */
    public static int[] transactions(Migration m) {
        List<Operation> ops = m.upgrade();
        int[] out = new int[ops.size()];
        int n = 0;
        boolean outside = false;
        for (int k = 0; k < out.length; k++) {
            boolean auto = ops.get(k).site().autocommit();
            if (!auto && outside) {
                n++;
            }
            out[k] = auto ? NO_TRANSACTION : n;
            outside = auto;
        }
        return out;
    }

    private static final Pattern SET_LOCK_TIMEOUT = Pattern.compile(
            "(?is)^\\s*(set\\s+(session\\s+|local\\s+)?lock_timeout\\b|select\\s+set_config\\s*\\(\\s*'lock_timeout')");
    private static final Pattern LOCAL = Pattern.compile(
            "(?is)^\\s*(set\\s+local\\b|select\\s+set_config\\s*\\(\\s*'lock_timeout'\\s*,[^,]*,\\s*true)");

    /**
     * Whether the revision sets {@code lock_timeout} before operation {@code index} of {@code m} for the session
     * that runs it: a {@code SET lock_timeout} (or {@code set_config('lock_timeout', ...)}) holds for the rest of the
     * session, a {@code SET LOCAL} (or {@code set_config(..., true)}) only for the rest of its transaction
     * ({@link #transaction}), so not across a commit.
     */
    public static boolean lockTimeoutSet(Migration m, int index) {
        List<Operation> ops = m.upgrade();
        int tx = transaction(m, index);
        for (int k = 0; k < index && k < ops.size(); k++) {
            String sql = ops.get(k).site().sqlStatement();
            if (sql != null && SET_LOCK_TIMEOUT.matcher(sql).find()
                    && (!LOCAL.matcher(sql).find() || tx != NO_TRANSACTION && transaction(m, k) == tx)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a creation of {@code m} up to operation {@code index} names {@code ref}: else no creation of the revision
     * is what makes it exist there, and where it comes from is asked of the revisions before only when it matters.
     */
    private static boolean madeInRevision(SchemaTimeline t, ObjectRef ref, Migration m, int index) {
        for (Creation c : t.creationsIn(m, ref)) {
            if (c.index() <= index) {
                return true;
            }
        }
        return false;
    }

    /** Whether an operation of {@code ops} before {@code index} may have made {@code table} unseen by the timeline. */
    private static boolean madeUnseen(List<Operation> ops, int index, ObjectRef table) {
        String name = table.name().name().toLowerCase(Locale.ROOT);
        for (int k = 0; k < index && k < ops.size(); k++) {
            Operation op = ops.get(k);
            if (op instanceof Operation.Unknown u && (u.touches().isEmpty() || u.touches().contains(name))
                    || op instanceof Operation.CreateTable c && c.table() == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The type of {@code column} just before operation {@code index} of {@code m}, as {@code format_type} prints it:
     * the type its creation gave it, then each type change ({@link Effect.ColumnType}) on the path since. A column
     * renamed into place ({@code RENAME COLUMN}, {@code alter_column(new_column_name=)}) keeps the type its old name
     * had at the rename: PostgreSQL renames the column in place. Null when not known: a column no revision on the path
     * creates, a creation or a change whose type is not read, or code the analyzer cannot read that may have changed
     * it.
     */
    public static String columnType(SchemaTimeline t, ObjectRef column, Migration m, int index, Settings s) {
        ObjectRef key = SchemaTimeline.norm(column);
        // the column's names back to its creation, latest first: each rename is earlier than the one after it
        List<Creation> names = new ArrayList<>();
        List<ObjectRef> keys = new ArrayList<>();
        Creation c = t.existing(key, m, index, s);
        int bound = c == null ? 0 : t.creations().size();
        for (int steps = 0; c != null && c.via() == Creation.Via.RENAME && steps <= bound; steps++) {
            ObjectRef from = renamedFrom(c, key);
            if (from == null) {
                return null;
            }
            names.add(c);
            keys.add(key);
            key = SchemaTimeline.norm(from);
            c = t.existing(key, c.migration(), c.index(), s);
        }
        if (c == null || c.column() == null || c.via() == Creation.Via.RENAME) {
            return null;
        }
        String type = c.column().formatType();
        Creation start = c;
        for (int k = names.size() - 1; k >= -1; k--) {
            Creation stop = k >= 0 ? names.get(k) : null;
            List<Operation> ops = stop == null ? since(t, start, m, index) : since(t, start, stop.migration(),
                    stop.index());
            for (Operation op : ops) {
                if (mayRetype(op, key)) {
                    return null;
                }
                type = retyped(op, key, type);
            }
            if (stop == null) {
                break;
            }
            // the renaming statement (an alter_column may change the type with the name)
            ObjectRef renamed = keys.get(k);
            if (mayRetype(stop.operation(), key)) {
                return null;
            }
            type = retyped(stop.operation(), renamed, retyped(stop.operation(), key, type));
            key = renamed;
            start = stop;
        }
        return type;
    }

    /** {@code type} after {@code op}'s type changes of {@code key}, if it has any. */
    private static String retyped(Operation op, ObjectRef key, String type) {
        // only a statement that may change a type has a ColumnType effect: the others are not asked
        if (!(op instanceof Operation.Benign b) || b.type() == null) {
            return type;
        }
        for (Effect e : Effects.of(op, Effects.Naming.UNKNOWN)) {
            if (e instanceof Effect.ColumnType ct && SchemaTimeline.norm(ct.column()).equals(key)) {
                type = ct.change().formatType();
            }
        }
        return type;
    }

    /**
     * The column that rename {@code c} gave the name of {@code key}: the old name of a column rename of the same
     * table; null when the renaming statement says no such thing (a table renamed into place, a name not read).
     */
    private static ObjectRef renamedFrom(Creation c, ObjectRef key) {
        for (Effect e : Effects.of(c.operation(), Effects.Naming.UNKNOWN)) {
            if (e instanceof Effect.Rename r && r.object().kind() == ObjectKind.COLUMN) {
                ObjectRef from = SchemaTimeline.norm(r.object());
                if (from.table() != null && from.table().equals(key.table())
                        && r.to().equalsIgnoreCase(key.name().name())) {
                    return from;
                }
            }
        }
        return null;
    }

    /**
     * The operations on the path from just after {@code c}'s creation to just before operation {@code index} of
     * {@code m}, in the order they run: the revisions between are {@code m}'s ancestors in the timeline's order.
     */
    private static List<Operation> since(SchemaTimeline t, Creation c, Migration m, int index) {
        List<Operation> out = new ArrayList<>();
        boolean after = false;
        for (Migration x : t.order()) {
            after |= x == c.migration();
            if (!after || x != m && !t.isAncestor(x, m)) {
                continue;
            }
            List<Operation> ops = x.upgrade();
            int from = x == c.migration() ? c.index() + 1 : 0;
            int to = x == m ? Math.min(index, ops.size()) : ops.size();
            out.addAll(ops.subList(Math.min(from, to), to));
            if (x == m) {
                break;
            }
        }
        return out;
    }

    /** Whether {@code op} may change {@code column}'s type in a way its effects do not say. */
    private static boolean mayRetype(Operation op, ObjectRef column) {
        String table = column.table().name().toLowerCase(Locale.ROOT);
        if (op instanceof Operation.Unknown u) {
            return u.touches().isEmpty() || u.touches().contains(table);
        }
        return op instanceof Operation.Benign b && b.type() != null && (b.table() == null || b.column() == null);
    }

    /**
     * Whether a validated {@code CHECK (column IS NOT NULL)} on {@code table} stands just before operation {@code
     * index} of {@code m}: added by an {@code ADD CONSTRAINT} (raw or {@code create_check_constraint}) whose condition
     * is exactly that, added without {@code NOT VALID} ({@code notValid} tells, as the caller reads the statement),
     * or validated since by a {@code VALIDATE CONSTRAINT} of its name on the path. PostgreSQL 12 and later then set
     * the column {@code NOT NULL} without reading the table.
     */
    public static boolean notNullChecked(SchemaTimeline t, QualifiedName table, String column, Migration m, int index,
            Settings s, Predicate<Operation.AddConstraint> notValid) {
        Pattern isNotNull = null;
        for (Creation c : t.creationsOnTable(table)) {
            if (c.key().kind() != ObjectKind.CONSTRAINT
                    || !(c.operation() instanceof Operation.AddConstraint a) || a.kind() != ConstraintKind.CHECK
                    || a.condition() == null) {
                continue;
            }
            if (isNotNull == null) {
                isNotNull = Pattern.compile("\\(*\\s*\"?" + Pattern.quote(column) + "\"?\\s+is\\s+not\\s+null\\s*\\)*",
                        Pattern.CASE_INSENSITIVE);
            }
            if (!isNotNull.matcher(a.condition().strip()).matches()
                    || t.existing(c.key(), m, index, s) != c) {
                continue;
            }
            if (!notValid.test(a) || validatedSince(t, c, m, index)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a {@code VALIDATE CONSTRAINT} of {@code c}'s name runs on the path after it and before {@code index} of {@code m}. */
    private static boolean validatedSince(SchemaTimeline t, Creation c, Migration m, int index) {
        Pattern validate = Pattern.compile("\\bVALIDATE\\s+CONSTRAINT\\s+\"?" + Pattern.quote(c.key().name().name())
                + "\"?(\\s|;|$)", Pattern.CASE_INSENSITIVE);
        for (Operation op : since(t, c, m, index)) {
            String sql = op instanceof Operation.Benign b ? b.site().sqlStatement() : null;
            if (sql != null && validate.matcher(sql).find()) {
                return true;
            }
        }
        return false;
    }
}
