package dev.idemlint.plan;

import dev.idemlint.migration.FormatType;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.schema.Creation;
import dev.idemlint.schema.Effect;
import dev.idemlint.schema.Effects;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.SchemaState;

/**
 * The column types a revision declares against those the catalog holds, compared as PostgreSQL
 * normalizes them ({@link FormatType#same}, {@link SchemaState#typeOfAnotherFamily}).
 */
final class CatalogComparison {
    private final SchemaState state;
    private final Placement places;
    private final ServerFacts errors;
    private final Progress progress;

    CatalogComparison(SchemaState state, Placement places, ServerFacts errors, Progress progress) {
        this.state = state;
        this.places = places;
        this.errors = errors;
        this.progress = progress;
    }

    /**
     * A column the statement names through SQLAlchemy with a declared type of another family than the
     * column's type here (the catalog's, or what the walk made it): what SQLAlchemy does with its values
     * is not what the revision was written for, so its outcome is not known. Null when every declared
     * type agrees or cannot be compared. Not on MySQL and MariaDB, whose COLUMN_TYPE is not compared.
     */
    Outcome.Lost misread(Operation op) {
        if (!errors.formatTypes()) {
            return null;
        }
        for (Effect e : Effects.of(op, Effects.Naming.UNKNOWN)) {
            if (!(e instanceof Effect.TypedUse u) || u.column().table() == null) {
                continue;
            }
            Placement.Target t = places.relTarget(op, u.column().table().name());
            if (t.schema() == null) {
                continue;
            }
            String have = state.typeOfAnotherFamily(new Effect.TypedUse(
                    ObjectRef.in(ObjectKind.COLUMN, t.qualified(), u.column().name().name()), u.type(), u.declared()));
            if (have == null) {
                continue;
            }
            String column = ObjectRef.in(ObjectKind.COLUMN, t.qualified(), u.column().name().name()).path(state.currentSchema());
            // sa.Float and sa.Numeric render as real, double precision and numeric
            boolean floatOrNumeric = u.type().equals("real") || u.type().equals("double precision")
                    || u.type().startsWith("numeric");
            String processing = floatOrNumeric
                    ? "SQLAlchemy's PostgreSQL result processor for Float and Numeric raises InvalidRequestError"
                            + " (\"Unknown PG numeric type\") when a result holds a column that is not numeric, as"
                            + " soon as the result is made, even with no rows"
                    : "SQLAlchemy processes the column's values by the declared type, so the code may read values"
                            + " of another type than it expects, or send ones the server rejects";
            return new Outcome.Lost("the code declares column " + column + " as " + u.type()
                    + (u.declared() == null || u.declared().equals("?") ? "" : " (`" + u.declared() + "`)")
                    + ", but it is " + have + " on this database; " + processing);
        }
        return null;
    }

    /**
     * A pending revision after the one being walked that alters, drops or renames the column: the type
     * the database has may be the one that revision gives it, so a difference proves nothing. Null when none.
     */
    private String changedLater(String table, String column) {
        for (Migration later : progress.after()) {
            for (Operation op : later.upgrade()) {
                String t = op instanceof Operation.Benign b ? b.table()
                        : op instanceof Operation.Drop d && d.kind() == ObjectKind.COLUMN ? d.table()
                        : op instanceof Operation.Rename r && r.kind() == ObjectKind.COLUMN ? r.table() : null;
                String c = op instanceof Operation.Benign b ? b.column()
                        : op instanceof Operation.Drop d ? d.name() : op instanceof Operation.Rename r ? r.from() : null;
                if (t != null && c != null && Placement.bare(places.name(t, op)).equals(table)
                        && places.name(c, op).equals(column)) {
                    return later.header().revisionId();
                }
            }
        }
        return null;
    }

    /** "column players.custom_notes is integer, the revision makes it text", or null when they agree or cannot be compared. */
    String columnMismatch(Operation op, Creation c) {
        if (c.key().kind() != ObjectKind.COLUMN || c.column() == null || !errors.formatTypes()) {
            // the revision's type is rendered as PostgreSQL prints it; MySQL's COLUMN_TYPE is not compared
            return null;
        }
        ObjectRef k = places.key(op, c);
        String have = state.columnType(k);
        String want = c.column().formatType();
        if (have == null || want == null || FormatType.same(have, want)
                || changedLater(c.key().table().name(), k.name().name()) != null) {
            return null;
        }
        return places.describe(op, c) + " is " + have + ", the revision makes it " + want;
    }
}
