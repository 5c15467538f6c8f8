package dev.idemlint.plan;

import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.Presence;
import dev.idemlint.schema.QualifiedName;
import dev.idemlint.schema.SchemaState;
import java.util.List;

/**
 * A foreign key created without a name on MySQL or MariaDB. InnoDB names it {@code <table>_ibfk_<n>} with
 * the next free n, so a second run never fails on it (it adds one more key), and whether it is already there
 * is told by what it joins (its columns and referred table), never by the name PostgreSQL would give it.
 */
final class MysqlForeignKeys {

    private MysqlForeignKeys() {
    }

    /** Whether {@code c} is such a key: a foreign key whose name the server picks, on MySQL or MariaDB. */
    static boolean unnamed(ServerFacts errors, Creation c) {
        return errors.numbersUnnamedForeignKeys() && c.key().kind() == ObjectKind.CONSTRAINT
                && c.constraintKind() == ConstraintKind.FOREIGN_KEY && c.shape() != null && c.shape().postgresNamed();
    }

    /**
     * Whether the key {@code c} makes on table {@code key.table()} is there, by its columns and referred
     * table ({@code referred}, placed in its schema; null when not known).
     */
    static Presence presence(SchemaState state, ObjectRef key, Creation c, QualifiedName referred) {
        List<String> columns = c.shape().columns();
        if (key.table() == null || columns == null || columns.isEmpty() || referred == null) {
            return Presence.UNKNOWN;
        }
        return state.foreignKey(key.table(), columns, referred);
    }

    /** "foreign key users(bracket_id) to brackets", {@code table} as the message shows it. */
    static String describe(String table, Creation c) {
        List<String> columns = c.shape().columns();
        return "foreign key " + table + "(" + (columns == null ? "?" : String.join(", ", columns)) + ")"
                + (c.shape().references() == null ? "" : " to " + c.shape().references().name());
    }
}
